#!/usr/bin/env bash
# Set-up command 2: run every test: the release build's tests, the same tests under
# AddressSanitizer + UndefinedBehaviorSanitizer, and the clang-format check.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

scripts/install-deps.sh

echo "== format: clang-format --dry-run -Werror"
git ls-files -z -- '*.cpp' '*.hpp' '*.h' '*.cc' | xargs -0 -r clang-format --dry-run -Werror

echo "== release build and tests"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== sanitizer build (ASan+UBSan) and tests"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DSAMRAPPORT_SANITIZE=ON
cmake --build build-asan -j"$jobs"
# Tests labelled `external` (TeX, a browser) or `slow` (national-scale content) run once,
# in the release build.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -LE "external|slow"

echo "== all tests passed"
