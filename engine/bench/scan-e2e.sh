#!/usr/bin/env bash
# End-to-end throughput of `scan` over a generated build log with known keys, against `cat` of the same
# file to /dev/null (reading it, the limit) in the same run, and optionally against another build's jar
# (BASELINE_JAR, e.g. of an older commit), the two alternating run by run. The log is read once first,
# so every run reads from the page cache. Needs GNU time (/usr/bin/time) and bc.
# Usage: engine/bench/scan-e2e.sh [SIZE_MIB=256] [KEYS=100] [RUNS=3] [BASELINE_JAR]
set -euo pipefail
size=${1:-256}
keys=${2:-100}
runs=${3:-3}
baseline=${4:-}
engine=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
# shellcheck source=bench-log.sh
source "$(dirname "$0")/bench-log.sh"
trap 'rm -rf "$work"' EXIT

mvn -q -f "$engine/pom.xml" -DskipTests -Dspotless.check.skip=true package
jar=$(ls "$engine"/target/api-key-engine-*.jar | grep -v original | head -n 1)
bench_log "$size" "$keys"
: >"$work/empty.log"
cat "$work/build.log" >/dev/null

# one run of cat or of a jar's scan (LABEL: cat, this or baseline) over INPUT (build or empty), appending
# "wall-ms cpu-ms" to $work/LABEL.INPUT (CPU: user + system, which a busy machine inflates less); scan
# exits 1 when it finds keys
once() {
  local label=$1 input=$2 command w u s
  case $label in
    cat) command=(cat "$work/$input.log") ;;
    this) command=(java -jar "$jar" scan "${args[@]}" "$work/$input.log") ;;
    baseline) command=(java -jar "$baseline" scan "${args[@]}" "$work/$input.log") ;;
  esac
  /usr/bin/time -f "%e %U %S" -o "$work/time" "${command[@]}" >/dev/null 2>&1 || [ $? -eq 1 ]
  read -r w u s < <(tail -n 1 "$work/time")
  echo "$(echo "$w * 1000 / 1" | bc) $(echo "($u + $s) * 1000 / 1" | bc)" >>"$work/$label.$input"
}
# the fastest of the runs of LABEL.INPUT: wall-ms (column 1) or cpu-ms (column 2)
best() { sort -n -k "$2" "$work/$1" | head -n 1 | cut -d ' ' -f "$2"; }
rate() { echo $((bytes / 1000 / ($1 > 0 ? $1 : 1))); }

labels=(this)
if [ -n "$baseline" ]; then labels+=(baseline); fi
for _ in $(seq "$runs"); do
  once cat build
  for label in "${labels[@]}"; do
    once "$label" build
    once "$label" empty
  done
done
cat_wall=$(best cat.build 1)
found=$(java -jar "$jar" scan "${args[@]}" "$work/build.log" 2>&1 >/dev/null | tail -n 1 || true)
echo "log: $bytes bytes, $keys known keys, best of $runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$found"
echo "cat:  ${cat_wall} ms wall, $(rate "$cat_wall") MB/s"
for label in "${labels[@]}"; do
  scan_wall=$(best "$label.build" 1)
  start_wall=$(best "$label.empty" 1)
  scan_cpu=$(best "$label.build" 2)
  start_cpu=$(best "$label.empty" 2)
  echo "scan ($label): ${scan_wall} ms wall, $(rate "$scan_wall") MB/s end to end" \
    "($((scan_wall > 0 ? cat_wall * 100 / scan_wall : 0))% of cat); start-up (empty file) ${start_wall} ms;" \
    "without it $(rate $((scan_wall - start_wall))) MB/s"
  echo "scan ($label) CPU: ${scan_cpu} ms, start-up ${start_cpu} ms: $(rate "$scan_cpu") MB per CPU-second" \
    "end to end, $(rate $((scan_cpu - start_cpu))) without start-up (cat: $(best cat.build 2) ms)"
done
