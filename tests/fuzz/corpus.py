#!/usr/bin/env python3
"""The fuzz corpus is kept as one file per target (corpus/<target>.b64, one base64 line per
input) so that the repository holds a few files instead of thousands.

    corpus.py unpack DIR        # corpus/*.b64 -> DIR/<target>/<sha1>  (for libFuzzer runs)
    corpus.py pack DIR          # DIR/<target>/* -> corpus/<target>.b64 (after -merge=1)
"""
import base64
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TARGETS = ("lexer", "parser", "render", "content", "document", "markdown")


def unpack(out):
    for t in TARGETS:
        d = os.path.join(out, t)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(HERE, "corpus", f"{t}.b64")) as f:
            for line in f:
                data = base64.b64decode(line.strip())
                with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as g:
                    g.write(data)


def pack(src):
    for t in TARGETS:
        d = os.path.join(src, t)
        entries = []
        for name in sorted(os.listdir(d)):
            with open(os.path.join(d, name), "rb") as f:
                entries.append(f.read())
        entries.sort(key=lambda b: (len(b), b))
        with open(os.path.join(HERE, "corpus", f"{t}.b64"), "w") as f:
            for data in entries:
                f.write(base64.b64encode(data).decode("ascii") + "\n")
        print(f"{t}: {len(entries)} inputs")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("pack", "unpack"):
        sys.exit(__doc__)
    (pack if sys.argv[1] == "pack" else unpack)(sys.argv[2])
