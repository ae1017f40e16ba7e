#!/usr/bin/env bash
# Install every Debian 12 package samrapport needs to build, test and make PDFs.
# Run as root. Idempotent: packages already installed are skipped quickly.
set -euo pipefail

packages=(
  # build
  build-essential cmake g++ pkg-config clang-format
  # libraries
  libyaml-cpp-dev libcmark-gfm-dev libcmark-gfm-extensions-dev nlohmann-json3-dev
  libicu-dev libcli11-dev libfmt-dev libgtest-dev libgmock-dev
  # register workbooks: libxlsxwriter writes .xlsx, libzip + pugixml read them
  libxlsxwriter-dev libzip-dev libpugixml-dev
  # PDF: latexmk, pgfplots, booktabs/longtable, babel norsk
  latexmk texlive-latex-base texlive-latex-recommended texlive-latex-extra
  texlive-pictures texlive-lang-european texlive-fonts-recommended poppler-utils
  # tests and benchmarks: real Jinja2 and PyYAML as oracles, pandoc as peer,
  # chromium + node for browser and accessibility checks
  python3 python3-yaml python3-jinja2 pandoc chromium chromium-driver time hyperfine valgrind
)
# The machine image may bring its own Node.js (with npm); use Debian's only when there is none.
if ! command -v npm >/dev/null 2>&1; then packages+=(nodejs npm); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run as root (sudo $0)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
