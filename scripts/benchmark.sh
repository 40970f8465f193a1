#!/usr/bin/env bash
# Benchmark: generate N synthetic entries (about 4 tariff rows each), run the job end to end with a fixed heap,
# and print entries/second, job and wall time, and the peak RSS of the JVM and of PostgreSQL.
#
#   scripts/benchmark.sh [entries=1000000] [heap=512m] [extra job options...]
#
# Needs target/cape-batch.jar (./mvnw -B package -DskipTests). Inputs are cached in bench/ by size.
set -euo pipefail
cd "$(dirname "$0")/.."
entries=${1:-1000000}
heap=${2:-512m}
shift $(( $# > 2 ? 2 : $# )) || true
jar=${JAR:-target/cape-batch.jar}
[ -f "$jar" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 2; }

dir=bench/$entries
input=bench/es003-$entries.csv
mkdir -p bench
if [ ! -f "$input" ]; then
  java -jar "$jar" generate --entries="$entries" --seed=42 --output="$input"
fi
rm -rf "$dir" && mkdir -p "$dir"

# Sample the RSS of this run's PostgreSQL (its postmaster, from postmaster.pid, and all its children) twice a
# second; keep the peak of the sum.
pg_peak_file=$dir/pg-peak-kb
echo 0 > "$pg_peak_file"
(
  set +eo pipefail
  peak=0
  while sleep 0.5; do
    pid=$(head -1 "$dir/.cape/pgdata/postmaster.pid" 2>/dev/null || true)
    [ -n "$pid" ] || continue
    sum=$(ps -o rss= -p "$pid" --ppid "$pid" 2>/dev/null | awk '{s += $1} END {print s+0}')
    [ "$sum" -gt "$peak" ] && peak=$sum && echo "$peak" > "$pg_peak_file"
  done
) &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT

start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$dir/jvm-peak-kb" \
  java -Xmx"$heap" ${JAVA_OPTS:-} -jar "$jar" input="$input" runDate=2026-11-30 \
  --cape.output-dir="$dir/out" --cape.work-dir="$dir/.cape" "$@" > "$dir/run.log" 2>&1 || {
    echo "run failed, see $dir/run.log" >&2; tail -5 "$dir/run.log" >&2; exit 1; }
end=$(date +%s.%N)
kill $sampler 2>/dev/null || true

job_s=$(grep -oE "COMPLETED in [0-9.]+ s" "$dir/run.log" | grep -oE "[0-9.]+" | tail -1)
wall_s=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}')
jvm_mb=$(( $(cat "$dir/jvm-peak-kb") / 1024 ))
pg_mb=$(( $(cat "$pg_peak_file") / 1024 ))
rate=$(awk -v n="$entries" -v t="$job_s" 'BEGIN {printf "%d", n / t}')
echo "entries=$entries heap=$heap job_time_s=$job_s wall_time_s=$wall_s entries_per_s=$rate jvm_peak_rss_mb=$jvm_mb postgres_peak_rss_mb=$pg_mb"
grep -E "step [a-zA-Z]+: " "$dir/run.log" | sed 's/.* - //'
