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
  expect_rc 0 "$bin" check --content rapport
  grep -q ': ok: 2 municipalities (2 in scope), 3 arrangements, 1 survey' "$work/stdout" ||
    fail "check summary: $(cat "$work/stdout")"
  [ ! -s "$work/stderr" ] || fail "check warns on the init content: $(cat "$work/stderr")"
  products=()
  if ! "$bin" templates list | grep -qx "report/$lang/rapport.md.j2"; then
    # The survey report has no templates in this language yet: the eierskapsmeldinger only.
    echo "note: no report/$lang/ templates; building the eierskap product only"
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
*)
  fail "unknown case $case_name"
  ;;
esac
echo "ok: $case_name"
