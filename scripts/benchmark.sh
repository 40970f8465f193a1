#!/usr/bin/env bash
# Benchmark: generate N synthetic entries (about 4 tariff rows each), run the job end to end with a fixed heap,
# and print entries/second, job and wall time, the peak RSS and CPU time of the JVM, the peak RSS of PostgreSQL,
# and each step's time. CPU time moves less than wall time when the machine is shared.
#
#   [IMPORTERS=K] [YARDSTICK=path/RawPipeline.java] [JAR=...] [JAVA_OPTS=...] [LAUNCH=image] \
#     scripts/benchmark.sh [entries=1000000] [heap=512m] [extra job options...]
#
# IMPORTERS draws the entries from K importers (a long tail; default: a few hundred), so a run writes about K
# declarations. YARDSTICK compiles that plain program (the speed yardstick, not part of this repository) into
# target/rawpipeline, runs it on the same input first and prints cape-batch's wall time as a ratio of its wall time.
# LAUNCH=image starts the job as the image and the manifests do: the parallel collector and class-data sharing
# (scripts/cds.sh, run first when the archive is missing or older than the jar, and not timed: like the build, it is
# done once per jar). The default is the README's plain "java -jar".
# Needs target/cape-batch.jar (./mvnw -B package -DskipTests), which also generates the input. Inputs are cached in bench/ by size and importers.
set -euo pipefail
cd "$(dirname "$0")/.."
entries=${1:-1000000}
heap=${2:-512m}
shift $(( $# > 2 ? 2 : $# )) || true
jar=${JAR:-target/cape-batch.jar}
[ -f "$jar" ] && [ -f target/cape-batch.jar ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 2; }

name=$entries${IMPORTERS:+-i$IMPORTERS}
dir=bench/$name
input=bench/es003-$name.csv
mkdir -p bench
if [ ! -f "$input" ]; then
  java -jar target/cape-batch.jar generate --entries="$entries" --seed=42 ${IMPORTERS:+--importers=$IMPORTERS} \
    --output="$input"
fi
rm -rf "$dir" && mkdir -p "$dir"

launch=(-jar "$jar")
if [ "${LAUNCH:-jar}" = image ]; then
  cds_dir=target/cds-$(basename "$jar" .jar)
  archive=$cds_dir/$(basename "$jar" .jar).jsa
  if [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ]; then
    scripts/cds.sh "$jar" "$cds_dir" > /dev/null
  fi
  launch=(-XX:+UseParallelGC -XX:SharedArchiveFile="$archive" -jar "$cds_dir/$(basename "$jar")")
fi

raw_s=
if [ -n "${YARDSTICK:-}" ]; then
  mkdir -p target/rawpipeline
  javac -d target/rawpipeline "$YARDSTICK"
  rates=$(dirname "$YARDSTICK")/../domain/overpayment-rates.csv
  [ -f "$rates" ] || rates=src/main/resources/overpayment-rates.csv
  raw_start=$(date +%s.%N)
  java -Xmx2g -cp target/rawpipeline RawPipeline 2026-11-30 "$dir/raw-out" "$rates" "$input" > "$dir/raw.log" 2>&1 || {
    echo "yardstick failed, see $dir/raw.log" >&2; exit 1; }
  raw_s=$(awk -v a="$raw_start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
fi

# Sample the RSS of this run's PostgreSQL (its postmaster, from postmaster.pid, and all its children) twice a
# second; keep the peak of the sum. Only shell builtins in the loop: a ps and an awk per sample took about 3 % of
# the machine's CPU (perf), which the yardstick does not pay.
pg_peak_file=$dir/pg-peak-kb
echo 0 > "$pg_peak_file"
page_kb=$(( $(getconf PAGESIZE) / 1024 ))
(
  set +eo pipefail
  peak=0
  while sleep 0.5; do
    { read -r pid < "$dir/.cape/pgdata/postmaster.pid"; } 2>/dev/null || continue
    # The children file has no final newline, so read reports end of file after filling the array.
    children=()
    { read -r -a children < "/proc/$pid/task/$pid/children"; } 2>/dev/null || true
    sum=0
    for p in "$pid" "${children[@]}"; do
      { read -r _ resident _ < "/proc/$p/statm"; } 2>/dev/null && sum=$(( sum + resident * page_kb ))
    done
    (( sum > peak )) && peak=$sum && echo "$peak" > "$pg_peak_file"
  done
) &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT

start=$(date +%s.%N)
/usr/bin/time -f "%M %U %S" -o "$dir/jvm-peak-kb" \
  java -Xmx"$heap" ${JAVA_OPTS:-} "${launch[@]}" input="$input" runDate=2026-11-30 \
  --cape.output-dir="$dir/out" --cape.work-dir="$dir/.cape" "$@" > "$dir/run.log" 2>&1 || {
    echo "run failed, see $dir/run.log" >&2; tail -5 "$dir/run.log" >&2; exit 1; }
end=$(date +%s.%N)
kill $sampler 2>/dev/null || true

# The runner's closing line: "... COMPLETED: <counts>, <seconds> s (execution n)" (older: "COMPLETED in <s> s").
job_s=$(grep -oE "COMPLETED(:.*, | in )[0-9.]+ s( \(execution|$)" "$dir/run.log" | grep -oE "[0-9.]+ s" \
  | grep -oE "[0-9.]+" | tail -1 || true)
job_s=${job_s:-0}
wall_s=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}')
read -r jvm_kb jvm_user jvm_sys < <(tail -1 "$dir/jvm-peak-kb")
jvm_mb=$(( jvm_kb / 1024 ))
jvm_cpu=$(awk -v u="$jvm_user" -v s="$jvm_sys" 'BEGIN {printf "%.1f", u + s}')
pg_mb=$(( $(cat "$pg_peak_file") / 1024 ))
rate=$(awk -v n="$entries" -v t="$job_s" 'BEGIN {printf "%d", (t > 0 ? n / t : 0)}')
ratio=
[ -n "$raw_s" ] && ratio=" yardstick_wall_s=$raw_s ratio=$(awk -v a="$wall_s" -v b="$raw_s" 'BEGIN {printf "%.2f", a / b}')"
echo "entries=$entries${IMPORTERS:+ importers=$IMPORTERS}${LAUNCH:+ launch=$LAUNCH} heap=$heap job_time_s=$job_s wall_time_s=$wall_s entries_per_s=$rate jvm_peak_rss_mb=$jvm_mb jvm_cpu_s=$jvm_cpu postgres_peak_rss_mb=$pg_mb$ratio"
grep -E "step [a-zA-Z]+: " "$dir/run.log" | sed 's/.* - //' || true
# Wall time of each part: JVM and Spring start (embedded PostgreSQL and Flyway included), then each step.
{
  grep -oE "Started [A-Za-z]+ in [0-9.]+ seconds \(process running for [0-9.]+\)" "$dir/run.log" \
    | sed -E 's/.*process running for ([0-9.]+).*/start \1/'
  grep -oE "Step: \[[a-zA-Z]+Step\] executed in [0-9hms]+" "$dir/run.log" \
    | sed -E 's/Step: \[([a-zA-Z]+)Step\] executed in /\1 /'
} | awk '{
  t = $2; s = 0
  if (t ~ /^[0-9.]+$/) s = t
  else {
    if (match(t, /[0-9]+h/)) s += 3600 * substr(t, RSTART, RLENGTH - 1)
    if (match(t, /[0-9]+m[0-9]/)) s += 60 * substr(t, RSTART, RLENGTH - 2)
    else if (match(t, /[0-9]+m$/)) s += 60 * substr(t, RSTART, RLENGTH - 1)
    if (match(t, /[0-9]+s/)) s += substr(t, RSTART, RLENGTH - 1)
    if (match(t, /[0-9]+ms/)) s += substr(t, RSTART, RLENGTH - 2) / 1000
  }
  printf "%s%s_s=%.1f", (NR > 1 ? " " : "  time: "), $1, s
} END { print "" }'
