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
  # Only the note that the built-in content is used (tests/cli/first_hour_test.sh).
  [ "$(grep -vc '^samrapport: note: no --content given' "$work/stderr")" -eq 0 ] ||
    fail "warnings on the default content: $(cat "$work/stderr")"
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
  expect_rc 0 "$bin" build -q --product report --content "$fixtures/minimal" --out "$work/out" --formats md
  d="$work/out/interkommunalt-samarbeid-i-as-og-orsta"
  before=$(cat "$d/rapport.md" | md5sum)
  mkdir -p "$work/tpl/report"
  printf '# Kapittel\n\n{{ analysis.totals.arrangementss }}\n' >"$work/tpl/report/rapport.md.j2"
  expect_rc 1 "$bin" build -q --product report --content "$fixtures/minimal" --out "$work/out" --formats md \
    --templates "$work/tpl"
  grep -q "rapport.md.j2:3:" "$work/stderr" || fail "template error without position: $(cat "$work/stderr")"
  grep -q "arrangements" "$work/stderr" || fail "no suggestion in: $(cat "$work/stderr")"
  [ "$(cat "$d/rapport.md" | md5sum)" = "$before" ] || fail "failed build changed the old output"
  [ "$(ls "$work/out")" = "interkommunalt-samarbeid-i-as-og-orsta" ] || fail "leftovers: $(ls "$work/out")"
  ;;
declaration-error)
  # An error in a table declaration names the template file and line that made the table.
  mkdir -p "$work/tpl/report"
  sed 's/{"label": "Nr", "kind": "number", "decimals": 0}/{"label": "Nr", "kind": "nummer", "decimals": 0}/' \
    "$src/templates/report/nb/kap3.md.j2" >"$work/tpl/report/kap3.md.j2"
  line=$(grep -n '^{{ table(id="tab:oppgaver"' "$work/tpl/report/kap3.md.j2" | cut -d: -f1)
  [ -n "$line" ] || fail "the test's template no longer declares tab:oppgaver"
  expect_rc 1 "$bin" build -q --product report --templates "$work/tpl" --out "$work/out" --formats md
  grep -q "^report/kap3.md.j2:$line:[0-9]*: error: table 'tab:oppgaver': columns\[0\].kind" "$work/stderr" ||
    fail "declaration error not at the template line $line: $(cat "$work/stderr")"
  if grep -q "rapport.md:" "$work/stderr"; then fail "an error points into the generated Markdown: $(cat "$work/stderr")"; fi
  [ ! -e "$work/out/interkommunalt-samarbeid-i-buskerud" ] || fail "output written although the build failed"
  ;;
latex-failure)
  # LaTeX fails (a Greek letter the PDF fonts lack): the build fails, says why with the .tex
  # line, keeps the .tex and log for the user, and keeps the previous output.
  command -v latexmk >/dev/null || { echo "SKIP: no latexmk"; exit 77; }
  mkdir -p "$work/c" && cp -r "$fixtures/minimal/." "$work/c/"
  expect_rc 0 "$bin" build -q --product report --content "$work/c" --out "$work/out" --formats md
  sed -i 's/name: Revisjon Ås & Ørsta IKS/name: Revisjon Ås \& Ørsta IKS Ω/' "$work/c/arrangements/"*.yaml
  expect_rc 2 "$bin" build -q --product report --content "$work/c" --out "$work/out" --formats md,pdf
  grep -q "LaTeX failed; the previous output is kept" "$work/stderr" || fail "no LaTeX message: $(cat "$work/stderr")"
  grep -q "the \.tex line [0-9]*: .*Ω" "$work/stderr" || fail "the offending .tex line is not quoted: $(cat "$work/stderr")"
  ls "$work/out/latex-errors/report/rapport.tex" "$work/out/latex-errors/report/rapport.log" >/dev/null ||
    fail "the .tex and log were not kept: $(find "$work/out" | head -20)"
  d="$work/out/interkommunalt-samarbeid-i-as-og-orsta"
  [ ! -e "$d/rapport.pdf" ] && ! grep -q "Ω" "$d/rapport.md" || fail "the failed build changed the output"
  ;;
output-safety)
  # samrapport replaces only folders it made, never the content, the templates or the cwd.
  slug=interkommunalt-samarbeid-i-as-og-orsta
  cp -r "$fixtures/minimal" "$work/$slug"
  before=$(find "$work/$slug" -type f | sort | xargs md5sum)
  (cd "$work" && expect_rc 2 "$bin" build -q --content "$slug" --out . --formats md) || exit 1
  grep -q "refusing to replace this folder: it is .*$slug" "$work/stderr" || fail "no refusal: $(cat "$work/stderr")"
  [ "$(find "$work/$slug" -type f | sort | xargs md5sum)" = "$before" ] || fail "the content was changed"
  mkdir -p "$work/out/$slug" && echo "mine" >"$work/out/$slug/thesis.tex"
  expect_rc 2 "$bin" build -q --content "$fixtures/minimal" --out "$work/out" --formats md
  grep -q "was not made by samrapport" "$work/stderr" || fail "unmarked folder replaced: $(cat "$work/stderr")"
  [ "$(cat "$work/out/$slug/thesis.tex")" = "mine" ] || fail "unmarked folder changed"
  rm -rf "$work/out/$slug"
  expect_rc 0 "$bin" build -q --content "$fixtures/minimal" --out "$work/out" --formats md
  (cd "$work/out/$slug" && expect_rc 2 "$bin" build -q --content "$fixtures/minimal" --out .. --formats md) || exit 1
  grep -q "working directory" "$work/stderr" || fail "cwd replaced: $(cat "$work/stderr")"
  # Another format keeps the files of the first (html-fragment used to delete rapport.md).
  expect_rc 0 "$bin" build -q --content "$fixtures/minimal" --out "$work/out" --formats html-fragment
  [ -s "$work/out/$slug/rapport.md" ] || fail "html-fragment build deleted rapport.md"
  [ -s "$work/out/$slug/rapport.fragment.html" ] || fail "no fragment"
  expect_rc 2 "$bin" build -q --content "$fixtures/minimal" --out "$work/out" --templates "$work/nope"
  grep -q "no such folder" "$work/stderr" || fail "missing --templates folder accepted"
  ;;
commit-faults)
  # Killed just before or just after the swap: the output is the old or the new one, whole,
  # and the next build removes what the killed one left.
  slug=interkommunalt-samarbeid-i-as-og-orsta
  d="$work/out/$slug"
  expect_rc 0 "$bin" build -q --product report --content "$fixtures/minimal" --out "$work/out" --formats md
  old=$(md5sum <"$d/rapport.md")
  mkdir -p "$work/tpl/report"
  printf '# Endret\n\nNy tekst.\n' >"$work/tpl/report/rapport.md.j2"
  SAMRAPPORT_FAULT=before-commit "$bin" build -q --product report --content "$fixtures/minimal" --out "$work/out" \
    --formats md --templates "$work/tpl" >/dev/null 2>&1 && fail "fault point before-commit not reached"
  [ "$(md5sum <"$d/rapport.md")" = "$old" ] || fail "killed before the swap, the output changed"
  [ -n "$(ls -A "$work/out/.samrapport-staging")" ] || fail "expected a killed build's staging"
  SAMRAPPORT_FAULT=after-commit "$bin" build -q --product report --content "$fixtures/minimal" --out "$work/out" \
    --formats md --templates "$work/tpl" >/dev/null 2>&1 && fail "fault point after-commit not reached"
  grep -q "Ny tekst" "$d/rapport.md" || fail "killed after the swap, the output is not the new one"
  expect_rc 0 "$bin" build -q --product report --content "$fixtures/minimal" --out "$work/out" --formats md
  [ -z "$(ls -A "$work/out/.samrapport-staging" 2>/dev/null)" ] || fail "stale staging not removed"
  [ "$(ls "$work/out")" = "$slug" ] || fail "leftovers: $(ls -A "$work/out")"
  ;;
readers-and-concurrent-builds)
  # A reader polling during rebuilds never sees the folder missing; concurrent builds into
  # one OUT either build or say that another build is writing, never a raw filesystem error.
  slug=interkommunalt-samarbeid-i-as-og-orsta
  d="$work/out/$slug"
  expect_rc 0 "$bin" build -q --product report --content "$fixtures/minimal" --out "$work/out" --formats md,html
  : >"$work/misses"
  ( while [ ! -e "$work/stop" ]; do [ -f "$d/rapport.md" ] || echo miss >>"$work/misses"; done ) &
  reader=$!
  for i in $(seq 1 20); do
    "$bin" build -q --product report --content "$fixtures/minimal" --out "$work/out" --formats md,html 2>"$work/err-a-$i" &
    a=$!
    "$bin" build -q --product report --content "$fixtures/minimal" --out "$work/out" --formats md,html 2>"$work/err-b-$i"
    wait $a
  done
  touch "$work/stop"
  wait $reader
  [ ! -s "$work/misses" ] || fail "the output folder was missing $(wc -l <"$work/misses") times during rebuilds"
  if cat "$work"/err-* | grep -v "another build is writing\|: note: " | grep -q .; then
    fail "concurrent builds: $(cat "$work"/err-* | sort | uniq -c)"
  fi
  [ -s "$d/rapport.md" ] && [ -s "$d/rapport.html" ] || fail "output incomplete after concurrent builds"
  ;;
kill-during-pdf|interrupt-during-pdf)
  # SIGKILL or Ctrl-C (SIGINT) while TeX runs: no TeX process survives, the old output
  # stays, and the next build cleans up. Ctrl-C exits 130.
  command -v latexmk >/dev/null || { echo "SKIP: no latexmk"; exit 77; }
  set -m  # background jobs get SIGINT as they would at a terminal
  expect_rc 0 "$bin" build -q --product report --out "$work/out" --formats md
  d=$(ls -d "$work/out"/*/)
  old=$(md5sum <"$d/rapport.md")
  tex_pids() {  # processes working below our output directory
    for p in /proc/[0-9]*; do
      case "$(readlink "$p/cwd" 2>/dev/null)" in "$work/out"*) echo "${p#/proc/}" ;; esac
    done
  }
  "$bin" build -q --product report --out "$work/out" --formats md,pdf >"$work/bg.out" 2>"$work/bg.err" &
  pid=$!
  for _ in $(seq 1 600); do [ -n "$(tex_pids)" ] && break; sleep 0.1; done
  [ -n "$(tex_pids)" ] || fail "TeX did not start"
  if [ "$case_name" = kill-during-pdf ]; then kill -KILL $pid; else kill -INT $pid; fi
  wait $pid
  rc=$?
  if [ "$case_name" = interrupt-during-pdf ]; then
    [ $rc -eq 130 ] || fail "Ctrl-C during PDF: exit $rc, expected 130 ($(cat "$work/bg.err"))"
    grep -q "interrupted" "$work/bg.err" || fail "no message: $(cat "$work/bg.err")"
  fi
  for _ in $(seq 1 50); do [ -z "$(tex_pids)" ] && break; sleep 0.1; done
  [ -z "$(tex_pids)" ] || fail "TeX processes outlived the build: $(tex_pids | xargs ps -o pid,cmd -p)"
  [ "$(md5sum <"$d/rapport.md")" = "$old" ] || fail "the old output changed"
  [ ! -e "$d/rapport.pdf" ] || fail "a PDF was committed"
  expect_rc 0 "$bin" build -q --product report --out "$work/out" --formats md
  [ -z "$(ls -A "$work/out/.samrapport-staging" 2>/dev/null)" ] || fail "stale staging not removed"
  ;;
pdf-default)
  # The full default report through latexmk; pdftotext must show captions and numbers.
  expect_rc 0 "$bin" build -q --product report --out "$work/out" --formats pdf
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
  expect_rc 0 "$bin" build -q --product report --out "$work/out" --formats html
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
