#!/bin/sh
# Compiles the fixture report to PDF with latexmk (pdflatex) in bokmål, nynorsk and
# English, and checks with pdftotext that captions, labels, numbers and the special
# characters are printed.
#   latex_compile_test.sh <render_fixture> <fixture-dir> <work-dir>
# Exit 77 (skipped) only when latexmk is not installed.
set -eu
render=$1
fixtures=$2
work=$3
if ! command -v latexmk >/dev/null 2>&1; then
  echo "SKIP: latexmk is not installed (Debian: latexmk texlive-latex-extra texlive-lang-european)"
  exit 77
fi
if ! command -v pdftotext >/dev/null 2>&1; then
  echo "FAIL: pdftotext is not installed (Debian: poppler-utils)"
  exit 1
fi
fail() {
  echo "FAIL: $*"
  exit 1
}
rm -rf "$work"
mkdir -p "$work"

for variant in nb nn en; do
  meta="$fixtures/report.meta.json"
  [ "$variant" = nb ] || meta="$fixtures/report.$variant.meta.json"
  out="$work/$variant"
  "$render" "$fixtures/report.md" "$meta" "$out" || fail "render_fixture $variant"
  if ! (cd "$out" && latexmk -pdf -interaction=nonstopmode -halt-on-error report.tex \
        >latexmk.log 2>&1); then
    grep -A8 '^!' "$out/report.log" | head -40
    fail "latexmk could not compile $out/report.tex"
  fi
  pdftotext -enc UTF-8 "$out/report.pdf" "$out/report.txt"
  # The page layout (table rows on one line) with all white space removed.
  pdftotext -enc UTF-8 -layout "$out/report.pdf" "$out/report.layout.txt"
  tr -d ' \n\t\f' <"$out/report.layout.txt" >"$out/report.compact.txt"
  has() {
    grep -qF -- "$1" "$out/report.txt" || fail "$variant: '$1' is not in the PDF's text"
  }
  has_compact() {
    grep -qF -- "$1" "$out/report.compact.txt" || fail "$variant: '$1' is not in the PDF's text"
  }
  case "$variant" in
    nb)
      has "Innhold"
      has "Tabeller"
      has "Figurer"
      has "Tabell 1.1 Kommuner og kommuneregioner som inngår i kartleggingen"
      has "Tabell 2.1 Perioder for etablering av 216 samarbeidsordninger"
      has_compact "Figur2.1Geografisknivåfordelingavsamarbeidet.Prosent.Kilde:NIVIAnalyse"
      has "Figur 2.4 Vurdering av samarbeidet"
      has "Kilde: NIVI Analyse"
      has "På oppdrag fra Statsforvalteren i Oslo og Viken"
      has_compact "Resultateneståritabell2.1ogfigur2.1;metodenikapittel1."
      has "Side 3"
      has_compact "Sum216100,0"
      has_compact "Sum42611"
      has_compact "Etter20156630,6"
      has_compact "50,2"
      has_compact "45,3"
      has_compact "&%\$#_{}~^\\<>\"'|ogÆØÅæøå"
      has_compact "A&B|C1,50"
      has_compact "<b>ikkefet</b>\"sitat\"'enkel'1000,00"
      has_compact "~tilde^hatt\\skrå-3,00"
      has_compact "Gjennomsnitteter34ordningerprkommune."
      ;;
    nn)
      has "Innhald"
      has "Tabellar"
      has "Figurar"
      has "Tabell 2.1 Perioder for etablering av 216 samarbeidsordninger"
      has "Kjelde: NIVI Analyse"
      has "På oppdrag frå Statsforvalteren i Oslo og Viken"
      has_compact "Sum216100,0"
      ;;
    en)
      has "Contents"
      has "Table 2.1 Perioder for etablering av 216 samarbeidsordninger"
      has_compact "Figure2.1Geografisknivåfordelingavsamarbeidet.Prosent.Source:NIVIAnalyse"
      has "Commissioned by Statsforvalteren i Oslo og Viken"
      has "Page 3"
      has_compact "Total216100.0"
      has_compact "50.2"
      ;;
  esac
  echo "ok: $variant ($(grep -c . "$out/report.txt") lines of text)"
done
echo "PASS: the fixture compiles in nb, nn and en"
