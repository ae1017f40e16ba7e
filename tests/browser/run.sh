#!/bin/sh
# The browser test, run by ctest (writers.browser_accessibility):
#   run.sh <render_fixture> <fixture-dir> <work-dir>
# Renders the fixture report, installs puppeteer-core and axe-core (npm ci, from
# package-lock.json) into <work-dir>/node, and runs check.mjs against report.html in
# headless Chromium. The screenshot of the first page stays in <work-dir>/first-page.png.
# Exit 77 (skipped) only when node, npm or chromium is not installed.
set -eu
render=$1
fixtures=$2
work=$3
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed"
    exit 77
  fi
done
if [ ! -x "$chromium" ]; then
  echo "SKIP: $chromium is not installed (Debian: chromium)"
  exit 77
fi

mkdir -p "$work/node"
rm -rf "$work/out"
"$render" "$fixtures/report.md" "$fixtures/report.meta.json" "$work/out"

# Install once per lock file (a copy in the build directory, never in the source tree).
if ! cmp -s "$here/package-lock.json" "$work/node/package-lock.json" ||
   [ ! -d "$work/node/node_modules/puppeteer-core" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$work/node/"
  (cd "$work/node" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) || {
    echo "FAIL: npm ci could not install puppeteer-core and axe-core (network?)"
    exit 1
  }
fi
cp "$here/check.mjs" "$work/node/check.mjs"
# The fixture has 3 numbered tables and 4 figures.
CHROMIUM="$chromium" node "$work/node/check.mjs" "$work/out/report.html" "$work/first-page.png" 3 4
