#!/usr/bin/env bash
# thingyan's error-report ingestion benchmark. From the repository root:
#
#   bench/ingest.sh
#
# Builds the project and the bench (like bench/redaction.sh), then runs IngestionBench: reports
# submitted through ErrorReports (validate + redact + fingerprint + durable enqueue into an H2 file
# journal, as the standalone jar keeps it) from 4 threads, each report's latency taken; side by side
# the reference, a plain INSERT + COMMIT of a same-sized payload into another H2 file database
# (the floor of any durable outbox on this journal); then the outbox of 10 errors is delivered to a
# loopback fake GitHub and the write requests are counted. Writes bench/results/ingestion-latest.md.
# About 2 minutes on 2 cores.
#
# Environment:
#   BENCH_REPORTS     reports per measured run (default 20000)
#   BENCH_THREADS     submitting threads (default 4)
#   BENCH_RUNS        measured runs, the median is reported (default 5)
#   BENCH_SKIP_BUILD  1: use the classes already built
#   BENCH_BUILD_DIR   the build folder of each module (default target; see -Dthingyan.build.dir)
#   BENCH_MVN_ARGS    Maven arguments (default "-o": offline)
set -euo pipefail

bench=$(cd -- "$(dirname -- "$0")" && pwd -P)
repo=$(cd -- "$bench/.." && pwd -P)
cd "$repo"
mvn_args=${BENCH_MVN_ARGS:--o}
build_dir=${BENCH_BUILD_DIR:-target}
out=$bench/results/ingestion-latest.md
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  printf '\n== building thingyan (mvn %s install -DskipTests) and the bench\n' "$mvn_args" >&2
  # shellcheck disable=SC2086
  mvn -B -q $mvn_args -Dthingyan.build.dir="$build_dir" install -DskipTests
  # shellcheck disable=SC2086
  mvn -B -q $mvn_args -Dthingyan.build.dir="$build_dir" -f bench/pom.xml package
fi
[ -f "$bench/$build_dir/classpath.txt" ] || { echo "bench: build missing" >&2; exit 2; }
cp="$bench/$build_dir/classes:$(cat "$bench/$build_dir/classpath.txt")"

work=$(mktemp -d "${TMPDIR:-/tmp}/thingyan-ingest.XXXXXX")
trap 'rm -rf "$work"' EXIT
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
rev=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
"$java" -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
  dev.thingyan.bench.IngestionBench "${BENCH_REPORTS:-20000}" "${BENCH_THREADS:-4}" "$work" \
  "${BENCH_RUNS:-5}" | tee "$work/out.txt"
{
  echo "# Error-report ingestion"
  echo
  echo "run: $(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/ingest.sh\`, commit $rev (working tree as built)"
  echo "machine: $(nproc) CPUs ($cpu); $("$java" -version 2>&1 | head -1); \`-Xmx256m\`"
  echo "load average (1, 5, 15 min) at the start: $load_start"
  echo
  echo '```'
  cat "$work/out.txt"
  echo '```'
} > "$out"
echo "Results: $out"
