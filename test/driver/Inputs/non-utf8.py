"""Non-UTF-8 paths for the bad-input test.

  non-utf8.py db DIR                 write DIR/compile_commands.json naming
                                     a file whose path is not UTF-8
  non-utf8.py arg MODELGUARD BUILD   run the driver with a non-UTF-8 file
                                     argument; print its status and stderr
"""
import os
import subprocess
import sys

if sys.argv[1] == "db":
    directory = sys.argv[2]
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "compile_commands.json"), "wb") as f:
        f.write(b'[\n  {"directory": "/tmp", "file": "caf\xe9.cpp",\n'
                b'   "arguments": ["clang++", "-c", "caf\xe9.cpp"]}\n]\n')
else:
    modelguard, build = sys.argv[2], sys.argv[3]
    result = subprocess.run([modelguard, "-p", build, b"caf\xe9.cpp"],
                            capture_output=True)
    print("exit status %d" % result.returncode)
    sys.stdout.write(result.stderr.decode("utf-8", "replace"))
