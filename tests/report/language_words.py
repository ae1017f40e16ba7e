#!/usr/bin/env python3
"""Word-list check of a built report: no bokmål-only form in a nynorsk report, no Norwegian
word in an English one, outside the names and texts the content itself gives (those are
data, in whatever language the content is written).

Usage: language_words.py nn|en REPORT.md CONTENT_DIR
Exits 1 and prints each offending word with its context.
"""
import pathlib
import re
import sys

import yaml

# Forms that are bokmål and never nynorsk (tests/products/products_test.sh has the
# eierskapsmelding's list; this one adds the survey report's words).
BOKMAAL = """ikke hva hvor hvordan hvorfor hvilke hvilken fra noen noe disse kommunene ordningene
ordninger kommuner deltar gjelder gjeldende også bare hver hvert hele dem de mens
tjeneste tjenester oppgave oppgaver oppgaven områder regionene tallene tall antall
andelen andel fordelingen kapitlet beskrevet registreres svarene undersøkelsen uten utenfor
innenfor innen mellom_ikke ble etter_hvert følger fulgt tidligere senere høyere lavere
høyest lavest bygger dekker sammen samlede samlet egen eget egne størrelse innbyggere
kjennetegn beskriver ordningen""".split()
BOKMAAL = [w for w in BOKMAAL if "_" not in w]
# Norwegian words that an English report should not hold outside names.
NORSK = """og ikke ikkje kommune kommunen kommuner kommunar kommunene ordning ordninger
ordningar samarbeid samarbeidet registrert etablert av for med til fra frå det er som
eller tabell figur kilde kjelde innhold innhald prosent innbyggere antall mellom
også ingen alle flest deltar deltek har""".split()


def words(path):
    text = pathlib.Path(path).read_text(encoding="utf-8")
    # Figures and tables are JSON blocks in the Markdown source; their captions and labels
    # are words too, their keys are not.
    text = re.sub(r'"(id|kind|align|decimals|thousands|label|caption|source|style|group|'
                  r'unit|palette|columns|rows|sum|notes|chart|categories|values|series|name|'
                  r'classes|key|category_classes|category_label|value_label|max|normalize|'
                  r'value_labels|reference|image|alt|at|cells|number|text|true|false|null)"\s*:',
                  " ", text)
    text = re.sub(r"\{#?[a-z]+[:-][^}]*\}", " ", text)  # anchors and reference markers
    return text


def tokens(text):
    return re.findall(r"[^\W\d_]+", text.lower())


def content_phrases(root):
    """Every string of the content's YAML as a token sequence (names, survey answers ...):
    data, in whatever language the content is written. text/*.md is left out: the
    tests build without it, so that the template's own prose is what remains."""
    phrases = []

    def walk(x):
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif isinstance(x, str):
            t = tokens(x)
            if t:
                phrases.append(t)

    for p in sorted(pathlib.Path(root).rglob("*.yaml")):
        walk(yaml.safe_load(p.read_text(encoding="utf-8")))
    return phrases


def uncovered(text, phrases):
    """The report's words that no content phrase covers."""
    toks = tokens(text)
    by_first = {}
    for ph in phrases:
        by_first.setdefault(ph[0], []).append(ph)
    covered = [False] * len(toks)
    for i, w in enumerate(toks):
        for ph in by_first.get(w, ()):
            if toks[i:i + len(ph)] == ph:
                for j in range(i, i + len(ph)):
                    covered[j] = True
    return [w for w, c in zip(toks, covered) if not c]


def main():
    lang, report, content = sys.argv[1:4]
    text = words(report)
    left = set(uncovered(text, content_phrases(content)))
    banned = BOKMAAL if lang == "nn" else NORSK
    bad = [w for w in banned if w in left]
    for w in bad:
        ctx = re.findall(r".{0,50}\b" + re.escape(w) + r"\b.{0,50}", text, flags=re.I)[:3]
        print(f"{'bokmål form' if lang == 'nn' else 'Norwegian word'} '{w}' in {report}: {ctx}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
