#!/usr/bin/env bash
# End-to-end throughput of `mask` over a generated build log, against `cat` (the pipe's limit) in the
# same run. Usage: engine/bench/mask-e2e.sh [SIZE_MIB=256] [KEYS=200] [RUNS=3]
set -euo pipefail
size=${1:-256}
keys=${2:-200}
runs=${3:-3}
engine=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
# shellcheck source=bench-log.sh
source "$(dirname "$0")/bench-log.sh"
trap 'rm -rf "$work"' EXIT

mvn -q -f "$engine/pom.xml" -DskipTests -Dspotless.check.skip=true package
jar=$(ls "$engine"/target/api-key-engine-*.jar | head -n 1)
bench_log "$size" "$keys"

# best of $runs, in MB/s (10^6 bytes per second)
measure() {
  local best=0 start end rate
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" <"$work/build.log" >/dev/null
    end=$(date +%s%N)
    rate=$((bytes * 1000 / (end - start)))
    ((rate > best)) && best=$rate
  done
  echo "$best"
}

cat_rate=$(measure cat)
mask_rate=$(measure java -jar "$jar" mask "${args[@]}")
masked=$(java -jar "$jar" mask --stats "${args[@]}" <"$work/build.log" 2>&1 >/dev/null | tail -n 1)
echo "log: $bytes bytes, $keys keys; $masked"
echo "cat:  $cat_rate MB/s"
echo "mask: $mask_rate MB/s ($((mask_rate * 100 / cat_rate))% of cat)"
