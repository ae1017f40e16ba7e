#!/usr/bin/env bash
# End-to-end tests of the products other than the survey report (eierskap ...): golden
# files per format, language (no bokmål form in a nynorsk document), edge contents, PDF and
# browser checks. Usage: products_test.sh SAMRAPPORT SOURCE_DIR CASE
# SAMRAPPORT_UPDATE_GOLDEN=1 rewrites the golden files (review the diff before committing).
set -uo pipefail
bin=$1
src=$2
case_name=$3
fixture="$src/tests/fixtures/eierskap"
golden="$src/tests/products/golden"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_rc() {  # expected-rc command...
  local want=$1; shift
  "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || { cat "$work/stdout" "$work/stderr" >&2; fail "'$*' exited $got, expected $want"; }
}
# The visible words of a Markdown or HTML file, lower-cased, one per line.
words() {
  python3 - "$1" <<'PY'
import html, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
if sys.argv[1].endswith(".html"):
    text = re.sub(r"<(style|script)\b.*?</\1>", " ", text, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
for w in re.findall(r"[^\W\d_]+", text.lower()):
    print(w)
PY
}
# The names in the content (arrangements, municipalities, sectors, tasks): data, not prose.
content_words() {
  python3 - "$1" <<'PY'
import re, sys, pathlib, yaml
names = set()
def walk(x):
    if isinstance(x, dict):
        for k, v in x.items():
            if k in ("name", "purpose", "description", "notes", "other_owners", "owner_purposes", "role", "adopted_by"):
                for s in (v.values() if isinstance(v, dict) else v if isinstance(v, list) else [v]):
                    if isinstance(s, str):
                        names.update(re.findall(r"[^\W\d_]+", s.lower()))
            walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
for p in pathlib.Path(sys.argv[1]).rglob("*.yaml"):
    walk(yaml.safe_load(p.read_text(encoding="utf-8")))
for p in pathlib.Path(sys.argv[1]).rglob("*.md"):
    names.update(re.findall(r"[^\W\d_]+", p.read_text(encoding="utf-8").lower()))
print("\n".join(sorted(names)))
PY
}

case "$case_name" in
eierskap-golden)
  # Every format of every municipality of the fixture, byte for byte.
  expect_rc 0 "$bin" build -q --product eierskap --content "$fixture" --out "$work/out" \
    --formats md,html,html-fragment,tex
  out="$work/out/eierskap"
  if [ -n "${SAMRAPPORT_UPDATE_GOLDEN:-}" ]; then
    rm -rf "$golden/eierskap" && mkdir -p "$golden" && cp -r "$out" "$golden/eierskap"
    echo "updated $golden/eierskap"
  fi
  diff -r "$golden/eierskap" "$out" >"$work/diff" || { head -60 "$work/diff" >&2; fail "eierskap output differs from tests/products/golden"; }
  # The same again: byte-identical.
  expect_rc 0 "$bin" build -q --product eierskap --content "$fixture" --out "$work/out2" \
    --formats md,html,html-fragment,tex
  diff -r "$out" "$work/out2/eierskap" >/dev/null || fail "two builds differ"
  ;;
eierskap-language)
  # A nynorsk municipality's melding holds no bokmål form, an English one no Norwegian
  # word of ours, outside the names and texts the content itself gives.
  expect_rc 0 "$bin" build -q --product eierskap --content "$fixture" --out "$work/out" --formats md,html
  content_words "$fixture" >"$work/names"
  nn=$(grep -l 'lang="nn"' "$work"/out/eierskap/*/*.html | grep -v fragment)
  en=$(grep -l 'lang="en"' "$work"/out/eierskap/*/*.html | grep -v fragment)
  [ -n "$nn" ] || fail "the fixture has no nynorsk municipality"
  bokmaal="ikke hva hvor hvordan hvorfor fra noen disse kommunene ordningene eier eiere eierskap
    eierandel virksomhet virksomheter virksomheten selskaper tilskudd deltar ble vedtatt mangler
    gjeldende også oversikten innledning prinsipper ansvarlige foretak hver gir gjør bare vil"
  for f in $nn ${nn//.html/.md}; do
    words "$f" | sort -u >"$work/w"
    for w in $bokmaal; do
      if grep -qx "$w" "$work/w" && ! grep -qx "$w" "$work/names"; then
        fail "bokmål form '$w' in the nynorsk $(basename "$f"): $(grep -o ".\{30\}\b$w\b.\{30\}" "$f" | head -2)"
      fi
    done
  done
  norsk="og ikke ikkje kommune kommunen kommunar kommuner selskap samarbeid registrert etablert
    eierandel eigardel tilskudd tilskot virksomhet verksemd avtale sak tabell figur kilde kjelde
    innhold innhald av for med til per"
  for f in $en ${en//.html/.md}; do
    words "$f" | sort -u >"$work/w"
    for w in $norsk; do
      if grep -qx "$w" "$work/w" && ! grep -qx "$w" "$work/names"; then
        fail "Norwegian word '$w' in the English $(basename "$f"): $(grep -o ".\{30\}\b$w\b.\{30\}" "$f" | head -2)"
      fi
    done
  done
  ;;
eierskap-edge-contents)
  # A content without companies, and one with a single municipality in scope.
  expect_rc 0 "$bin" build -q --product eierskap --content "$src/tests/cli/fixtures/minimal" \
    --out "$work/out" --formats md,html
  ls "$work"/out/eierskap/*/eierskapsmelding.md >/dev/null || fail "no eierskapsmelding for the minimal content"
  mkdir -p "$work/one" && cp -r "$src/tests/cli/fixtures/minimal/." "$work/one/"
  python3 - "$work/one/municipalities.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read().replace("county: Møre og Romsdal, in_scope: true", "county: Møre og Romsdal, in_scope: false")
open(p, "w", encoding="utf-8").write(s)
PY
  expect_rc 0 "$bin" check --content "$work/one"
  expect_rc 0 "$bin" build -q --product eierskap --content "$work/one" --out "$work/out1" --formats md
  [ "$(ls "$work/out1/eierskap" | wc -l)" -eq 1 ] || fail "expected one melding: $(ls "$work/out1/eierskap")"
  expect_rc 0 "$bin" build -q --product eierskap --content "$fixture" --out "$work/fix" --formats md
  grep -q "^Registeret viser ingen selskaper" "$work/fix/eierskap/asmark/eierskapsmelding.md" ||
    fail "no plain statement that a municipality has no companies"
  # Building one product keeps the other's output; products lists both.
  expect_rc 0 "$bin" build -q --product report --content "$src/tests/cli/fixtures/minimal" --out "$work/out" --formats md
  ls "$work"/out/eierskap/*/eierskapsmelding.html >/dev/null || fail "building the report removed the eierskap output"
  expect_rc 0 "$bin" products --content "$fixture"
  grep -q "^eierskap: " "$work/stdout" && grep -q "^report: " "$work/stdout" || fail "products: $(cat "$work/stdout")"
  expect_rc 2 "$bin" build -q --product eierskapp --content "$fixture" --out "$work/out"
  grep -q "unknown product 'eierskapp'" "$work/stderr" || fail "unknown product: $(cat "$work/stderr")"
  ;;
eierskap-synthetic)
  # National-scale content with ownership fields: every municipality gets its melding.
  python3 "$src/../shared/tools/synth_content.py" "$work/content" --preset buskerud --seed 3 >/dev/null 2>&1 ||
    python3 "$src/tests/cli/synth_content.py" "$work/content" --preset buskerud --seed 3 >/dev/null ||
    fail "cannot generate synthetic content"
  # With the ownership fields (organisation numbers, shares, key figures) where the tool is there.
  if [ -f "$src/tests/tools/add_ownership_fields.py" ]; then
    python3 "$src/tests/tools/add_ownership_fields.py" "$work/content" >/dev/null || fail "add_ownership_fields.py"
  fi
  expect_rc 0 "$bin" check --content "$work/content"
  expect_rc 0 "$bin" build -q --product eierskap --content "$work/content" --out "$work/out" --formats md,html,tex
  n=$(ls "$work/out/eierskap" | wc -l)
  [ "$n" -ge 20 ] || fail "only $n meldinger"
  # Pages are rendered in parallel: a template that fails on every page reports the first
  # page's error (in page order), once, in every run.
  first=$("$bin" analysis --content "$work/content" --json 2>/dev/null |
    python3 -c "import json, sys; print(json.load(sys.stdin)['ownership'][0]['name'])")
  mkdir -p "$work/tpl/eierskap"
  echo '{{ kommune.name }} {{ {}[kommune.name] }}' >"$work/tpl/eierskap/eierskapsmelding.md.j2"
  for run in 1 2 3; do
    expect_rc 1 "$bin" build -q --product eierskap --content "$work/content" --templates "$work/tpl" \
      --out "$work/out" --formats md
    [ "$(grep -c ': error: ' "$work/stderr")" -eq 1 ] || fail "run $run: not one error: $(cat "$work/stderr")"
    grep -q "has no element '$first'" "$work/stderr" || fail "run $run: not the first page's error ($first): $(grep error "$work/stderr")"
  done
  ls "$work"/out/eierskap/*/eierskapsmelding.tex >/dev/null || fail "the failed build removed the earlier output"
  ;;
eierskap-pdf)
  command -v latexmk >/dev/null || { echo "SKIP: no latexmk"; exit 77; }
  expect_rc 0 "$bin" build -q --product eierskap --content "$fixture" --out "$work/out" --formats pdf
  python3 - "$fixture" "$work/out/eierskap" <<'PY' || fail "PDF text"
import pathlib, re, subprocess, sys, yaml
content, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
pdfs = sorted(out.glob("*/*.pdf"))
assert pdfs, "no PDF"
arrangements = []
for p in sorted((content / "arrangements").glob("*.yaml")):
    arrangements += yaml.safe_load(p.read_text(encoding="utf-8"))["arrangements"]
companies = {a["name"] for a in arrangements if "ended" not in a and (a.get("legal_form") in ("iks", "as", "sa", "stiftelse", "forening", "ans") or a.get("own_legal_person"))}
seen = set()
for pdf in pdfs:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", " ", text)
    seen |= {c for c in companies if re.sub(r"\s+", " ", c) in flat}
    assert "Tabell" in text or "Table" in text, pdf
missing = companies - seen
assert not missing, f"entities missing from every PDF: {sorted(missing)}"
print(f"{len(pdfs)} PDFs, {len(companies)} entities found")
PY
  ;;
eierskap-browser)
  command -v npm >/dev/null && [ -x /usr/bin/chromium ] || { echo "SKIP: no npm or chromium"; exit 77; }
  expect_rc 0 "$bin" build -q --product eierskap --content "$fixture" --out "$work/out" --formats html
  node_dir="$work/node"
  mkdir -p "$node_dir"
  cp "$src/tests/browser/package.json" "$src/tests/browser/package-lock.json" "$src/tests/browser/check.mjs" "$node_dir/"
  (cd "$node_dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) >/dev/null ||
    fail "npm ci (puppeteer-core, axe-core)"
  for html in "$work"/out/eierskap/*/*.html; do
    tables=$(grep -o '<table id="tab:' "$html" | wc -l)
    figures=$(grep -o '<figure id="fig:' "$html" | wc -l)
    name=$(basename "$(dirname "$html")")
    CHROMIUM=/usr/bin/chromium node "$node_dir/check.mjs" "$html" "$work/$name.png" "$tables" "$figures" ||
      fail "browser/accessibility check of $html"
    mkdir -p "${ARTEFACTS:-$src/build/artefacts}" && cp "$work/$name.png" "${ARTEFACTS:-$src/build/artefacts}/eierskap-$name.png"
  done
  ;;
*)
  fail "unknown case $case_name"
  ;;
esac
echo "ok: $case_name"
