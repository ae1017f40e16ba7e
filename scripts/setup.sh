#!/usr/bin/env bash
# Set-up command 1: install what samrapport needs (Debian 12, as root), build it, and
# produce the default reports from content/ into output/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)" --target samrapport
./build/samrapport check --content content
./build/samrapport build --content content --out output
