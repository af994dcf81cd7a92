#!/usr/bin/env python3
"""Soak test: drives modelguard-clangd through many edits over LSP.

For each file given, one editing session with one server:

  1. didOpen the file's text; wait for its diagnostics; note the server's
     resident memory (VmRSS);
  2. a seeded random sequence of incremental edits, the kinds an editor
     sends: typing, pasting a line of the file elsewhere, deleting a span or
     whole lines, unbalanced brackets and quotes, pasted garbage (control
     characters, non-ASCII text, stray preprocessor lines) and undo of the
     most recent edit not yet undone. After each edit the client waits for
     the diagnostics of that version and asks for the document's symbols:
     the server must publish and answer within --timeout, and must not exit;
  3. half-way, every edit still in effect is undone, bringing back the
     file's original text: the diagnostics must equal those of the first
     open;
  4. after the last edit, a second, new server opens the final text: its
     diagnostics must equal those the first server published for it;
  5. the first server's resident memory must be within the stated bound of
     its size after the first open (--memory-factor times it, plus
     --memory-slack MiB), and it must shut down and exit with status 0.

Positions are negotiated in UTF-8 code units, so edits may land inside
multi-byte characters' neighbours without splitting them (edits are made on
code points). Each file is "PATH [compiler flags...]": with flags, they are
its compile command; without, its entry is looked up in the
compile_commands.json of each --database directory.

Prints one summary line per file and a total; exits non-zero with a message
on the first failed expectation. Only the Python standard library is used.
"""

import argparse
import json
import os
import pathlib
import random
import re
import shlex
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_session import Failure, Server, clean_environment  # noqa: E402

# Pasted garbage: what a wrong clipboard holds.
GARBAGE_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "~!@#$%^&*()_+-=[]{}|;:'\",.<>/?\\` \t\n"
    "\x00\x01\x07\x0b\x0c\x1b\x7f"
    "\u00e9\u00df\u00a0\u2028\u4e2d\u6587\U0001f642\ufeff")
GARBAGE_LINES = [
    "#if 0\n", "#endif\n", "#else\n", "#define store ( \n", "#include \"missing.h\"\n",
    "#pragma once\n", "\\\n", "/* unterminated comment\n", "R\"raw(\n", "template <\n",
    "operator\n", "::\n", "}}}}\n", "{{{{\n", "#error pasted\n", "??=\n",
]
TYPED = [
    "auto", "if (", "return ", "x", "->", ".", "std::", "record", "db.save(",
    "throw ", "catch (", "const ", "&", "*", ";", "0", "nullptr", "else",
    "while (true)", "e.what()", "lock", "count + 1", "optional", "value()",
]
BRACKETS = ["{", "}", "(", ")", "[", "]", "<", ">", "\"", "'", "/*", "*/", "//"]

# Relative weights of the edit kinds.
KINDS = [("type", 30), ("paste-line", 10), ("delete", 15), ("delete-lines", 7),
         ("bracket", 12), ("garbage", 8), ("undo", 18)]


def position(text, offset):
    """The LSP position (UTF-8 code units) of code point offset in text."""
    before = text[:offset]
    line = before.count("\n")
    start = before.rfind("\n") + 1
    return {"line": line, "character": len(before[start:].encode("utf-8"))}


class Document:
    """The text an editor holds, and the edits made to it, for undo."""

    def __init__(self, text):
        self.text = text
        self.done = []   # (offset, inserted text, removed text)

    def replace(self, start, end, new_text):
        """Replaces text[start:end]; returns the LSP change."""
        change = {"range": {"start": position(self.text, start),
                            "end": position(self.text, end)},
                  "text": new_text}
        self.done.append((start, new_text, self.text[start:end]))
        self.text = self.text[:start] + new_text + self.text[end:]
        return change

    def undo(self):
        start, inserted, removed = self.done.pop()
        change = {"range": {"start": position(self.text, start),
                            "end": position(self.text, start + len(inserted))},
                  "text": removed}
        self.text = self.text[:start] + removed + self.text[start + len(inserted):]
        return change


def line_bounds(text, offset):
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, (len(text) if end < 0 else end + 1)


def random_edit(rng, doc):
    """Makes one edit of a random kind on doc; returns (kind, LSP change)."""
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    if kind == "undo" and not doc.done:
        kind = "type"
    text = doc.text
    at = rng.randrange(len(text) + 1)
    if kind == "undo":
        return kind, doc.undo()
    if kind == "type":
        return kind, doc.replace(at, at, rng.choice(TYPED))
    if kind == "paste-line" and text:
        start, end = line_bounds(text, rng.randrange(len(text)))
        line_start, _ = line_bounds(text, at)
        return kind, doc.replace(line_start, line_start, text[start:end] or "\n")
    if kind in ("delete", "delete-lines") and text:
        if kind == "delete":
            start = min(at, len(text) - 1)
            end = min(len(text), start + rng.randint(1, 80))
        else:
            start, end = line_bounds(text, min(at, len(text) - 1))
            for _ in range(rng.randint(0, 3)):
                end = line_bounds(text, min(end, len(text) - 1))[1]
        return kind, doc.replace(start, end, "")
    if kind == "bracket":
        return kind, doc.replace(at, at, rng.choice(BRACKETS))
    # garbage (and the text-less fallbacks)
    if rng.random() < 0.3:
        line_start, _ = line_bounds(text, at)
        return "garbage", doc.replace(line_start, line_start, rng.choice(GARBAGE_LINES))
    junk = "".join(rng.choice(GARBAGE_ALPHABET) for _ in range(rng.randint(1, 200)))
    return "garbage", doc.replace(at, at, junk)


def comparable(diagnostics):
    """Diagnostics as a sorted list of what an editor shows."""
    return sorted(json.dumps({k: d.get(k) for k in
                              ("range", "severity", "code", "source", "message")},
                             sort_keys=True) for d in diagnostics)


def resident_mib(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    raise Failure("no VmRSS for process %d" % pid)


def clangd_major(clangd):
    """The major version the server at CLANGD reports ("clangd version 19.1.7")."""
    output = subprocess.run([clangd, "--version"], stdout=subprocess.PIPE,
                            universal_newlines=True, check=True).stdout
    match = re.search(r"clangd version (\d+)\.", output)
    if not match:
        raise Failure("no version in '%s --version': %s" % (clangd, output.strip()))
    return int(match.group(1))


class Session:
    """One server, initialised, for one project directory."""

    def __init__(self, args, env, log):
        self.args = args
        self.server = Server([args.clangd, "--background-index=false", "--log=error",
                              "--pch-storage=memory",
                              "--compile-commands-dir=" + str(args.workdir)],
                             log, env)
        capabilities = {
            "general": {"positionEncodings": ["utf-8"]},
            "textDocument": {"publishDiagnostics": {"versionSupport": True}}}
        # The edits' positions are byte offsets. LSP 3.17 negotiates that with
        # general.positionEncodings, which clangd 22 reads (and it calls the
        # older way deprecated); clangd 19 knows only its own offsetEncoding
        # extension and would otherwise count UTF-16 code units, misplacing
        # every edit after a non-ASCII character.
        if clangd_major(args.clangd) < 22:
            capabilities["offsetEncoding"] = ["utf-8"]
        reply = self.server.request("initialize", {
            "processId": os.getpid(),
            "rootUri": pathlib.Path(args.workdir).as_uri(),
            "capabilities": capabilities,
        }, args.timeout)
        encoding = (reply.get("capabilities", {}).get("positionEncoding")
                    or reply.get("offsetEncoding"))
        if encoding != "utf-8":
            raise Failure("the server did not agree to UTF-8 positions (it chose %r)"
                          % encoding)
        self.server.notify("initialized", {})

    def alive(self, what):
        status = self.server.process.poll()
        if status is not None:
            raise Failure("the server exited with status %d %s" % (status, what))

    def open(self, uri, text):
        self.server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
        return self.server.diagnostics(uri, 1, self.args.timeout)

    def change(self, uri, version, change, what):
        self.server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [change]})
        try:
            diagnostics = self.server.diagnostics(uri, version, self.args.timeout)
            self.server.request("textDocument/documentSymbol",
                                {"textDocument": {"uri": uri}}, self.args.timeout)
        except Failure as failure:
            self.alive(what)
            raise Failure("%s: %s" % (what, failure))
        return diagnostics

    def close(self):
        if self.server.request("shutdown", None, self.args.timeout) is not None:
            raise Failure("shutdown answered with a result")
        self.server.notify("exit", None)
        status = self.server.process.wait(timeout=self.args.timeout)
        if status != 0:
            raise Failure("the server exited with status %d at shutdown" % status)

    def kill(self):
        if self.server.process.poll() is None:
            self.server.process.kill()
            self.server.process.wait()


def compile_database(args, files):
    """Writes the files' compile commands to workdir/compile_commands.json."""
    known = {}
    for directory in args.database:
        with open(os.path.join(directory, "compile_commands.json")) as f:
            for entry in json.load(f):
                name = os.path.join(entry["directory"], entry["file"])
                known.setdefault(os.path.realpath(name), entry)
    entries = []
    for path, flags in files:
        if flags:
            entries.append({"directory": str(path.parent), "file": str(path),
                            "arguments": ["clang++"] + flags + [str(path)]})
        elif str(path) in known:
            entries.append(known[str(path)])
        else:
            raise Failure("no compile command for %s" % path)
    with open(os.path.join(args.workdir, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)


def user_configuration(workdir):
    """Turns the checks on in clangd's user configuration, so that the
    files edited need no .clangd of their own."""
    config = workdir / "xdg-config" / "clangd"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.yaml").write_text(
        "Diagnostics:\n  ClangTidy:\n    Add: modelguard-*\n"
        "    FastCheckFilter: Loose\n")


class Soak:
    """The edits on one file, with one server, and what they showed."""

    def __init__(self, args, env, log, path, rng):
        self.args, self.env, self.log = args, env, log
        self.path, self.uri, self.rng = path, path.as_uri(), rng
        self.version = 1
        self.kinds = {}
        self.latencies = []

    def edit(self, session, change, kind):
        self.version += 1
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        started = time.monotonic()
        diagnostics = session.change(self.uri, self.version, change,
                                     "after edit %d (%s)" % (self.version - 1, kind))
        self.latencies.append(time.monotonic() - started)
        return diagnostics

    def run(self):
        name = self.path.name
        original = self.path.read_text(encoding="utf-8", errors="replace")
        doc = Document(original)
        session = Session(self.args, self.env, self.log)
        try:
            first = session.open(self.uri, original)
            rss_open = resident_mib(session.server.process.pid)
            diagnostics = first
            half = self.args.edits // 2
            while self.version - 1 < self.args.edits:
                if self.version - 1 == half and doc.done:
                    undone = len(doc.done)
                    while doc.done:
                        diagnostics = self.edit(session, doc.undo(), "undo")
                    if comparable(diagnostics) != comparable(first):
                        raise Failure("%s: undoing all %d edits brought back the text "
                                      "but not the first open's diagnostics" % (name, undone))
                    print("%s: undoing %d edits restored the first open's %d diagnostics"
                          % (name, undone, len(first)))
                    continue
                kind, change = random_edit(self.rng, doc)
                diagnostics = self.edit(session, change, kind)
            rss_end = resident_mib(session.server.process.pid)
            session.close()
        finally:
            session.kill()
        print("%s: %d edits (%s), each answered; latency mean %.2f s, max %.2f s" % (
            name, self.version - 1,
            ", ".join("%s %d" % kv for kv in sorted(self.kinds.items())),
            sum(self.latencies) / len(self.latencies), max(self.latencies)))
        self.compare_with_fresh_open(doc.text, diagnostics)
        bound = rss_open * self.args.memory_factor + self.args.memory_slack
        if rss_end > bound:
            raise Failure("%s: resident memory grew from %.0f MiB after the first open "
                          "to %.0f MiB after the edits (bound %.0f MiB)" % (
                              name, rss_open, rss_end, bound))
        print("%s: resident memory %.0f MiB after the first open, %.0f MiB after the "
              "edits, within the bound (%.0f MiB)" % (name, rss_open, rss_end, bound))
        return rss_open, rss_end

    def compare_with_fresh_open(self, text, diagnostics):
        fresh = Session(self.args, self.env, self.log)
        try:
            reopened = fresh.open(self.uri, text)
            fresh.close()
        finally:
            fresh.kill()
        if comparable(reopened) != comparable(diagnostics):
            edited, new = set(comparable(diagnostics)), set(comparable(reopened))
            raise Failure("%s: the diagnostics after the last edit differ from a fresh "
                          "open of the same text\n  only after the edits: %s\n  only "
                          "after a fresh open: %s" % (self.path.name,
                                                     sorted(edited - new)[:5],
                                                     sorted(new - edited)[:5]))
        ours = sum(str(d.get("code", "")).startswith("modelguard-") for d in reopened)
        print("%s: final diagnostics equal a fresh open's (%d, %d of them modelguard)"
              % (self.path.name, len(reopened), ours))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clangd", required=True)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--file", action="append", required=True,
                        metavar="'PATH [FLAGS...]'")
    parser.add_argument("--database", action="append", default=[],
                        help="a directory holding compile_commands.json")
    parser.add_argument("--edits", type=int, default=100, help="edits per file")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--timeout", type=int, default=120,
                        help="seconds to wait for each answer")
    parser.add_argument("--memory-factor", type=float, default=1.5)
    parser.add_argument("--memory-slack", type=float, default=64.0, help="MiB")
    args = parser.parse_args()
    workdir = pathlib.Path(args.workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    args.workdir = str(workdir)
    files = []
    for spec in args.file:
        words = shlex.split(spec)
        files.append((pathlib.Path(words[0]).resolve(), words[1:]))
    env = clean_environment(workdir)
    log_path = workdir / "clangd.log"
    started = time.monotonic()
    try:
        compile_database(args, files)
        user_configuration(workdir)
        with open(log_path, "wb") as log:
            for number, (path, _) in enumerate(files):
                Soak(args, env, log, path, random.Random(args.seed + number)).run()
    except Failure as failure:
        sys.stderr.write("error: %s\n(server log: %s)\n" % (failure, log_path))
        return 1
    print("soak: %d files, %d edits in all, %.0f s" % (
        len(files), len(files) * args.edits, time.monotonic() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
