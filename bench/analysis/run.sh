#!/usr/bin/env bash
# Times analyse() + to_json() after loading on the synthetic presets buskerud, norway and
# norway4x (../shared/tools/synth_content.py, seed 1), in a Release build.
#
#   bench/analysis/run.sh [BUILD_DIR]     (default: build-analysis-release)
#   THREADS=1 bench/analysis/run.sh       single-threaded analysis
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-analysis-release}
synth=${SYNTH:-../shared/tools/synth_content.py}
repeat=${REPEAT:-15}
threads=${THREADS:-0}

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target bench_analysis -j2 >/dev/null

for preset in buskerud norway norway4x; do
  dir=/tmp/content-$preset
  if [ ! -f "$dir/report.yaml" ]; then
    python3 "$synth" "$dir" --preset "$preset" --seed 1 >/dev/null
  fi
  printf '%-9s ' "$preset"
  "$build/bench/analysis/bench_analysis" "$dir" --repeat "$repeat" --threads "$threads" | tail -n 1
done
