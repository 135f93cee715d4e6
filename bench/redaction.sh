#!/usr/bin/env bash
# thingyan's redaction benchmark (JMH). From the repository root:
#
#   bench/redaction.sh
#
# Builds the project (mvn install -DskipTests) and the bench (bench/pom.xml, not a module of the
# parent build), then runs RedactionBench with JMH on one thread: Redactor.redact of a whole report
# and TextRedactor.redact of its main text, for four sample reports (a digit-heavy ~40-frame Java
# trace with a SQL message and a nested context; Burmese text with Burmese digits; a long SQL
# statement; a short report). The classes measured are the working tree's (update-ports and
# update-domain as just built); with BENCH_BASELINE, an older build's too, in adjacent forks.
# Prints the summary and writes bench/results/redaction-latest.md. About 3 minutes (6 with a
# baseline) on 2 cores.
#
# Environment:
#   BENCH_BASELINE    class path (jars or class folders) of an older build's update-ports and
#                     update-domain, measured beside the working tree, with the speed-up
#   BENCH_BASELINE_LABEL  what to call that build in the results (default: the class path)
#   BENCH_JMH_ARGS    more JMH options, e.g. "-wi 2 -i 3" or "-p sample=STACKTRACE -prof gc"
#   BENCH_SKIP_BUILD  1: use the classes already built
#   BENCH_BUILD_DIR   the build folder of each module (default target; see -Dthingyan.build.dir)
#   BENCH_MVN_ARGS    Maven arguments (default "-o": offline)
#   BENCH_OUT         the results file (default bench/results/redaction-latest.md)
#   BENCH_COMMIT      what to call the build in the header (default: git rev-parse --short HEAD)
set -euo pipefail

bench=$(cd -- "$(dirname -- "$0")" && pwd -P)
repo=$(cd -- "$bench/.." && pwd -P)
cd "$repo"
mvn_args=${BENCH_MVN_ARGS:--o}
build_dir=${BENCH_BUILD_DIR:-target}
out=${BENCH_OUT:-$bench/results/redaction-latest.md}
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  printf '\n== building thingyan (mvn %s install -DskipTests) and the bench\n' "$mvn_args" >&2
  # shellcheck disable=SC2086
  mvn -B -q $mvn_args -Dthingyan.build.dir="$build_dir" install -DskipTests
  # shellcheck disable=SC2086
  mvn -B -q $mvn_args -Dthingyan.build.dir="$build_dir" -f bench/pom.xml package
fi
current="$repo/update-ports/$build_dir/classes:$repo/update-domain/$build_dir/classes"
for d in "$repo/update-ports/$build_dir/classes" "$repo/update-domain/$build_dir/classes" \
  "$bench/$build_dir/classes/META-INF/BenchmarkList"; do
  [ -e "$d" ] || { echo "bench: build missing ($d)" >&2; exit 2; }
done
cp="$bench/$build_dir/classes:$(cat "$bench/$build_dir/classpath.txt")"

baseline_args=()
if [ -n "${BENCH_BASELINE:-}" ]; then
  baseline_args=(--baseline "$BENCH_BASELINE")
fi
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
jv=$("$java" -version 2>&1 | head -1)
rev=${BENCH_COMMIT:-commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)}
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
load_note="load average (1, 5, 15 min) at the start: $load_start"
if awk -v a="${load_start%% *}" -v n="$(nproc)" 'BEGIN { exit !(a > n) }'; then
  load_note="$load_note — **more runnable work than CPUs: absolute figures are low; a speed-up compares adjacent forks**"
fi
mkdir -p "$(dirname -- "$out")"
"$java" -cp "$cp" dev.thingyan.bench.RedactionRun --current "$current" "${baseline_args[@]}" \
  --out "$out" --jmh "${BENCH_JMH_ARGS:-}" \
  --header "run: $(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/redaction.sh\`, $rev (working tree as built)${BENCH_BASELINE:+; baseline: ${BENCH_BASELINE_LABEL:-\`$BENCH_BASELINE\`}}${BENCH_JMH_ARGS:+; JMH options: \`$BENCH_JMH_ARGS\`}" \
  --header "machine: $(nproc) CPUs ($cpu), $(uname -sr); $jv; JMH 1.37, one thread, \`-Xms256m -Xmx256m\`" \
  --header "$load_note"
echo
echo "Full results: $out"
