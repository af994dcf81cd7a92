# lit configuration for the modelguard test suite. Paths to built tools come
# from lit.site.cfg.py, which CMake writes into the build tree.
import os
import shlex
import shutil

import lit.formats

config.name = "modelguard"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in",
                   "check_modelguard.py", "tools"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.modelguard_build_dir, "test")

# Keep the environment small and predictable: a user's .clang-tidy or
# locale must not change results.
config.environment["LC_ALL"] = "C"
config.environment["HOME"] = config.test_exec_root
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])

# A build with -DMODELGUARD_SANITIZE=ON: clang-tidy-22 is not instrumented,
# so it runs through a wrapper that loads the sanitizer runtime first, for
# the instrumented module to load. Only clang-tidy gets the preload: the
# project's own executables link the runtime, and third-party programs the
# tests run (Python, Chromium, the SARIF Multitool) must not be checked.
# Any report aborts the process, which fails the test (also under `not`).
# Leaks are left to the fuzzer, which runs the checks in-process with
# LeakSanitizer. LLVM's allocators poison memory through inline code when
# compiled with AddressSanitizer, but the shared LLVM libraries that unpoison
# it are not instrumented: user poisoning is off so that the mix does not
# report.
if getattr(config, "sanitizer_runtime", ""):
    wrapper = os.path.join(config.modelguard_build_dir, "clang-tidy-sanitized")
    with open(wrapper, "w") as script:
        script.write('#!/bin/sh\nLD_PRELOAD=%s exec %s "$@"\n' % (
            shlex.quote(config.sanitizer_runtime), shlex.quote(config.clang_tidy)))
    os.chmod(wrapper, 0o755)
    config.clang_tidy = wrapper
    # AddressSanitizer keeps freed memory in a quarantine (stated here at its
    # default size) before reusing it, so a sanitized server's resident memory
    # grows by up to that much over an editing session without leaking: the
    # soak test's memory bound allows for it.
    asan_quarantine_mib = 256
    config.environment["ASAN_OPTIONS"] = (
        "abort_on_error=1:detect_leaks=0:allow_user_poisoning=0:quarantine_size_mb=%d"
        % asan_quarantine_mib)
    config.environment["UBSAN_OPTIONS"] = "abort_on_error=1:halt_on_error=1:print_stacktrace=1"
    config.available_features.add("sanitized")
    config.substitutions.append(("%soak_memory_slack", str(64 + asan_quarantine_mib)))
else:
    config.substitutions.append(("%soak_memory_slack", "64"))

# Library headers the profile tests compile against: a test REQUIRES its
# library's feature, so it is UNSUPPORTED only where the header is absent
# (scripts/install-deps.sh installs them all on Debian 12).
library_headers = {
    "sqlite3-headers": "/usr/include/sqlite3.h",
    "sqlitecpp-headers": "/usr/include/SQLiteCpp/SQLiteCpp.h",
    "pqxx-headers": "/usr/include/pqxx/pqxx",
    "soci-headers": "/usr/include/soci/soci.h",
    "qt5-sql-headers": "/usr/include/x86_64-linux-gnu/qt5/QtSql/QSqlQuery",
    "qt6-sql-headers": "/usr/include/x86_64-linux-gnu/qt6/QtSql/QSqlQuery",
    "poco-headers": "/usr/include/Poco/Data/Session.h",
    "mysqlcppconn-headers": "/usr/include/cppconn/prepared_statement.h",
    "hiredis-headers": "/usr/include/hiredis/hiredis.h",
    "leveldb-headers": "/usr/include/leveldb/db.h",
    "rocksdb-headers": "/usr/include/rocksdb/utilities/transaction_db.h",
    "cpprest-headers": "/usr/include/cpprest/http_listener.h",
    "grpc-headers": "/usr/include/grpcpp/grpcpp.h",
    "boost-headers": "/usr/include/boost/beast/http.hpp",
    "httplib-headers": "/usr/include/httplib.h",
    "pistache-headers": "/usr/include/pistache/endpoint.h",
    "absl-headers": "/usr/include/absl/types/optional.h",
}
# The LLVM major version the module was built for ("llvm-19", "llvm-22"):
# a test whose outcome depends on that version's clang says so.
config.available_features.add("llvm-" + config.llvm_major)

for feature, header in library_headers.items():
    if os.path.exists(header):
        config.available_features.add(feature)

module = config.modelguard_module
runner = " ".join(shlex.quote(p) for p in [
    config.python_executable,
    os.path.join(config.test_source_root, "check_modelguard.py"),
    "--clang-tidy", config.clang_tidy, "--filecheck",
    os.path.join(config.llvm_tools_dir, "FileCheck"), "--load", module])

config.substitutions.append(("%check_modelguard", runner))
config.substitutions.append(("%clang_tidy", shlex.quote(config.clang_tidy)))
config.substitutions.append(("%modelguard_module", shlex.quote(module)))
config.substitutions.append(("%rulegen", shlex.quote(config.rulegen)))
config.substitutions.append(("%profilegen", shlex.quote(config.profilegen)))
config.substitutions.append(("%refmodel_test", shlex.quote(config.refmodel_test)))
config.substitutions.append(("%unit_tests", shlex.quote(config.unit_tests)))
config.substitutions.append(("%repo_root", shlex.quote(config.modelguard_source_dir)))
config.substitutions.append(("%python", shlex.quote(config.python_executable)))
config.substitutions.append(("%docs_url", shlex.quote(getattr(config, "docs_url", ""))))
# Substitutions are regular expressions: '%modelguard' must not match the
# start of '%modelguard_clangd' or of a local '%modelguard_build_dir'.
for name, path in getattr(config, "extra_tools", {}).items():
    config.substitutions.append(("%" + name + r"(?!\w)", shlex.quote(path)))
    config.available_features.add(name)

# Programs some tests need, when the machine has them.
if shutil.which("git"):
    config.available_features.add("git")
if shutil.which("dpkg") and shutil.which("dpkg-deb"):
    config.available_features.add("dpkg")
if getattr(config, "cpack", ""):
    config.substitutions.append(("%cpack", shlex.quote(config.cpack)))
    config.available_features.add("cpack")
