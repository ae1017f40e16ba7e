#!/usr/bin/env python3
"""Add the eierskapsmelding fields to synthetic content, deterministically.

Reads a content directory written by ../shared/tools/synth_content.py and adds, to its
company-like arrangements (iks, as, sa, stiftelse, forening, ans; some ipr and
oppgavefellesskap as their own legal person), organisation numbers with valid modulus-11
check digits (unique), purposes, liability shares (iks, ans, oppgavefellesskap),
representatives, owners' purposes, agreements and key figures for two years with each
listed participant's contribution; and to the municipalities a language (some nynorsk)
and, for some in-scope ones, eierskapsmelding metadata. The same seed gives the same
output. `samrapport check` accepts the result with no warnings beyond the input's own.

    add_ownership_fields.py DIR [--seed N] [--out OUT]

Without --out the files in DIR are rewritten in place; with --out, DIR is copied to OUT
(which must not exist) first. Every value is invented: use it for tests and benchmarks only.
"""
import argparse
import glob
import os
import random
import shutil
import sys

import yaml

ENTITY_FORMS = {"iks", "as", "sa", "stiftelse", "forening", "ans"}
LIABILITY_FORMS = {"iks", "ans", "oppgavefellesskap"}
OWN_PERSON_FORMS = {"ipr", "oppgavefellesskap"}
WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)

FIRST = ["Kari", "Ola", "Ingrid", "Per", "Sigrid", "Lars", "Solveig", "Nils", "Astrid",
         "Knut", "Marit", "Tor", "Randi", "Arne", "Liv", "Håkon", "Åse", "Øystein"]
LAST = ["Testesen", "Prøvesen", "Eksempel", "Fiktiv", "Dikt", "Døme", "Oppdikt",
        "Lånevik", "Tenkjer", "Utprøv"]
ROLES = {
    "iks": ["representantskap", "representantskap (vara)"],
    "as": ["generalforsamling", "styremedlem"],
    "sa": ["årsmøte", "styremedlem"],
    "ans": ["selskapsmøte"],
    "stiftelse": ["styremedlem"],
    "forening": ["årsmøte"],
    "ipr": ["representantskap"],
    "oppgavefellesskap": ["representantskap"],
}


class Dumper(yaml.SafeDumper):
    pass


def _str_repr(dumper, data):
    return dumper.represent_scalar("tag:yaml.org,2002:str", data,
                                   style="|" if "\n" in data else None)


Dumper.add_representer(str, _str_repr)


def dump(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        yaml.dump(obj, f, Dumper=Dumper, allow_unicode=True, sort_keys=False,
                  default_flow_style=None, width=100)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def check_digit(first_eight):
    """The modulus-11 check digit of eight digits, or None when there is none."""
    remainder = sum(int(c) * w for c, w in zip(first_eight, WEIGHTS)) % 11
    if remainder == 1:
        return None
    return 0 if remainder == 0 else 11 - remainder


class OrgNumbers:
    """Unique organisation numbers with valid check digits, from a seeded start."""

    def __init__(self, rng):
        self.next = 91000000 + rng.randrange(0, 8000000)

    def take(self):
        while True:
            base = "%08d" % self.next
            self.next += 1
            digit = check_digit(base)
            if digit is not None:
                return base + str(digit)


def shares(rng, n):
    """n percentages (one decimal) that add up to at most 100."""
    raw = [rng.uniform(1, 10) for _ in range(n)]
    total = sum(raw)
    out = [round(100.0 * x / total, 1) for x in raw]
    while sum(out) > 100:
        i = out.index(max(out))
        out[i] = round(out[i] - 0.1, 1)
    return out


def lower_first(s):
    return s[:1].lower() + s[1:]


def person(rng):
    return "%s %s" % (rng.choice(FIRST), rng.choice(LAST))


def amount(rng, low, high):
    """A whole number of kroner, rounded to thousands."""
    return int(rng.uniform(low, high) / 1000) * 1000


def add_entity_fields(rng, a, form, org_numbers, what):
    refs = list(a.get("participants", []))
    a["org_number"] = org_numbers.take()
    a["purpose"] = "Formålet er å løse %s for deltakerkommunene." % lower_first(
        what or "felles oppgaver")
    if form in LIABILITY_FORMS and refs:
        a["liability_share"] = dict(zip(refs, shares(rng, len(refs))))
    if refs:
        roles = ROLES.get(form, ["styremedlem"])
        reps = {}
        for ref in refs[:8]:
            people = [{"name": person(rng), "role": roles[0], "term": "2023-2027"}]
            if len(roles) > 1 and rng.random() < 0.4:
                people.append({"name": person(rng), "role": roles[1], "term": "2024-2026"})
            reps[ref] = people
        a["representatives"] = reps
        purposes = {}
        for ref in refs:
            if rng.random() < 0.5:
                purposes[ref] = "Kommunen deltar for å sikre innbyggerne %s." % lower_first(
                    what or "gode tjenester")
        if purposes:
            a["owner_purposes"] = purposes
    a["agreement"] = {
        "date": "%d-%02d-%02d" % (rng.randint(2005, 2021), rng.randint(1, 12), rng.randint(1, 28)),
        "case_number": "%d/%d" % (rng.randint(2005, 2021), rng.randint(1, 2000)),
        "link": "https://example.org/avtaler/%s" % a["id"],
    }
    income = amount(rng, 2e6, 4e8)
    figures = []
    for year in (2022, 2023):
        income = amount(rng, income * 0.95, income * 1.1)
        row = {
            "year": year,
            "operating_income": income,
            "result": amount(rng, -0.05 * income, 0.08 * income),
            "equity": amount(rng, 0.1 * income, 0.6 * income),
            "debt": amount(rng, 0.05 * income, 0.8 * income),
        }
        if refs:
            pay = shares(rng, len(refs))
            row["contribution"] = {ref: int(income * 0.4 * p / 100) for ref, p in zip(refs, pay)}
        figures.append(row)
    a["key_figures"] = figures


def add_fields(content_dir, seed):
    rng = random.Random(seed)
    org_numbers = OrgNumbers(rng)
    tasks = load(os.path.join(content_dir, "tasks.yaml"))
    task_names = {t["id"]: t["name"] for t in tasks.get("tasks", [])}
    touched = 0
    for path in sorted(glob.glob(os.path.join(content_dir, "arrangements", "*.yaml"))):
        doc = load(path)
        for a in doc.get("arrangements") or []:
            form = a.get("legal_form")
            ts = a.get("tasks") or []
            what = task_names.get(ts[0]) if ts else a.get("description", "").split(" for ")[0]
            if form in OWN_PERSON_FORMS and rng.random() < 0.5:
                a["own_legal_person"] = True
            if form in ENTITY_FORMS or a.get("own_legal_person"):
                add_entity_fields(rng, a, form, org_numbers, what)
                touched += 1
        dump(path, doc)
    mpath = os.path.join(content_dir, "municipalities.yaml")
    munis = load(mpath)
    for m in munis.get("municipalities", []):
        if rng.random() < 0.3:
            m["language"] = "nn"
        elif rng.random() < 0.05:
            m["language"] = "nb"
        if m.get("in_scope") and rng.random() < 0.4:
            m["eierskapsmelding"] = {
                "adopted_by": "kommunestyret",
                "date": "2024-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28)),
                "case_number": "24/%d" % rng.randint(1, 999),
                "election_period": "2023-2027",
            }
    dump(mpath, munis)
    return touched


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("content_dir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", help="copy CONTENT_DIR here first and change the copy")
    args = ap.parse_args(argv)
    target = args.content_dir
    if args.out:
        if os.path.exists(args.out):
            ap.error("%s exists" % args.out)
        shutil.copytree(args.content_dir, args.out)
        target = args.out
    if not os.path.isfile(os.path.join(target, "municipalities.yaml")):
        ap.error("%s is not a content directory" % target)
    touched = add_fields(target, args.seed)
    print("%s: eierskapsmelding fields on %d arrangements" % (target, touched), file=sys.stderr)


if __name__ == "__main__":
    main()
