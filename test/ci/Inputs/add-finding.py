"""Adds a function with a nullable field read without a check to the
remediated model in a workspace made by make-workspace.py.

usage: add-finding.py WORKSPACE
"""
import os
import sys

path = os.path.join(sys.argv[1], "remediated", "instance_action.cpp")
with open(path, encoding="utf-8") as f:
    text = f.read()
closing = "}  // namespace refmodel::remediated"
added = ("std::string uuidOf(const InstanceAction& action) {\n"
         "  return *action.instance_uuid;\n"
         "}\n\n")
if closing not in text:
    sys.exit("add-finding: no '%s' in %s" % (closing, path))
with open(path, "w", encoding="utf-8") as f:
    f.write(text.replace(closing, added + closing))
