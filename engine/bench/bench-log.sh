# Sourced by the bench scripts, which set $engine and $work first.
# bench_log SIZE_MIB KEYS writes BuildLog's generated log to $work/build.log and its keys to
# $work/keys, exports each key as BENCH_KEY_<i>, and sets args to --secret-env BENCH_KEY_<i> for
# each and bytes to the log's size.
bench_log() {
  java -cp "$engine/target/test-classes:$engine/target/classes" io.jenkins.plugins.apikey.mask.BuildLog \
    "$1" "$2" "$work/build.log" "$work/keys"
  args=()
  local i=0 key
  while IFS= read -r key; do
    export "BENCH_KEY_$i=$key"
    args+=(--secret-env "BENCH_KEY_$i")
    i=$((i + 1))
  done <"$work/keys"
  bytes=$(stat -c %s "$work/build.log")
}
