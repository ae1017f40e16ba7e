#!/usr/bin/env python3
"""Differential testing against Python Jinja2: generates random (but mostly valid) templates
from a small grammar, renders each with Jinja2 under several option sets, and writes the
results as a cases file for `samrapport jinja-conformance`.

    python3 differential.py OUT.jsonl [COUNT] [SEED]
    build/samrapport jinja-conformance OUT.jsonl

Every difference it shows is either a bug in samrapport's engine or a known deviation
(docs/jinja.md). Not run by the test suite (it needs Python Jinja2); add what it finds to
gen_extra_cases.py.
"""
import json
import random
import signal
import sys

import jinja2

CONTEXT = {
    "n": 3, "f": 2.5, "neg": -7, "s": "Øvre Eiker <b>&", "e": "", "t": "Ål og Flå",
    "xs": [3, 1, 2], "ws": ["b", "A", "c", "a"], "none": None,
    "d": {"b": 2, "a": 1, "C": 3}, "nested": {"k": {"v": [1, {"w": "x"}]}},
    "munis": [
        {"name": "Ål", "region": "Hallingdal", "pop": 4664, "area": 1175.5, "tags": ["fjell"]},
        {"name": "Flå", "region": "hallingdal", "pop": 1049, "area": 704.4, "tags": []},
        {"name": "Drammen", "region": "Drammen", "pop": 101859, "area": 317.9, "tags": ["by"]},
    ],
}
TEMPLATES = {
    "inc": "[{{ n }}|{{ s }}]",
    "m": "{% macro box(x, y=2) %}<{{ x }}:{{ y }}{{ caller() if caller }}>{% endmacro %}"
         "{% set version = 3 %}",
    "base": "A{% block a %}a{% endblock %}|{% block b %}b{% endblock %}",
}

ATOMS = ["n", "f", "neg", "s", "e", "t", "xs", "ws", "none", "d", "nested", "munis", "missing",
         "1", "0", "-2", "2.5", "1e3", "'a'", "'Å<'", "''", "true", "false", "none", "[1, 2]",
         "(1,)", "{'k': 1}", "d.a", "d['b']", "xs[0]", "xs[-1]", "s[1:4]", "munis[0].name",
         "nested.k.v[1].w", "d.items()", "d.keys()|list", "range(3)", "loop_var",
         "s.split()", "t.upper()", "s.replace('e', 'E')", "'{} {}'.format(n, t)", "'%05.1f' % f",
         "d.get('a', 0)", "d.get('zz')", "xs.index(1)", "ws|sort(case_sensitive=true)",
         "munis|sum(attribute='pop')", "(munis|first).name", "t.startswith('Å')", "s.strip('Ø')",
         "t[::-1]", "xs + [4]", "ws * 2", "{'a': n}.a", "namespace(a=1).a", "t.title()",
         "'%s-%d' % (t, n)", "s.find('E')", "s.count('e')", "n ~ f ~ t"]
FILTERS = ["upper", "lower", "title", "capitalize", "length", "first", "last", "list", "sort",
           "reverse|list", "join(', ')", "join", "default('d')", "d('x', true)", "string",
           "trim", "e", "safe", "int", "float", "abs", "round(1)", "sum", "max", "min",
           "unique|list", "tojson", "center(9)", "truncate(9, leeway=0)", "wordcount",
           "replace('a', 'b')", "indent(2)", "batch(2)|list", "slice(2)|list",
           "map('string')|list", "select|list", "reject|list", "dictsort", "items|list",
           "urlencode", "striptags", "format(1)", "pprint", "count", "wordwrap(5)",
           "map(attribute='name')|join(',')", "selectattr('tags')|list", "groupby('region')|list",
           "sort(attribute='pop')|map(attribute='name')|list", "xmlattr", "attr('a')",
           "center(7)", "filesizeformat", "urlize", "title|replace(' ', '_')", "indent(2, true)",
           "join('|', attribute='name')", "batch(2, 0)|list", "rejectattr('tags')|list",
           "selectattr('pop', 'gt', 2000)|list", "unique(attribute='region')|list",
           "max(attribute='pop')", "min(attribute='area')", "dictsort(reverse=true)",
           "round(0, 'floor')", "int(7)", "float(1.5)", "trim('Å')", "truncate(5, true, '!', 0)",
           "wordwrap(7, false, '|')", "map('upper')|list", "select('odd')|list",
           "default(none)", "list|length", "string|length", "tojson(2)"]
TESTS = ["defined", "undefined", "none", "number", "string", "mapping", "sequence",
         "iterable", "odd", "even", "divisibleby(3)", "in([1, 2, 3])", "eq(3)", "lower",
         "upper", "callable", "true", "false", "integer", "float", "sameas(none)"]
OPS = ["+", "-", "*", "/", "//", "%", "**", "~", "==", "!=", "<", ">=", "in", "not in",
       "and", "or"]


def expr(r, depth=0):
    k = r.random()
    if depth > 2 or k < 0.35:
        return r.choice(ATOMS)
    if k < 0.6:
        return f"{expr(r, depth + 1)}|{r.choice(FILTERS)}"
    if k < 0.75:
        return f"({expr(r, depth + 1)} {r.choice(OPS)} {expr(r, depth + 1)})"
    if k < 0.85:
        neg = "not " if r.random() < 0.3 else ""
        return f"({expr(r, depth + 1)} is {neg}{r.choice(TESTS)})"
    if k < 0.92:
        return f"({expr(r, depth + 1)} if {expr(r, depth + 1)} else {expr(r, depth + 1)})"
    return f"not {expr(r, depth + 1)}"


def stmt(r, depth=0):
    k = r.random()
    body = lambda: "".join(stmt(r, depth + 1) for _ in range(r.randint(1, 3)))
    if depth > 2 or k < 0.35:
        return "{{ " + expr(r) + " }}" + r.choice(["", " ", "\n", "|", "  \n"])
    if k < 0.45:
        return "{% if " + expr(r) + " %}" + body() + "{% else %}" + body() + "{% endif %}"
    if k < 0.58:
        tgt = r.choice(["loop_var", "k, loop_var"])
        it = r.choice(["xs", "ws", "munis", "d.items()", "range(3)", "s", "'ab'", "d", "missing"])
        extra = r.choice(["", " if loop_var", " recursive"]) if tgt == "loop_var" else ""
        inner = body() + r.choice(["", "{{ loop.index }}", "{{ loop.last }}",
                                   "{{ loop.cycle('a', 'b') }}", "{{ loop.changed(loop_var) }}"])
        return "{% for " + tgt + " in " + it + extra + " %}" + inner + "{% else %}E{% endfor %}"
    if k < 0.66:
        return "{% set v = " + expr(r) + " %}{{ v }}"
    if k < 0.72:
        return "{% macro mm(a, b=1) %}" + body() + "{{ a }}{{ b }}{% endmacro %}{{ mm(" + expr(r) + ") }}"
    if k < 0.77:
        return "{% filter " + r.choice(["upper", "trim", "title", "replace('a', 'x')"]) + " %}" + body() + "{% endfilter %}"
    if k < 0.81:
        return "{% with w = " + expr(r) + " %}{{ w }}" + body() + "{% endwith %}"
    if k < 0.85:
        return "{% include " + r.choice(["'inc'", "['nope', 'inc']"]) + " %}"
    if k < 0.89:
        return "{% from 'm' import box %}{% call box(" + expr(r) + ") %}" + body() + "{% endcall %}"
    if k < 0.92:
        return "{% set ns = namespace(c=0) %}{% for x in xs %}{% set ns.c = ns.c + x %}{% endfor %}{{ ns.c }}"
    if k < 0.93:
        return "  {%- " + "if " + expr(r) + " -%}  x  {%- endif %}\n"
    if k < 0.95:
        return "{% set sb %}" + body() + "{% endset %}[{{ sb }}]"
    if k < 0.96:
        return "{% extends 'base' %}{% block a %}" + body() + "{{ super() }}{% endblock %}"
    if k < 0.97:
        return "{% import 'm' as mod %}{{ mod.version }}{{ mod.box(" + expr(r) + ") }}"
    if k < 0.98:
        return "{% raw %}{{ " + expr(r) + " }}{% endraw %}\n    "
    return "{# comment #}" + body()


class Timeout(Exception):
    pass


def on_alarm(*_):
    raise Timeout()


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    r = random.Random(seed)
    signal.signal(signal.SIGALRM, on_alarm)
    option_sets = [{}, {"autoescape": True}, {"undefined": "strict"},
                   {"trim_blocks": True, "lstrip_blocks": True}]
    written = 0
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            template = "".join(stmt(r) for _ in range(r.randint(1, 4)))
            opts = option_sets[i % len(option_sets)]
            env = jinja2.Environment(
                loader=jinja2.DictLoader(TEMPLATES),
                autoescape=opts.get("autoescape", False),
                trim_blocks=opts.get("trim_blocks", False),
                lstrip_blocks=opts.get("lstrip_blocks", False),
                undefined=jinja2.StrictUndefined if opts.get("undefined") == "strict" else jinja2.Undefined)
            rec = {"id": f"diff.{seed}.{i}", "tier": "core", "template": template,
                   "context": CONTEXT, "templates": TEMPLATES, "options": opts}
            signal.alarm(2)
            try:
                result = env.from_string(template).render(json.loads(json.dumps(CONTEXT)))
                if " at 0x" in result:
                    continue
                rec["expected"] = result
            except Timeout:
                continue
            except RecursionError:
                continue
            except Exception as exc:  # the oracle's verdict
                rec["error"] = True
                rec["error_kind"] = type(exc).__name__
            finally:
                signal.alarm(0)
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            written += 1
    print(f"{written} cases written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
