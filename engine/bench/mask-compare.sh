#!/usr/bin/env bash
# Whole-process `mask` of two builds side by side: throughput over a generated build log and
# start-up (empty input), for several key counts, the two jars interleaved round by round (the
# order alternating) so that both see the same machine. Prints the best run of each: throughput in
# MB/s (10^6 bytes per second, start-up included) of wall time and of CPU time (user + system,
# steadier than wall time on a shared machine, but it also counts the JIT compiler's and the
# garbage collector's threads), start-up in seconds of wall and of CPU time, and the ratio new/old.
#
# Usage: engine/bench/mask-compare.sh OLD_JAR NEW_JAR [SIZE_MIB=256] [ROUNDS=5] [KEY_COUNTS="1 100 1000"]
# OLD_JAVA_OPTS and NEW_JAVA_OPTS, when set, are JVM options for the one jar or the other, such as
# NEW_JAVA_OPTS=-XX:TieredStopAtLevel=1 for what bin/api-keys runs mask with.
# The log generator is the benchmark's BuildLog: build the engine's test classes first
# (mvn -f engine/pom.xml -DskipTests package).
set -euo pipefail
old=$1
new=$2
size=${3:-256}
rounds=${4:-5}
counts=${5:-"1 100 1000"}
engine=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
# shellcheck source=bench-log.sh
source "$(dirname "$0")/bench-log.sh"
trap 'rm -rf "$work"' EXIT

nanos() { date +%s%N; }

# run JAR INPUT OPTIONS: "wall-nanoseconds cpu-milliseconds" of `java OPTIONS -jar JAR mask` with
# the keys of $args
run() {
  local start end
  start=$(nanos)
  # shellcheck disable=SC2086 # the options are words
  /usr/bin/time -f '%U %S' -o "$work/cpu" java ${3:-} -jar "$1" mask "${args[@]}" <"$2" >/dev/null
  end=$(nanos)
  echo "$((end - start)) $(awk '{printf "%d", ($1 + $2) * 1000}' "$work/cpu")"
}

printf '%-6s %-10s %10s %10s %7s\n' keys what old new new/old
for keys in $counts; do
  bench_log "$size" "$keys"
  : >"$work/empty"
  best_old=0 best_new=0 start_old=0 start_new=0 cpu_old=0 cpu_new=0 run_old=0 run_new=0
  for round in $(seq "$rounds"); do
    if ((round % 2)); then order="old new"; else order="new old"; fi
    for which in $order; do
      jar=$old
      opts=${OLD_JAVA_OPTS:-}
      if [[ $which == new ]]; then
        jar=$new
        opts=${NEW_JAVA_OPTS:-}
      fi
      read -r t u < <(run "$jar" "$work/build.log" "$opts")
      read -r s c < <(run "$jar" "$work/empty" "$opts")
      if [[ $which == old ]]; then
        ((best_old == 0 || t < best_old)) && best_old=$t
        ((run_old == 0 || u < run_old)) && run_old=$u
        ((start_old == 0 || s < start_old)) && start_old=$s
        ((cpu_old == 0 || c < cpu_old)) && cpu_old=$c
      else
        ((best_new == 0 || t < best_new)) && best_new=$t
        ((run_new == 0 || u < run_new)) && run_new=$u
        ((start_new == 0 || s < start_new)) && start_new=$s
        ((cpu_new == 0 || c < cpu_new)) && cpu_new=$c
      fi
    done
  done
  for ((j = 0; j < ${#args[@]} / 2; j++)); do unset "BENCH_KEY_$j"; done
  awk -v k="$keys" -v b="$bytes" -v to="$best_old" -v tn="$best_new" -v so="$start_old" -v sn="$start_new" \
    -v co="$cpu_old" -v cn="$cpu_new" -v ro="$run_old" -v rn="$run_new" 'BEGIN {
    printf "%-6s %-10s %10.0f %10.0f %7.2f\n", k, "MB/s", b * 1000 / to, b * 1000 / tn, to / tn
    printf "%-6s %-10s %10.0f %10.0f %7.2f\n", k, "MB/cpu-s", b / ro / 1000, b / rn / 1000, ro / rn
    printf "%-6s %-10s %10.3f %10.3f %7.2f\n", k, "start s", so / 1e9, sn / 1e9, sn / so
    printf "%-6s %-10s %10.3f %10.3f %7.2f\n", k, "start cpu", co / 1e3, cn / 1e3, cn / co
  }'
done
