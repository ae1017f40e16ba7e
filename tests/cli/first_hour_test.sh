#!/usr/bin/env bash
# The first hour of a new user: init, templates export/list, and the messages that help
# (misspelt commands, built-in content, check --strict).
# Usage: first_hour_test.sh SAMRAPPORT SOURCE_DIR CASE
set -uo pipefail
bin=$1
src=$2
case_name=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_rc() {  # expected-rc command...
  local want=$1; shift
  "$@" >"$work/stdout" 2>"$work/stderr"
  local got=$?
  [ "$got" -eq "$want" ] || { cat "$work/stdout" "$work/stderr" >&2; fail "'$*' exited $got, expected $want"; }
}
expect_err() {  # fixed string that stderr must hold
  grep -qF -- "$1" "$work/stderr" || { cat "$work/stderr" >&2; fail "stderr lacks: $1"; }
}

case "$case_name" in
init-nb | init-nn | init-en)
  lang=${case_name#init-}
  mkdir "$work/empty" && cd "$work/empty" || exit 1
  expect_rc 0 "$bin" init rapport --language "$lang"
  expect_err "rapport: wrote "
  for f in report.yaml municipalities.yaml tasks.yaml; do [ -s "rapport/$f" ] || fail "no $f"; done
  grep -q "^language: $lang\$" rapport/report.yaml || fail "report.yaml is not in $lang"
  products=()
  if "$bin" templates list | grep -qx "report/$lang/rapport.md.j2"; then
    expect_rc 0 "$bin" check --content rapport --strict
    grep -q ': ok: 2 municipalities (2 in scope), 3 arrangements, 1 survey' "$work/stdout" ||
      fail "check summary: $(cat "$work/stdout")"
    [ ! -s "$work/stderr" ] || fail "check warns on the init content: $(cat "$work/stderr")"
  else
    # The survey report has no templates in this language yet: check says so, and the
    # eierskapsmeldinger are built alone.
    echo "note: no report/$lang/ templates; building the eierskap product only"
    expect_rc 1 "$bin" check --content rapport
    expect_err "template 'rapport.md.j2' not found"
    products=(--product eierskap)
  fi
  expect_rc 0 "$bin" build --content rapport --out out --formats md,html,tex "${products[@]}"
  if grep -v '^  ' "$work/stderr" | grep -q .; then fail "build says more than progress: $(cat "$work/stderr")"; fi
  [ "$(ls out/eierskap/*/*.md | wc -l)" -eq 2 ] || fail "not two eierskapsmeldinger"
  if [ ${#products[@]} -eq 0 ]; then
    md=$(ls out/*/rapport.md) || fail "no report"
    # The foreword is a template: its {{ report.client }} is filled in.
    client=$(sed -n 's/^client: //p' rapport/report.yaml)
    grep -qF "$client" "$md" || fail "the foreword's report.client is not in the report"
    if grep -q '{{' "$md"; then fail "an unrendered {{ in the report"; fi
  fi
  # Comments in the chosen language.
  case $lang in
  nb) grep -q 'påkrevd' rapport/report.yaml || fail "no bokmål comments" ;;
  nn) grep -q 'påkravd' rapport/report.yaml || fail "no nynorsk comments"
      if grep -qiwE 'ikke|hva|hvor|fra|kommunene|ordningene' rapport/*.yaml rapport/*/*; then
        fail "bokmål word in the nynorsk init content: $(grep -iwE 'ikke|hva|hvor|fra|kommunene|ordningene' rapport/*.yaml rapport/*/*)"
      fi ;;
  en) grep -q '(required)' rapport/report.yaml || fail "no English comments" ;;
  esac
  # A folder that is not empty is refused, and nothing in it changes.
  echo "mine" >keep.txt
  before=$(ls -A rapport | sort)
  expect_rc 1 "$bin" init rapport
  expect_err "rapport: folder is not empty"
  [ "$(ls -A rapport | sort)" = "$before" ] || fail "init changed a non-empty folder"
  expect_rc 1 "$bin" init keep.txt
  expect_err "keep.txt: exists and is not a folder"
  [ "$(cat keep.txt)" = mine ] || fail "init replaced a file"
  # An empty folder is fine, and so is a trailing slash.
  mkdir empty2
  expect_rc 0 "$bin" init empty2/ --language "$lang"
  [ -s empty2/report.yaml ] || fail "init into an empty folder"
  if ls -A | grep -q '\.init-'; then fail "staging folder left behind"; fi
  expect_rc 105 "$bin" init x --language se
  ;;
templates)
  expect_rc 0 "$bin" templates list
  cp "$work/stdout" "$work/list"
  grep -qx 'report/nb/kap3.md.j2' "$work/list" || fail "list lacks report/nb/kap3.md.j2"
  grep -qx 'lib/report.j2' "$work/list" || fail "list lacks lib/report.j2"
  [ "$(sort "$work/list")" = "$(cd "$src/templates" && find . -type f ! -name '.*' | sed 's|^\./||' | LC_ALL=C sort)" ] ||
    fail "templates list differs from templates/"
  # All of them, byte for byte, with their folders.
  expect_rc 0 "$bin" templates export "$work/all"
  diff -r "$src/templates" "$work/all" >/dev/null || fail "exported templates differ from templates/"
  # Named ones: a full name, a file name in every folder, a folder.
  expect_rc 0 "$bin" templates export "$work/some" report/nb/kap1.md.j2 kap3.md.j2 lib/nb
  expect_err "wrote "
  (cd "$work/some" && find . -type f | sed 's|^\./||' | LC_ALL=C sort) >"$work/got"
  { echo report/nb/kap1.md.j2; grep -E '(^|/)kap3\.md\.j2$' "$work/list"; grep '^lib/nb/' "$work/list"; } |
    LC_ALL=C sort -u >"$work/want"
  diff -u "$work/want" "$work/got" || fail "named export wrote other files"
  # A misspelt name: did you mean, nothing written.
  expect_rc 1 "$bin" templates export "$work/none" kap33.md.j2
  expect_err "no built-in template 'kap33.md.j2'; did you mean 'kap3.md.j2'?"
  [ ! -e "$work/none" ] || fail "a failed export wrote files"
  # An edited copy is not replaced without --force.
  echo "edited" >>"$work/some/report/nb/kap1.md.j2"
  expect_rc 1 "$bin" templates export "$work/some" report/nb
  expect_err "report/nb/kap1.md.j2: exists and differs from the built-in template"
  tail -1 "$work/some/report/nb/kap1.md.j2" | grep -qx edited || fail "edited copy replaced"
  [ ! -e "$work/some/report/nb/kap2.md.j2" ] || fail "export wrote some files before refusing"
  expect_rc 0 "$bin" templates export "$work/some" report/nb --force
  cmp -s "$work/some/report/nb/kap1.md.j2" "$src/templates/report/nb/kap1.md.j2" || fail "--force"
  # Override one file: the exported kap7, edited, is used by a build; the rest stay built-in.
  mkdir -p "$work/mine"
  expect_rc 0 "$bin" templates export "$work/mine" report/nb/kap7.md.j2
  printf '\nEGEN-MERKNAD-I-KAP7\n' >>"$work/mine/report/nb/kap7.md.j2"
  expect_rc 0 "$bin" build -q --content "$src/tests/cli/fixtures/minimal" --templates "$work/mine" \
    --out "$work/out" --formats md --product report
  grep -q 'EGEN-MERKNAD-I-KAP7' "$work/out"/*/rapport.md || fail "the exported, edited template was not used"
  ;;
unknown-command)
  expect_rc 106 "$bin" biuld --content x
  expect_err "unknown command 'biuld'; did you mean 'build'?"
  expect_rc 106 "$bin" templtes
  expect_err "did you mean 'templates'?"
  expect_rc 106 "$bin" xyzzy
  expect_err "unknown command 'xyzzy' (samrapport --help lists the commands)"
  expect_rc 0 "$bin" --help
  for cmd in init templates; do
    grep -q "^  $cmd " "$work/stdout" || fail "--help does not list $cmd"
  done
  ;;
builtin-content)
  # Every command that uses the built-in content without being told says so first.
  for cmd in check "analysis --json" products; do
    # shellcheck disable=SC2086
    expect_rc 0 "$bin" $cmd
    head -1 "$work/stderr" | grep -qF "note: no --content given: using the built-in example (Buskerud 2021)" ||
      fail "$cmd does not say it uses the built-in content: $(head -2 "$work/stderr")"
  done
  expect_rc 0 "$bin" build --product report --formats md --out "$work/out"
  head -1 "$work/stderr" | grep -qF "content       no --content given: using the built-in example" ||
    fail "build's first progress line: $(head -1 "$work/stderr")"
  # With --content, nothing of the kind.
  expect_rc 0 "$bin" check --content "$src/tests/cli/fixtures/minimal"
  if grep -q "built-in" "$work/stderr"; then fail "check --content mentions the built-in content"; fi
  # import-survey: a survey id the example does not have, without --content.
  printf 'Kommune;Hva mener kommunen?\nÅl;Bra\nHol;Godt\n' >"$work/svar.csv"
  expect_rc 0 "$bin" import-survey "$work/svar.csv" --survey min-undersokelse
  expect_err "survey 'min-undersokelse' is not in the built-in example content, and no --content was given"
  grep -q '^id: min-undersokelse' "$work/stdout" || fail "no survey written"
  # An existing survey of the example, or --content: no such warning.
  expect_rc 0 "$bin" import-survey "$work/svar.csv" --survey min-undersokelse --content "$src/tests/bad-content/_base"
  if grep -q "not in the built-in example" "$work/stderr"; then fail "warned with --content"; fi
  ;;
check-strict)
  mkdir "$work/c" && cp -r "$src/tests/cli/fixtures/minimal/." "$work/c/" || exit 1
  expect_rc 0 "$bin" check --content "$work/c" --strict
  # One content warning: an edge municipality that is not in scope.
  printf '  - { name: Volda, county: Møre og Romsdal, edge: true }\n' >>"$work/c/municipalities.yaml"
  expect_rc 0 "$bin" check --content "$work/c"
  expect_err "0 errors, 1 warning"
  expect_rc 1 "$bin" check --content "$work/c" --strict
  expect_err "--strict: the warnings above fail the check"
  [ ! -s "$work/stdout" ] || fail "--strict failure printed ok"
  ;;
check-texts)
  cd "$work" || exit 1
  "$bin" init c >/dev/null 2>&1 || fail "init"
  expect_rc 0 "$bin" check --content c --strict
  # A misspelt text name: no template reads it; did you mean the real one.
  cp c/text/bakgrunn.md c/text/bakgrun.md
  expect_rc 0 "$bin" check --content c
  expect_err "c/text/bakgrun.md: warning: no template reads the text 'bakgrun'; did you mean 'bakgrunn'?"
  expect_rc 1 "$bin" check --content c --strict
  # A text is a template: an undefined variable fails check, at the text's line and column.
  rm c/text/bakgrun.md
  printf 'Skrevet for {{ report.clientt }}.\n' >>c/text/forord.md
  line=$(wc -l <c/text/forord.md)
  expect_rc 1 "$bin" check --content c
  expect_err "c/text/forord.md:$line:23: error: 'report' has no attribute 'clientt' (did you mean 'client'?)"
  # ... also in a text no template reads (rendered on its own).
  sed -i '$d' c/text/forord.md
  printf '{{ report.clientt }}\n' >c/text/ukjent.md
  expect_rc 1 "$bin" check --content c
  expect_err "c/text/ukjent.md:1:11: error: 'report' has no attribute 'clientt'"
  expect_err "c/text/ukjent.md: warning: no template reads the text 'ukjent'"
  # A template error in the user's --templates folder shows in check too.
  rm c/text/ukjent.md
  mkdir -p t/report && printf '{{ analysis.totalss }}\n' >t/report/kap7.md.j2
  expect_rc 1 "$bin" check --content c --templates t
  expect_err "report/kap7.md.j2:1:"
  expect_err "has no attribute 'totalss'"
  ;;
*)
  fail "unknown case $case_name"
  ;;
esac
echo "ok: $case_name"
