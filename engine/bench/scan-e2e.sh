#!/usr/bin/env bash
# End-to-end throughput of `scan` over a generated build log with known keys, against `cat` of the same
# file to /dev/null (reading it, the limit) in the same run. The log is read once first, so both read
# from the page cache. Usage: engine/bench/scan-e2e.sh [SIZE_MIB=256] [KEYS=100] [RUNS=3]
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

# fastest of $runs, in milliseconds; scan exits 1 when it finds keys
best_ms() {
  local best=0 start end ms
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || [ $? -eq 1 ]
    end=$(date +%s%N)
    ms=$(((end - start) / 1000000))
    if ((best == 0 || ms < best)); then best=$ms; fi
  done
  echo "$best"
}

cat_ms=$(best_ms cat "$work/build.log")
scan_ms=$(best_ms java -jar "$jar" scan "${args[@]}" "$work/build.log")
start_ms=$(best_ms java -jar "$jar" scan "${args[@]}" "$work/empty.log")
found=$(java -jar "$jar" scan "${args[@]}" "$work/build.log" 2>&1 >/dev/null | tail -n 1 || true)
rate() { echo $((bytes / 1000 / ($1 > 0 ? $1 : 1))); }
scan_rate=$(rate "$scan_ms")
net_rate=$(rate $((scan_ms - start_ms)))
cat_rate=$(rate "$cat_ms")
echo "log: $bytes bytes, $keys known keys, best of $runs"
echo "$found"
echo "cat:  ${cat_ms} ms, $cat_rate MB/s"
echo "scan: ${scan_ms} ms, $scan_rate MB/s end to end ($((scan_rate * 100 / cat_rate))% of cat);" \
  "start-up (empty file) ${start_ms} ms; without it $net_rate MB/s ($((net_rate * 100 / cat_rate))% of cat)"
