#!/usr/bin/env bash
# thingyan's benchmark (the issue's "Benchmark" section). From the repository root:
#
#   bench/run.sh
#
# Builds the project (mvn install -DskipTests) and the bench (bench/pom.xml, not a module of the
# parent build), then, all on loopback, in a temporary folder that is deleted at the end:
#   1. download + SHA-256 of a 200 MB release package: thingyan's GitHubReleaseSource (302 from
#      the API to a storage server, like GitHub) vs `curl | sha256sum` against the same server
#      process, alternating, median of BENCH_RUNS rounds; client JVM with the launcher's default
#      options, then without -XX:TieredStopAtLevel=1;
#   2. peak RSS of real `bin/thingyan apply` processes (launcher default JVM options) installing a
#      50 MB and a 200 MB signed release, from the GitHub-compatible server and from a folder;
#   3. process start → first state transition line of `bin/thingyan apply`, vs a bare JVM start.
# Prints the summary and writes bench/results/latest.md. About 5 minutes on 2 cores.
#
# Environment: BENCH_RUNS (default 5), BENCH_SKIP_BUILD=1 (use the jars already built),
# BENCH_MVN_ARGS (default "-o": offline), TMPDIR (where the ~700 MB of temporary files go),
# BENCH_ONLY=download|rss|startup (a quick run of one measurement while tuning; it writes
# bench/results/quick.md, never latest.md).
set -euo pipefail

bench=$(cd -- "$(dirname -- "$0")" && pwd -P)
repo=$(cd -- "$bench/.." && pwd -P)
cd "$repo"
runs=${BENCH_RUNS:-5}
mvn_args=${BENCH_MVN_ARGS:--o}
# the launcher's default JVM options are what is measured: never a caller's override
unset THINGYAN_JAVA_OPTS
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi

say() { printf '\n== %s\n' "$*" >&2; }

for tool in curl sha256sum sync "$java"; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required" >&2; exit 2; }
done
time_bin=/usr/bin/time
if ! "$time_bin" -v true >/dev/null 2>&1; then
  say "installing GNU time (for /usr/bin/time -v)"
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; } || true
  fi
  if ! "$time_bin" -v true >/dev/null 2>&1; then
    echo "bench: GNU time unavailable: peak RSS comes from polling /proc/<pid>/status VmHWM only" >&2
    time_bin=none
  fi
fi

only=${BENCH_ONLY:-all}
case $only in
  all|download|rss|startup) ;;
  *) echo "bench: BENCH_ONLY must be download, rss or startup" >&2; exit 2 ;;
esac
runs_part() { [ "$only" = all ] || [ "$only" = "$1" ]; }

launcher_opts=$(sed -n 's/^opts=\${THINGYAN_JAVA_OPTS:-\(.*\)}$/\1/p' bin/thingyan)
[ -n "$launcher_opts" ] || { echo "bench: cannot read the default JVM options from bin/thingyan" >&2; exit 2; }
# the alternative measured next to the default: the other side of -XX:TieredStopAtLevel=1 (C1
# only: less compiler memory, but no SHA-256 intrinsic, which is a C2 one)
case " $launcher_opts " in
  *" -XX:TieredStopAtLevel="*)
    alt_opts=$(printf '%s\n' "$launcher_opts" | sed 's/ *-XX:TieredStopAtLevel=[0-9]//')
    alt_label="launcher options without TieredStopAtLevel=1" ;;
  *)
    alt_opts="$launcher_opts -XX:TieredStopAtLevel=1"
    alt_label="launcher options with TieredStopAtLevel=1 (C1 only)" ;;
esac

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  say "building thingyan (mvn $mvn_args install -DskipTests) and the bench"
  # shellcheck disable=SC2086
  mvn -B -q $mvn_args install -DskipTests
  # shellcheck disable=SC2086
  mvn -B -q $mvn_args -f bench/pom.xml package
fi
[ -f bootstrap/target/thingyan.jar ] && [ -f bench/target/classpath.txt ] || {
  echo "bench: build missing (bootstrap/target/thingyan.jar, bench/target/classpath.txt)" >&2; exit 2; }
cp="$bench/target/classes:$(cat "$bench/target/classpath.txt")"

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d "${TMPDIR:-/tmp}/thingyan-bench.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf -- "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
results="$work/results"
mkdir -p "$results"

say "building signed releases: v0.1.0 (1 MB), v0.5.0 (50 MB), v2.0.0 (200 MB) of random bytes"
"$java" -cp "$cp" dev.thingyan.bench.ReleaseFactory --dir "$work/releases" --pubkey "$work/pubkey.txt" \
  --release 0.1.0=1 --release 0.5.0=50 --release 2.0.0=200

say "starting the loopback release server (its own JVM)"
"$java" -Xmx256m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" dev.thingyan.bench.BenchServer \
  --releases "$work/releases" --info "$work/server.info" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do
  [ -f "$work/server.info" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 3; }
  sleep 0.2
done
[ -f "$work/server.info" ] || { echo "bench: the server did not start" >&2; cat "$work/server.log" >&2; exit 3; }
api=$(sed -n 's/^api=//p' "$work/server.info")
cat "$work/server.log" >&2

# the launcher's first start after a build makes its class archive (AppCDS, see bin/thingyan):
# done here, so that no measured run pays for it
say "first start of the launcher after the build (class archive)"
"$repo/bin/thingyan" --version >/dev/null

download() { # section key label opts...
  local section=$1 key=$2 label=$3; shift 3
  "$java" "$@" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" dev.thingyan.bench.DownloadBench \
    --api "$api" --tag v2.0.0 --sums "$work/releases/v2.0.0/SHA256SUMS" --work "$work/download" \
    --runs "$runs" --label "$label" --key "$key" --section "$section" --results "$results"
}
if runs_part download; then
  say "1. download + SHA-256 of 200 MB: thingyan vs curl | sha256sum (client JVM: launcher default options)"
  # shellcheck disable=SC2086
  download a dl.launcher "launcher default options" $launcher_opts
  say "1b. the same, client JVM: $alt_label"
  # shellcheck disable=SC2086
  download b dl.c2 "$alt_label" $alt_opts
fi

if runs_part rss; then
  say "2. peak RSS of bin/thingyan apply (50 MB and 200 MB; github and folder sources)"
  "$java" -cp "$cp" dev.thingyan.bench.ApplyRss --launcher "$repo/bin/thingyan" --launcher-opts "$launcher_opts" \
    --time "$time_bin" --api "$api" --releases "$work/releases" --pubkey "$work/pubkey.txt" \
    --work "$work/rss" --results "$results" \
    --case github:0.5.0 --case github:2.0.0 --case folder:0.5.0 --case folder:2.0.0 \
    --case "github:2.0.0:$alt_opts" || { echo "bench: an apply failed (logs above)" >&2; rss_failed=1; }
fi

if runs_part startup; then
  say "3. process start -> first state transition of bin/thingyan apply (median of $runs)"
  "$java" -cp "$cp" dev.thingyan.bench.StartupBench --launcher "$repo/bin/thingyan" --launcher-opts "$launcher_opts" \
    --classes "$bench/target/classes" --api "$api" --releases "$work/releases" --pubkey "$work/pubkey.txt" \
    --version 0.1.0 --work "$work/start" --runs "$runs" --results "$results"
fi

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
mem=$(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo)
jv=$("$java" -version 2>&1 | head -1)
rev=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
load_note="load average (1, 5, 15 min) at start: $load_start, at the end: $load_end"
if awk -v a="${load_start%% *}" -v b="${load_end%% *}" -v n="$(nproc)" 'BEGIN { exit !(a > n || b > n) }'; then
  load_note="$load_note — **more runnable work than CPUs: other processes shared the machine, so absolute times are inflated and noisy; ratios come from alternating runs, peak RSS is unaffected**"
fi
say "results"
if [ "$only" = all ]; then out_md=$bench/results/latest.md; else out_md=$bench/results/quick.md; fi
"$java" -cp "$cp" dev.thingyan.bench.Report --results "$results" --out "$out_md" --alt-label "$alt_label" \
  --header "run: $(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/run.sh\`, BENCH_RUNS=$runs$([ "$only" = all ] || echo ", BENCH_ONLY=$only"), commit $rev (working tree as built)" \
  --header "machine: $(nproc) CPUs ($cpu), $mem RAM, $(uname -sr); $jv" \
  --header "$load_note" \
  --header "launcher AppCDS class archive: $(ls bootstrap/target/thingyan-*.jsa >/dev/null 2>&1 && echo "in use (made by the launcher's first start, see bin/thingyan)" || echo none)" \
  --header "launcher default JVM options: \`$launcher_opts\`; curl $(curl --version | head -1 | cut -d' ' -f2), $(sha256sum --version | head -1)" \
  --header "sizes in MB = 10^6 bytes; the 200 MB release package is $(stat -c %s "$work/releases/v2.0.0/app-2.0.0.tar.gz") bytes, the 50 MB one $(stat -c %s "$work/releases/v0.5.0/app-0.5.0.tar.gz")"
echo
echo "Full results: $out_md"
[ -z "${rss_failed:-}" ]
