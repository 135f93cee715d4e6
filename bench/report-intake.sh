#!/usr/bin/env bash
# thingyan's report-intake benchmark (issue 13). From the repository root:
#
#   bench/report-intake.sh
#
# 1. Concurrent CLI submitters: BENCH_SUBMITTERS (8) processes, each running `bin/thingyan report
#    --no-send` BENCH_RUNS_EACH (2) times on BENCH_PER_RUN (125) NDJSON reports, against the
#    embedded default journal of a fresh app root; side by side the reference, one submitter
#    running the same number of CLI runs one after another. Reports/s for both, failures (any
#    non-zero exit) and the count the journal holds afterwards (`thingyan reports --json`,
#    which drains the spool) against the count sent.
# 2. Redaction cost per report on the held-in PMS corpus (update-domain's test resources
#    redaction-corpus/pms): p50 and p99, beside a UTF-8 round trip of the same text.
# Builds with `mvn -o -q -pl bootstrap -am package -DskipTests` (package, never install) unless
# BENCH_SKIP_BUILD=1. Writes bench/results/report-intake-latest.md. About 5 minutes on 2 cores.
set -euo pipefail

bench=$(cd -- "$(dirname -- "$0")" && pwd -P)
repo=$(cd -- "$bench/.." && pwd -P)
cd "$repo"
out=$bench/results/report-intake-latest.md
submitters=${BENCH_SUBMITTERS:-8}
runs_each=${BENCH_RUNS_EACH:-2}
per_run=${BENCH_PER_RUN:-125}
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; javac=$JAVA_HOME/bin/javac; else java=java; javac=javac; fi

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -o -pl bootstrap -am package -DskipTests
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/thingyan-intake.XXXXXX")
trap 'rm -rf "$work"' EXIT

# one fresh app root and config per side
setup() {
  local d=$work/$1
  mkdir -p "$d/app" "$d/releases"
  cat > "$d/thingyan.yaml" <<YAML
app: {root: $d/app}
source: {type: folder, folder: {path: $d/releases}}
verify: {allow_unsigned: true}
health: {checks: [{type: database}]}
database: {engine: sqlite, path: $d/db.sqlite}
YAML
  for s in $(seq "$submitters"); do
    for i in $(seq "$per_run"); do
      printf '{"title":"Folio %s-%s total wrong","severity":"error","source":"backend","environment":"production","message":"guest_name=Daw Aye Aye Mon; phone=09 791 234 567; room=%s"}\n' "$s" "$i" "$i"
    done > "$d/in-$s.ndjson"
  done
}

# $1 side, $2 parallel (1) or sequential (0)
submit() {
  local d=$work/$1 fails=0 start end
  start=$(date +%s.%N)
  for s in $(seq "$submitters"); do
    if [ "$2" = 1 ]; then
      ( for r in $(seq "$runs_each"); do
          THINGYAN_CONFIG=$d/thingyan.yaml "$repo/bin/thingyan" report --no-send --lang en "$d/in-$s.ndjson" >> "$d/log-$s" 2>&1 || echo fail >> "$d/fails"
        done ) &
    else
      for r in $(seq "$runs_each"); do
        THINGYAN_CONFIG=$d/thingyan.yaml "$repo/bin/thingyan" report --no-send --lang en "$d/in-$s.ndjson" >> "$d/log-$s" 2>&1 || echo fail >> "$d/fails"
      done
    fi
  done
  wait
  end=$(date +%s.%N)
  [ -f "$d/fails" ] && fails=$(wc -l < "$d/fails")
  local held
  held=$(THINGYAN_CONFIG=$d/thingyan.yaml "$repo/bin/thingyan" reports --json --lang en | sed -n 's/.*"pending" : \([0-9]*\).*/\1/p' | head -1)
  local total=$((submitters * runs_each * per_run))
  local label="$submitters parallel submitters"
  [ "$2" = 1 ] || label="reference: one at a time"
  awk -v t="$total" -v s="$start" -v e="$end" -v f="$fails" -v h="$held" -v n="$label" \
    'BEGIN { printf "%-28s %6d reports in %6.1f s = %6.1f reports/s; failed runs: %d; journal holds %s of %d\n", n, t, e - s, t / (e - s), f, h, t }'
}

"$repo/bin/thingyan" --version > /dev/null 2>&1 || true
setup sequential
setup parallel
{
  echo "1. CLI submitters ($submitters submitters x $runs_each runs x $per_run NDJSON reports)"
  submit sequential 0
  submit parallel 1
} > "$work/out.txt"

cp="$repo/update-domain/target/classes:$repo/update-ports/target/classes:$(ls "$HOME"/.m2/repository/com/googlecode/libphonenumber/libphonenumber/*/libphonenumber-*.jar | grep -v sources | tail -1)"
mkdir -p "$work/classes"
"$javac" -nowarn -d "$work/classes" -cp "$cp" "$bench/intake/CorpusRedactionCost.java"
{
  echo
  echo "2. Redaction cost per report, PMS corpus"
  "$java" -Xmx256m -cp "$work/classes:$cp" CorpusRedactionCost \
    "$repo/update-domain/src/test/resources/redaction-corpus/pms" "${BENCH_ROUNDS:-30}"
} >> "$work/out.txt"
cat "$work/out.txt"

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
rev=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
{
  echo "# Error-report intake: concurrent CLI submitters, redaction cost"
  echo
  echo "run: $(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/report-intake.sh\`, commit $rev (working tree as built)"
  echo "machine: $(nproc) CPUs ($cpu); $("$java" -version 2>&1 | head -1); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo '```'
  cat "$work/out.txt"
  echo '```'
} > "$out"
echo "Results: $out"
