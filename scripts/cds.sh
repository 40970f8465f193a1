#!/usr/bin/env bash
# Class-data sharing: the production launch, which starts the JVM about 2.5 s sooner and saves about 5 s of CPU per
# run (README, "The image's launch"). Spring Boot's extracted layout (a plain jar and lib/, which the JVM can archive; the
# nested jars of the fat jar it cannot) plus an archive of the classes one run of the bundled sample loads.
#
#   scripts/cds.sh [jar=target/cape-batch.jar] [dir=target/cds]    extract the jar into dir, then record the archive
#   scripts/cds.sh --train dir                                       record the archive of an extracted dir only
#
# Then start it as the image does,   java -XX:+UseParallelGC -XX:SharedArchiveFile=<dir>/cape-batch.jsa -jar <dir>/cape-batch.jar ...
# with the same path to the jar as here (the archive names the jars it was made from). The archive belongs to these
# jars and to this Java build: after a new build or a Java update, run this again. A stale archive is not an error;
# the JVM prints one warning line and starts without it, as slowly as the plain jar.
set -euo pipefail
cd "$(dirname "$0")/.."
sample=$PWD/sample/es003-sample.csv

if [ "${1:-}" = --train ]; then
  dir=${2:?usage: scripts/cds.sh --train <extracted dir>}
else
  jar=${1:-target/cape-batch.jar}
  dir=${2:-target/cds}
  [ -f "$jar" ] || { echo "no $jar: build first (./mvnw -B package -DskipTests)" >&2; exit 2; }
  rm -rf "$dir"
  java -Djarmode=tools -jar "$jar" extract --destination "$dir" > /dev/null
fi
dir=$(cd "$dir" && pwd)
app=$(find "$dir" -maxdepth 1 -name '*.jar' | head -1)
[ -n "$app" ] || { echo "no extracted jar in $dir" >&2; exit 2; }
archive=$dir/$(basename "$app" .jar).jsa

# The training run: the bundled sample, in a directory of its own (no config/ of the caller's, no job store kept),
# with its own temporary directory: in an image built as root, a /tmp/poifiles or /tmp/embedded-pg left behind would
# belong to root, and the runtime user could not write there.
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
mkdir "$training/tmp"
rm -f "$archive"
if ! (cd "$training" && java -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Djava.io.tmpdir="$training/tmp" -jar "$app" input="$sample" runDate=2026-11-30 --cape.output-dir=out --cape.work-dir=.cape > run.log 2>&1); then
  echo "the training run failed; its log:" >&2
  tail -20 "$training/run.log" >&2
  exit 1
fi
[ -s "$archive" ] || { echo "the JVM wrote no archive at $archive" >&2; tail -20 "$training/run.log" >&2; exit 1; }
echo "java -XX:+UseParallelGC -XX:SharedArchiveFile=$archive -jar $app"
