#!/usr/bin/env python3
"""Drives modelguard-clangd through one editor session over LSP.

The session is the one an editor has with the reference model:

  1. a project directory is laid out from the reference model's sources and
     the configuration files given on the command line (.clangd,
     .clang-tidy, compile_flags.txt), as a user would set it up;
  2. initialize / initialized;
  3. didOpen flawed/instance_action.cpp: publishDiagnostics must carry each
     modelguard-* code at the line above each CHECK-MESSAGES comment of that
     file, nothing else from modelguard, and no compiler error;
  4. didChange to the text of remediated/instance_action.cpp: the next
     publishDiagnostics must carry no modelguard-* code;
  5. shutdown / exit: the server must answer, then exit with status 0.

With --check-mode, the same expectations hold for `clangd --check` on the
two files instead: it must succeed and report each finding of the flawed
model (with --check-warnings) and none of the remediated one.

Only the Python standard library is used. Exits non-zero with a message on
the first failed expectation.
"""

import argparse
import json
import os
import pathlib
import queue
import re
import shutil
import subprocess
import sys
import threading
import time

CHECK_MESSAGES = re.compile(
    r"//\s*CHECK-MESSAGES:\s*:\[\[@LINE([+-]\d+)?\]\]:.*"
    r"\[(modelguard-[a-z-]+)\]")



class Failure(Exception):
    pass


def expected_findings(text):
    """(0-based line, check) for each CHECK-MESSAGES comment in text."""
    found = set()
    for number, line in enumerate(text.splitlines()):
        match = CHECK_MESSAGES.search(line)
        if match:
            found.add((number + int(match.group(1) or 0), match.group(2)))
    return found


class Server:
    """A language server on a pipe, with a reader thread for its output."""

    def __init__(self, command, stderr, env):
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=stderr, env=env)
        self.messages = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.process.stdout
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    self.messages.put(None)
                    return
                header = header.strip()
                if not header:
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if length is None:
                continue
            self.messages.put(json.loads(stream.read(length)))

    def send(self, message):
        body = json.dumps(dict(message, jsonrpc="2.0")).encode("utf-8")
        self.process.stdin.write(
            b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params, timeout):
        ident = self.next_id
        self.next_id += 1
        self.send({"id": ident, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == ident and "method" not in m,
                          timeout, "the reply to '%s'" % method)
        if "error" in reply:
            raise Failure("'%s' failed: %s" % (method, reply["error"]))
        return reply.get("result")

    def wait(self, wanted, timeout, what):
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Failure("timed out after %ds waiting for %s" %
                              (timeout, what))
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise Failure("the server closed its output while waiting "
                              "for %s" % what)
            if "method" in message and "id" in message:
                # A request from the server (progress tokens and the like):
                # accept it so that the server does not wait on us.
                self.send({"id": message["id"], "result": None})
                continue
            if wanted(message):
                return message

    def diagnostics(self, uri, version, timeout):
        message = self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == version,
            timeout, "diagnostics for version %d of %s" % (version, uri))
        return message["params"]["diagnostics"]


def modelguard_findings(diagnostics):
    return {(d["range"]["start"]["line"], d["code"]) for d in diagnostics
            if str(d.get("code", "")).startswith("modelguard-")}


def errors(diagnostics):
    return ["%d: %s" % (d["range"]["start"]["line"] + 1, d["message"])
            for d in diagnostics if d.get("severity") == 1]


def describe(findings):
    return ", ".join("line %d %s" % (line + 1, check)
                     for line, check in sorted(findings)) or "none"


def lay_out_project(model_dir, project, config_files):
    if project.exists():
        shutil.rmtree(project)
    # The model's sources and headers, and nothing else from its directory.
    for source in sorted(model_dir.rglob("*")):
        if source.suffix in (".h", ".cpp") and source.is_file():
            target = project / source.relative_to(model_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    for config in config_files:
        source, _, name = config.partition("=")
        shutil.copyfile(source, project / name)


def clean_environment(workdir):
    """The environment with no user configuration or index to leak in."""
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = str(workdir / "xdg-config")
    env["XDG_CACHE_HOME"] = str(workdir / "xdg-cache")
    env.pop("CLANGD_FLAGS", None)
    return env


# `clangd --check` logs each diagnostic as "E[time] [code] Line N: message".
CHECK_DIAGNOSTIC = re.compile(
    r"^E\[[^]]*\] \[(modelguard-[a-z-]+)\] Line (\d+):", re.MULTILINE)


def run_check(args, project, expected):
    log = pathlib.Path(args.workdir) / "clangd.log"
    for name, wanted in (("flawed", expected), ("remediated", set())):
        source = project / name / "instance_action.cpp"
        run = subprocess.run(
            [args.clangd, "--check=" + str(source), "--check-locations=false",
             "--check-warnings"], stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, env=clean_environment(log.parent),
            timeout=args.timeout)
        log.write_bytes(run.stderr)
        if run.returncode != 0:
            raise Failure("--check on the %s model failed with status %d" %
                          (name, run.returncode))
        got = {(int(line) - 1, check) for check, line in
               CHECK_DIAGNOSTIC.findall(run.stderr.decode("utf-8", "replace"))}
        if got != wanted:
            raise Failure("--check on the %s model: expected %s\n  got %s" %
                          (name, describe(wanted), describe(got)))
        print("--check %s: %d modelguard findings at the expected lines" %
              (name, len(got)))


def run_session(args):
    project = pathlib.Path(args.workdir).resolve() / "project"
    lay_out_project(pathlib.Path(args.model), project, args.config)
    flawed = project / "flawed" / "instance_action.cpp"
    remediated_text = (project / "remediated" /
                       "instance_action.cpp").read_text()
    flawed_text = flawed.read_text()
    expected = expected_findings(flawed_text)
    if not expected:
        raise Failure("no CHECK-MESSAGES lines in %s" % flawed)
    if args.check_mode:
        run_check(args, project, expected)
        return

    env = clean_environment(project.parent)
    log = open(project.parent / "clangd.log", "wb")
    server = Server([args.clangd, "--background-index=false", "--log=info",
                     "--pch-storage=memory"], log, env)
    try:
        server.request("initialize", {
            "processId": os.getpid(),
            "rootUri": project.as_uri(),
            "capabilities": {"textDocument": {
                "publishDiagnostics": {"relatedInformation": True},
                "synchronization": {"didSave": True}}},
        }, args.timeout)
        server.notify("initialized", {})

        uri = flawed.as_uri()
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1,
            "text": flawed_text}})
        opened = server.diagnostics(uri, 1, args.timeout)
        if errors(opened):
            raise Failure("the flawed model did not compile: " +
                          "; ".join(errors(opened)))
        got = modelguard_findings(opened)
        if got != expected:
            raise Failure("flawed model: expected %s\n  got %s\n"
                          "  missing: %s\n  unexpected: %s" % (
                              describe(expected), describe(got),
                              describe(expected - got),
                              describe(got - expected)))
        ours = [d for d in opened
                if str(d.get("code", "")).startswith("modelguard-")]
        if any(d.get("source") != "clang-tidy" for d in ours):
            raise Failure("modelguard diagnostics not attributed to "
                          "clang-tidy")
        if not any(d.get("relatedInformation") for d in ours):
            raise Failure("no modelguard diagnostic carried its notes as "
                          "related information")
        print("didOpen: %d modelguard diagnostics at the expected lines "
              "(%s)" % (len(got), describe(got)))

        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"text": remediated_text}]})
        changed = server.diagnostics(uri, 2, args.timeout)
        if errors(changed):
            raise Failure("the remediated model did not compile: " +
                          "; ".join(errors(changed)))
        left = modelguard_findings(changed)
        if left:
            raise Failure("after didChange to the remediated model: " +
                          describe(left))
        print("didChange: no modelguard diagnostics left")

        if server.request("shutdown", None, args.timeout) is not None:
            raise Failure("shutdown answered with a result")
        server.notify("exit", None)
        status = server.process.wait(timeout=args.timeout)
        if status != 0:
            raise Failure("the server exited with status %d" % status)
        print("shutdown: clean exit")
    finally:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()
        log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clangd", required=True)
    parser.add_argument("--model", required=True,
                        help="the test/reference-model directory")
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--config", action="append", default=[],
                        metavar="FILE=NAME",
                        help="copy FILE into the project root as NAME")
    parser.add_argument("--timeout", type=int, default=180,
                        help="seconds to wait for each answer")
    parser.add_argument("--check-mode", action="store_true",
                        help="run clangd --check on the model instead of an "
                        "LSP session")
    args = parser.parse_args()
    try:
        run_session(args)
    except Failure as failure:
        log = pathlib.Path(args.workdir) / "clangd.log"
        sys.stderr.write("error: %s\n(server log: %s)\n" % (failure, log))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
