#!/usr/bin/env bash
# The eierskap product at national scale: every eierskapsmelding of synthetic `norway`
# content (357 municipalities; ../shared/tools/synth_content.py --seed 1, with the ownership
# fields of tests/tools/add_ownership_fields.py when present) in md+html+tex, in one
# process, beside the survey report's own build of the same content. Whole processes
# (load, analysis and writing included), medians of RUNS, peak RSS from /usr/bin/time.
#
#   bench/products/run.sh [BUILD_DIR]      (default: build)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
runs=${RUNS:-5}
preset=${PRESET:-norway}
synth=${SYNTH:-../shared/tools/synth_content.py}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target samrapport -j2 >/dev/null
bin="$build/samrapport"

dir=/tmp/bench-products-$preset
if [ ! -f "$dir/report.yaml" ]; then
  python3 "$synth" "$dir" --preset "$preset" --seed 1 >/dev/null
  if [ -f tests/tools/add_ownership_fields.py ]; then python3 tests/tools/add_ownership_fields.py "$dir" >/dev/null; fi
fi
"$bin" check --content "$dir" | tail -n 1

measure() {  # product -> "median_wall_s peak_rss_mib stage_ms"
  local product=$1 walls=() rss=0 stage=()
  for _ in $(seq 1 "$runs"); do
    out=$(mktemp -d)
    /usr/bin/time -f '%e %M' -o "$out/time" "$bin" build --product "$product" --content "$dir" \
      --out "$out/o" --formats md,html,tex 2>"$out/err" || { cat "$out/err" >&2; exit 1; }
    read -r wall kib <"$out/time"
    walls+=("$wall")
    [ "$kib" -gt "$rss" ] && rss=$kib
    stage+=("$(awk -v p="$product" '$1 == p { print $2 }' "$out/err")")
    rm -rf "$out"
  done
  local med_wall med_stage
  med_wall=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  med_stage=$(printf '%s\n' "${stage[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "$med_wall $((rss / 1024)) $med_stage"
}

printf '%-10s %8s %10s %12s %s\n' product wall_s peak_MiB stage_ms pages
for product in eierskap report; do
  read -r wall mib stage < <(measure "$product")
  pages=$([ "$product" = eierskap ] && grep -c "in_scope: true" "$dir/municipalities.yaml" || echo 1)
  printf '%-10s %8s %10s %12s %s\n' "$product" "$wall" "$mib" "$stage" "$pages"
done
