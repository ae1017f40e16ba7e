#!/bin/sh
# Benchmark: samrapport's template engine against Python Jinja2 on the templates of the
# jinja-pandoc peer (../shared/peers/jinja-pandoc), same data, same run.
#
#   bench/jinja/run.sh                 # norway preset, every page rendered 5 times
#   REPEAT=10 bench/jinja/run.sh       # more passes (the best pass of each engine is compared)
#
# Environment: CONTENT (default /tmp/content-norway, generated when missing), PEER,
# BUILD (release build dir), WORK (scratch dir), PYTHON (default python3), REPEAT.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
BUILD=${BUILD:-$ROOT/build-jinja-release}
CONTENT=${CONTENT:-/tmp/content-norway}
PEER=${PEER:-$SHARED/peers/jinja-pandoc}
WORK=${WORK:-/tmp/jinja-bench}
PY=${PYTHON:-python3}
REPEAT=${REPEAT:-5}

cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DSAMRAPPORT_TESTS=OFF >/dev/null
cmake --build "$BUILD" --target jinja_bench -j2 >/dev/null
BENCH=$BUILD/bench/jinja/jinja_bench

if [ ! -d "$CONTENT" ]; then
  "$PY" "$SHARED/tools/synth_content.py" "$CONTENT" --preset norway --seed 1
fi
rm -rf "$WORK"
mkdir -p "$WORK"
"$PY" "$HERE/prepare_data.py" "$CONTENT" "$PEER" "$WORK/pages.json"

/usr/bin/time -v "$PY" "$HERE/py_render.py" "$WORK/pages.json" "$PEER/templates" "$WORK/py" "$REPEAT" \
  >"$WORK/py.out" 2>"$WORK/py.time"
/usr/bin/time -v "$BENCH" "$WORK/pages.json" "$PEER/templates" "$WORK/cpp" "$REPEAT" \
  >"$WORK/cpp.out" 2>"$WORK/cpp.time"
/usr/bin/time -v "$BENCH" "$WORK/pages.json" "$PEER/templates" "$WORK/cpp10" $((REPEAT * 10)) \
  >"$WORK/cpp10.out" 2>"$WORK/cpp10.time"

if diff -r -q "$WORK/py" "$WORK/cpp" >/dev/null; then
  SAME="identical"
else
  SAME="DIFFERENT"
fi

"$PY" - "$WORK" "$SAME" <<'PYEOF'
import re, sys
work, same = sys.argv[1:3]

def render_time(name):
    text = open(f"{work}/{name}.out").read()
    return float(re.search(r"best pass CPU ([0-9.eE+-]+) s", text).group(1)), text.strip()

def usage(name):
    text = open(f"{work}/{name}.time").read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    parts = [float(p) for p in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return seconds, rss

py_r, py_line = render_time("py")
cpp_r, cpp_line = render_time("cpp")
cpp10_r, cpp10_line = render_time("cpp10")
py_wall, py_rss = usage("py")
cpp_wall, cpp_rss = usage("cpp")
cpp10_wall, cpp10_rss = usage("cpp10")
print(py_line)
print(cpp_line)
print(cpp10_line)
print(f"outputs: {same}")
print(f"render time ratio, best pass CPU time (Python / samrapport): {py_r / cpp_r:.1f}x")
print(f"process wall time: python {py_wall:.2f} s, samrapport {cpp_wall:.2f} s "
      f"({py_wall / cpp_wall:.1f}x; includes JSON loading and writing files)")
print(f"peak RSS: python {py_rss / 1024:.1f} MiB, samrapport {cpp_rss / 1024:.1f} MiB, "
      f"samrapport with 10x the renders {cpp10_rss / 1024:.1f} MiB")
PYEOF
