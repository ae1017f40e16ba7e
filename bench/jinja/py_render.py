#!/usr/bin/env python3
"""Renders the prepared pages with Python Jinja2, as the jinja-pandoc peer does.

    py_render.py PAGES.json TEMPLATE_DIR OUT_DIR [REPEAT]

Writes OUT_DIR/{html,md}/<path> and prints the render time (templates compiled once,
JSON loading excluded) to stdout: the total and the best of the REPEAT passes.
"""
import json
import os
import re
import sys
import time

import jinja2

_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def md_escape(value):
    if value is None:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", str(value))


def main():
    pages_path, template_dir, out_dir = sys.argv[1:4]
    repeat = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    with open(pages_path, encoding="utf-8") as f:
        pages = json.load(f)
    loader = jinja2.FileSystemLoader(template_dir)
    html_env = jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True)
    md_env = jinja2.Environment(loader=loader, autoescape=False, trim_blocks=True, lstrip_blocks=True)
    md_env.filters["md"] = md_escape
    kinds = ("index", "list", "detail")
    html = {k: html_env.get_template(f"{k}.html.j2") for k in kinds}
    md = {k: md_env.get_template(f"{k}.md.j2") for k in kinds}
    outputs = {}
    passes = []
    cpu_passes = []
    for _ in range(repeat):
        start = time.perf_counter()
        cpu_start = time.process_time()
        for page in pages:
            outputs[("html", page["path"])] = html[page["kind"]].render(**page["context"])
            outputs[("md", page["path"])] = md[page["kind"]].render(**page["context"])
        passes.append(time.perf_counter() - start)
        cpu_passes.append(time.process_time() - cpu_start)
    elapsed = sum(passes)
    for (fmt, path), text in outputs.items():
        target = os.path.join(out_dir, fmt, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(text)
    print(f"python-jinja2 render: {len(pages)} pages x 2 formats x {repeat} in {elapsed:.3f} s, "
          f"best pass {min(passes):.3f} s, best pass CPU {min(cpu_passes):.3f} s "
          f"(jinja2 {jinja2.__version__})")


if __name__ == "__main__":
    main()
