#!/usr/bin/env bash
# End-to-end tests of the samrapport command: exit codes, messages, outputs that are
# complete or absent, determinism, and the report on default, minimal and synthetic content.
# Usage: cli_test.sh SAMRAPPORT SOURCE_DIR CASE
set -uo pipefail
bin=$1
src=$2
case_name=$3
fixtures="$src/tests/cli/fixtures"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_rc() {  # expected-rc command...
  local want=$1; shift
  "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || { cat "$work/stdout" "$work/stderr" >&2; fail "'$*' exited $got, expected $want"; }
}

case "$case_name" in
version)
  expect_rc 0 "$bin" --version
  grep -qE '^samrapport [0-9]+\.[0-9]+\.[0-9]+$' "$work/stdout" || fail "version line: $(cat "$work/stdout")"
  expect_rc 0 "$bin" --help
  cp "$work/stdout" "$work/help"
  for cmd in check analysis build import-survey jinja-conformance; do
    grep -q "^  $cmd " "$work/help" || fail "--help does not list $cmd"
    expect_rc 0 "$bin" "$cmd" --help
  done
  expect_rc 106 "$bin" no-such-command
  ;;
check-default)
  expect_rc 0 "$bin" check
  grep -q ': ok: 157 municipalities (25 in scope), 232 arrangements' "$work/stdout" ||
    fail "check summary: $(cat "$work/stdout")"
  [ ! -s "$work/stderr" ] || fail "warnings on the default content: $(cat "$work/stderr")"
  ;;
check-bad)
  cd "$src" || exit 1
  expect_rc 1 "$bin" check --content tests/cli/fixtures/bad
  diff -u - "$work/stderr" <<'TXT' || fail "diagnostics differ"
tests/cli/fixtures/bad/arrangements/alle.yaml:4:24: error: unknown municipality 'Orsta'; did you mean 'Ørsta'?
tests/cli/fixtures/bad/arrangements/alle.yaml:6:5: error: unknown key 'legal_from' in arrangement 'revisjon'; did you mean 'legal_form'?
2 errors, 0 warnings
TXT
  [ ! -s "$work/stdout" ] || fail "stdout not empty"
  expect_rc 1 "$bin" build --content tests/cli/fixtures/bad --out "$work/out"
  [ ! -e "$work/out" ] || [ -z "$(ls -A "$work/out")" ] || fail "bad content wrote output"
  ;;
analysis-json)
  expect_rc 0 "$bin" analysis --json
  python3 - "$work/stdout" <<'PY' || fail "analysis JSON"
import json, sys
a = json.load(open(sys.argv[1], encoding="utf-8"))
for key in ["totals", "municipalities", "levels", "size_classes", "periods", "years",
            "tasks", "sectors", "legal_forms", "cross_county", "surveys"]:
    assert key in a, key
assert a["totals"]["arrangements"] == 221, a["totals"]
assert a["totals"]["municipalities_in_scope"] == 25
assert [l["id"] for l in a["levels"]] == ["2-3", "4-8", "9+"]
assert [l["count"] for l in a["levels"]] == [104, 88, 29], a["levels"]
PY
  expect_rc 0 "$bin" analysis --json --content "$fixtures/minimal" --out "$work/a.json"
  python3 -c "import json,sys; a=json.load(open(sys.argv[1])); assert a['totals']['arrangements']==1" "$work/a.json" ||
    fail "analysis of minimal content"
  ;;
build-minimal)
  expect_rc 0 "$bin" build -q --content "$fixtures/minimal" --out "$work/out" --formats md,html,tex
  d="$work/out/interkommunalt-samarbeid-i-as-og-orsta"
  for f in rapport.md rapport.html rapport.tex; do [ -s "$d/$f" ] || fail "missing $f"; done
  [ ! -e "$d/rapport.pdf" ] || fail "pdf written although not asked for"
  grep -q 'Revisjon Ås &amp; Ørsta IKS' "$d/rapport.html" || fail "name not escaped/kept in HTML"
  grep -q 'Revisjon Ås \\& Ørsta IKS' "$d/rapport.tex" || fail "name not escaped in LaTeX"
  if ls "$work/out" | grep -q tmp; then fail "staging directory left behind"; fi
  ;;
build-fragment)
  expect_rc 0 "$bin" build -q --content "$fixtures/minimal" --out "$work/out" --formats html-fragment
  d="$work/out/interkommunalt-samarbeid-i-as-og-orsta"
  f="$d/rapport.fragment.html"
  [ -s "$f" ] || fail "missing rapport.fragment.html"
  [ ! -e "$d/rapport.html" ] || fail "whole page written although only the fragment was asked for"
  head -c 40 "$f" | grep -q '^<div class="samrapport"' || fail "fragment does not start with its div"
  if grep -q '<html\|<head\|<body\|class="title-page"' "$f"; then fail "page parts in the fragment"; fi
  grep -q 'Revisjon Ås &amp; Ørsta IKS' "$f" || fail "content missing from the fragment"
  expect_rc 2 "$bin" build -q --content "$fixtures/minimal" --out "$work/out" --formats html,frag
  grep -q "unknown format 'frag'" "$work/stderr" || fail "bad format not named: $(cat "$work/stderr")"
  ;;
deterministic)
  for i in 1 2; do
    expect_rc 0 "$bin" build -q --out "$work/out$i" --formats md,html,tex
  done
  diff -r "$work/out1" "$work/out2" >/dev/null || fail "two builds of the same content differ"
  ;;
atomic)
  expect_rc 0 "$bin" build -q --content "$fixtures/minimal" --out "$work/out" --formats md
  d="$work/out/interkommunalt-samarbeid-i-as-og-orsta"
  before=$(cat "$d/rapport.md" | md5sum)
  mkdir -p "$work/tpl/report"
  printf '# Kapittel\n\n{{ analysis.totals.arrangementss }}\n' >"$work/tpl/report/rapport.md.j2"
  expect_rc 1 "$bin" build -q --content "$fixtures/minimal" --out "$work/out" --formats md \
    --templates "$work/tpl"
  grep -q "rapport.md.j2:3:" "$work/stderr" || fail "template error without position: $(cat "$work/stderr")"
  grep -q "arrangements" "$work/stderr" || fail "no suggestion in: $(cat "$work/stderr")"
  [ "$(cat "$d/rapport.md" | md5sum)" = "$before" ] || fail "failed build changed the old output"
  [ "$(ls "$work/out")" = "interkommunalt-samarbeid-i-as-og-orsta" ] || fail "leftovers: $(ls "$work/out")"
  ;;
pdf-default)
  # The full default report through latexmk; pdftotext must show captions and numbers.
  expect_rc 0 "$bin" build -q --out "$work/out" --formats pdf
  pdf=$(ls "$work/out"/*/rapport.pdf) || fail "no PDF"
  [ ! -e "$(dirname "$pdf")/rapport.tex" ] || fail "rapport.tex kept although only pdf was asked for"
  pdftotext -layout "$pdf" "$work/r.txt" || fail "pdftotext"
  for want in "Tabell 1.1" "Tabell 3.1" "Figur 2.1" "Figur 5.1" "221" "101859" "Innhold" \
              "NIVI Analyse AS"; do
    grep -qF "$want" "$work/r.txt" || fail "PDF text lacks '$want'"
  done
  ;;
browser-default)
  # The full default report in headless Chromium with axe-core (tests/browser/check.mjs).
  command -v npm >/dev/null && [ -x /usr/bin/chromium ] || { echo "SKIP: no npm or chromium"; exit 77; }
  expect_rc 0 "$bin" build -q --out "$work/out" --formats html
  html=$(ls "$work/out"/*/rapport.html) || fail "no HTML"
  tables=$(grep -o '<table id="tab:' "$html" | wc -l)
  node_dir="$work/node"
  mkdir -p "$node_dir"
  cp "$src/tests/browser/package.json" "$src/tests/browser/package-lock.json" "$src/tests/browser/check.mjs" "$node_dir/"
  (cd "$node_dir" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) >/dev/null ||
    fail "npm ci (puppeteer-core, axe-core)"
  figures=$(grep -o '<figure id="fig:' "$html" | wc -l)
  CHROMIUM=/usr/bin/chromium node "$node_dir/check.mjs" "$html" "$work/first-page.png" "$tables" "$figures" ||
    fail "browser/accessibility check of the default report"
  mkdir -p "${ARTEFACTS:-$src/build/artefacts}" && cp "$work/first-page.png" "${ARTEFACTS:-$src/build/artefacts}/default-report-first-page.png"
  ;;
synthetic-*)
  preset=${case_name#synthetic-}
  python3 "$src/../shared/tools/synth_content.py" "$work/content" --preset "$preset" --seed 7 >/dev/null 2>&1 ||
    python3 "$src/tests/cli/synth_content.py" "$work/content" --preset "$preset" --seed 7 >/dev/null ||
    fail "cannot generate synthetic content"
  expect_rc 0 "$bin" check --content "$work/content"
  expect_rc 0 "$bin" build -q --content "$work/content" --out "$work/out" --formats md,html,tex
  ls "$work/out"/*/rapport.html >/dev/null || fail "no report"
  ;;
*)
  fail "unknown case $case_name"
  ;;
esac
echo "ok: $case_name"
