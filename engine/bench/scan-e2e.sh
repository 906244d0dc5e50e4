#!/usr/bin/env bash
# End-to-end throughput of `scan` over a generated build log with known keys, against `cat` of the same
# file to /dev/null (reading it, the limit) in the same run. The log is read once first, so both read
# from the page cache. Needs GNU time (/usr/bin/time) and bc.
# Usage: engine/bench/scan-e2e.sh [SIZE_MIB=256] [KEYS=100] [RUNS=3]
set -euo pipefail
size=${1:-256}
keys=${2:-100}
runs=${3:-3}
engine=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -q -f "$engine/pom.xml" -DskipTests -Dspotless.check.skip=true package
jar=$(ls "$engine"/target/api-key-engine-*.jar | grep -v original | head -n 1)
java -cp "$engine/target/test-classes:$engine/target/classes" io.jenkins.plugins.apikey.mask.BuildLog \
  "$size" "$keys" "$work/build.log" "$work/keys"
: >"$work/empty.log"

args=()
i=0
while IFS= read -r key; do
  export "BENCH_KEY_$i=$key"
  args+=(--secret-env "BENCH_KEY_$i")
  i=$((i + 1))
done <"$work/keys"
bytes=$(stat -c %s "$work/build.log")
cat "$work/build.log" >/dev/null

# fastest of $runs: "wall-ms cpu-ms" (CPU: user + system, which a busy machine inflates less); scan exits 1
# when it finds keys
best() {
  local best_wall=0 best_cpu=0 wall cpu
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>&1 || [ $? -eq 1 ]
    read -r w u s < <(tail -n 1 "$work/time")
    wall=$(echo "$w * 1000 / 1" | bc)
    cpu=$(echo "($u + $s) * 1000 / 1" | bc)
    if ((best_wall == 0 || wall < best_wall)); then best_wall=$wall; fi
    if ((best_cpu == 0 || cpu < best_cpu)); then best_cpu=$cpu; fi
  done
  echo "$best_wall $best_cpu"
}
rate() { echo $((bytes / 1000 / ($1 > 0 ? $1 : 1))); }

read -r cat_wall cat_cpu < <(best cat "$work/build.log")
read -r scan_wall scan_cpu < <(best java -jar "$jar" scan "${args[@]}" "$work/build.log")
read -r start_wall start_cpu < <(best java -jar "$jar" scan "${args[@]}" "$work/empty.log")
found=$(java -jar "$jar" scan "${args[@]}" "$work/build.log" 2>&1 >/dev/null | tail -n 1 || true)
echo "log: $bytes bytes, $keys known keys, best of $runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$found"
echo "cat:  ${cat_wall} ms wall, $(rate "$cat_wall") MB/s"
echo "scan: ${scan_wall} ms wall, $(rate "$scan_wall") MB/s end to end ($((scan_wall > 0 ? cat_wall * 100 / scan_wall : 0))% of cat);" \
  "start-up (empty file) ${start_wall} ms; without it $(rate $((scan_wall - start_wall))) MB/s"
echo "scan CPU: ${scan_cpu} ms, start-up ${start_cpu} ms: $(rate "$scan_cpu") MB per CPU-second end to end," \
  "$(rate $((scan_cpu - start_cpu))) without start-up (cat: ${cat_cpu} ms)"
