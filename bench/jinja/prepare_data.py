#!/usr/bin/env python3
"""Prepares the page list of the jinja-pandoc peer as JSON, so that Python Jinja2 and
samrapport's engine render exactly the same data.

    prepare_data.py CONTENT_DIR PEER_DIR OUT.json

Uses the peer's own analyse() (PEER_DIR/site.py) and adds `root` as site.py does.
"""
import importlib.util
import json
import sys


def main():
    content, peer, out = sys.argv[1:4]
    spec = importlib.util.spec_from_file_location("peer_site", f"{peer}/site.py")
    site = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(site)
    pages = []
    for path, kind, ctx in site.analyse(content):
        ctx = dict(ctx, root="../" * path.count("/"))
        pages.append({"path": path, "kind": kind, "context": ctx})
    # default=str: YAML dates in the raw rows (not used by the templates) become strings
    with open(out, "w", encoding="utf-8") as f:
        json.dump(pages, f, ensure_ascii=False, default=str)
    print(f"{len(pages)} pages", file=sys.stderr)


if __name__ == "__main__":
    main()
