"""Writes the large or hostile inputs of the robustness tests to stdout.

  generate.py long-function N   one function of N statements in the shapes
                                the checks look at (store reads and writes,
                                nullable dereferences, locks, SQL)
  generate.py nested-parens N   an expression nested N parentheses deep
  generate.py nested-blocks N   N nested if/compound statements
  generate.py long-chain N      one expression of N binary operators
  generate.py nested-calls N    a store call whose argument nests N calls
  generate.py non-utf8          invalid UTF-8 in comments, literals, names
  generate.py binary N          N bytes from a fixed pseudo-random sequence
"""
import random
import sys


def out(text):
    sys.stdout.write(text)


def long_function(n):
    out('#include "model.h"\nMutex M;\n')
    out("int longFunction(Item &item, Session &s, int id) {\n")
    out("  int total = 0;\n  Row r = db::row_get_by_id(id);\n")
    shapes = [
        "  r.count += {i};\n",
        "  if (!item.owner.isNull()) total += *item.owner;\n",
        "  total += *item.owner;\n",
        "  {{ LockGuard g(M); Row q = db::row_get_by_id({i}); q.count = {i}; db::row_update({i}, q); }}\n",
        '  s.exec("UPDATE rows SET count = {i} WHERE id = 1");\n',
        "  total ^= {i};\n",
    ]
    for i in range(n):
        out(shapes[i % len(shapes)].format(i=i))
    out("  db::row_update(id, r);\n  return total;\n}\n")


def nested_parens(n):
    out("int nestedParens(int x) {\n  return " + "(" * n + "x" + ")" * n + ";\n}\n")


def nested_blocks(n):
    out('#include "model.h"\nint nestedBlocks(Item &item, int x) {\n')
    for i in range(n):
        out("if (x > %d) {\n" % i)
    out("x += *item.owner;\n")
    out("}\n" * n)
    out("return x;\n}\n")


def long_chain(n):
    out('#include "model.h"\nint longChain(Item &item, int x) {\n  return x')
    for i in range(n):
        out(" + x" if i % 50 else " + *item.owner")
    out(";\n}\n")


def nested_calls(n):
    out('#include "model.h"\nint f(int);\nvoid nestedCalls(int id) {\n')
    out("  Row r = db::row_get_by_id(" + "f(" * n + "id" + ")" * n + ");\n")
    out("  r.count += 1;\n  db::row_update(id, r);\n}\n")


def non_utf8():
    data = (b'#include "model.h"\n'
            b"// comment with invalid UTF-8: \xff\xfe \xc3\x28 \xe2\x82\n"
            b"const char *latin1 = \"caf\xe9 cr\xe8me\";\n"
            b"const char *overlong = \"\xc0\xaf\xe0\x80\xaf\";\n"
            b"void bump(int id) {\n"
            b"  Row r = db::row_get_by_id(id); /* \xed\xa0\x80 surrogate */\n"
            b"  r.count += 1;\n"
            b"  db::row_update(id, r);\n"
            b"}\n"
            b"int name\xe9d = 0;\n"
            b"int \xf0\x9f\x98\x80emoji = 1;\n"
            b"char c = '\xff';\n")
    sys.stdout.buffer.write(data)


def binary(n):
    rng = random.Random(8)
    sys.stdout.buffer.write(bytes(rng.randrange(256) for _ in range(n)))


def main():
    mode = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    {
        "long-function": lambda: long_function(count),
        "nested-parens": lambda: nested_parens(count),
        "nested-blocks": lambda: nested_blocks(count),
        "long-chain": lambda: long_chain(count),
        "nested-calls": lambda: nested_calls(count),
        "non-utf8": non_utf8,
        "binary": lambda: binary(count),
    }[mode]()


if __name__ == "__main__":
    main()
