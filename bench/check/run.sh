#!/usr/bin/env bash
# The check benchmark: loading + validation of synthetic content (norway, norway4x) by
# load_content() (bench_load_content, and `samrapport check` when it is built), beside
# PyYAML's C loader on the same files. Prints a Markdown table: median wall and CPU
# (user + system, all threads) time of RUNS runs, peak RSS (max over the runs). On a busy
# machine the CPU time is the steadier figure.
#
#   bench/check/run.sh                 # BUILD_DIR=build-bench, RUNS=5
#   BUILD_DIR=build RUNS=9 PRESETS="norway norway4x" bench/check/run.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build-bench}"
RUNS="${RUNS:-5}"
PRESETS="${PRESETS:-norway norway4x}"
SYNTH="${SYNTH:-$ROOT/../shared/tools/synth_content.py}"
WORK="${WORK:-$(mktemp -d /tmp/samrapport-bench-check.XXXXXX)}"

if [ ! -f "$SYNTH" ]; then
  echo "run.sh: synth_content.py not found at $SYNTH (set SYNTH=...)" >&2
  exit 2
fi
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD_DIR" --target bench_load_content bench_yaml_cpp_floor -j2 >/dev/null
BENCH="$BUILD_DIR/bench/check/bench_load_content"
FLOOR="$BUILD_DIR/bench/check/bench_yaml_cpp_floor"
SAMRAPPORT=""
if cmake --build "$BUILD_DIR" --target samrapport -j2 >/dev/null 2>&1; then
  SAMRAPPORT="$(find "$BUILD_DIR" -type f -name samrapport -perm -u+x | head -n1)"
fi

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Runs "$@" RUNS times. A command that times itself prints "WALL CPU" (seconds) at the
# start of its last such line; otherwise the process's wall and user+system times are
# used. Prints "median_wall median_cpu peak_rss_kb".
measure() {
  local walls="" cpus="" rss=0 stats out
  stats="$(mktemp)"
  out="$(mktemp)"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -o "$stats" -f '%M %e %U %S' "$@" >"$out" 2>/dev/null || true
    local r e u s own
    read -r r e u s <"$stats"
    own="$(grep -Eo '^[0-9]+\.[0-9]+ [0-9]+\.[0-9]+' "$out" | tail -n1 || true)"
    if [ -n "$own" ]; then
      walls+="${own% *}"$'\n'
      cpus+="${own#* }"$'\n'
    else
      walls+="$e"$'\n'
      cpus+="$(echo "$u + $s" | bc -l)"$'\n'
    fi
    if [ "$r" -gt "$rss" ]; then rss="$r"; fi
  done
  rm -f "$stats" "$out"
  echo "$(printf '%s' "$walls" | median) $(printf '%s' "$cpus" | median) $rss"
}

printf '| content | YAML bytes | what | median wall s | median CPU s | peak RSS MB |\n|---|---:|---|---:|---:|---:|\n'
for preset in $PRESETS; do
  dir="$WORK/content-$preset"
  [ -d "$dir" ] || python3 "$SYNTH" "$dir" --preset "$preset" --seed 1 >/dev/null
  bytes="$(find "$dir" -name '*.yaml' -printf '%s\n' | awk '{ s += $1 } END { print s }')"
  row() {
    read -r t c r <<<"$2"
    printf '| %s | %s | %s | %.3f | %.3f | %.1f |\n' "$preset" "$bytes" "$1" "$t" "$c" \
      "$(echo "$r / 1024" | bc -l)"
  }
  row "yaml-cpp parser alone, 1 thread (floor)" "$(measure "$FLOOR" "$dir")"
  row "load_content, 1 thread" "$(measure "$BENCH" "$dir" --quiet --threads 1)"
  row "load_content, all cores ($(nproc))" "$(measure "$BENCH" "$dir" --quiet)"
  if [ -n "$SAMRAPPORT" ]; then
    row "samrapport check (process)" "$(measure "$SAMRAPPORT" check --content "$dir")"
  fi
  row "PyYAML CSafeLoader (load only)" "$(measure python3 "$ROOT/bench/check/py_load.py" "$dir")"
done
