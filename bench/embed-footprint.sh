#!/usr/bin/env bash
# What embedding thingyan costs a host (issue 14's benchmark), before and after the library split:
#
#   bench/embed-footprint.sh
#
# "before" is thingyan at BENCH_BEFORE_REV (default: where this branch left main), whose builder
# lived in `bootstrap` (a host took bootstrap and everything it pulls in); "after" is this
# checkout's `dev.thingyan:thingyan` as embedding-test's host takes it (plus the host's own
# PostgreSQL driver and logback, counted apart). For each: the jars and megabytes a host takes,
# then bench/embed/EmbedFootprint.java (a host with its HikariCP pool on the local PostgreSQL
# builds thingyan with that DataSource and applies one release) BENCH_RUNS times, alternating:
# heap after GC, classes loaded and live threads, before/after the apply and after close().
# Writes bench/results/embed-footprint.md. Needs PostgreSQL on 127.0.0.1:5432 (user postgres,
# trust). Never installs into ~/.m2: both builds stop at `package`.
set -euo pipefail

bench=$(cd -- "$(dirname -- "$0")" && pwd -P)
repo=$(cd -- "$bench/.." && pwd -P)
runs=${BENCH_RUNS:-3}
before_rev=${BENCH_BEFORE_REV:-$(git -C "$repo" merge-base HEAD main)}
if [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java; else java=java; fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/thingyan-embed-fp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo "== building after ($(git -C "$repo" rev-parse --short HEAD))" >&2
(cd "$repo" && mvn -q -B -pl library,embedding-test -am package dependency:build-classpath \
  -DskipTests -Dinvoker.skip=true -Denforcer.skip=true -DincludeScope=runtime \
  -Dmdep.outputFile=target/classpath.txt >/dev/null)
after_cp=$(cat "$repo/embedding-test/target/classpath.txt")

echo "== building before ($(git -C "$repo" rev-parse --short "$before_rev"))" >&2
git clone -q "$repo" "$tmp/before"
git -C "$tmp/before" checkout -q "$before_rev"
(cd "$tmp/before" && mvn -q -B -pl bootstrap -am package dependency:build-classpath -DskipTests \
  -DincludeScope=runtime -Dmdep.outputFile=target/classpath.txt >/dev/null)
before_cp="$tmp/before/bootstrap/target/bootstrap-0.1.0-SNAPSHOT.jar:$(cat "$tmp/before/bootstrap/target/classpath.txt")"
after_cp="$repo/library/target/thingyan-0.1.0-SNAPSHOT.jar:$after_cp"

# jars and MB a host takes from thingyan (the host's own driver and logging binding apart)
jars() { # $1 class path, $2 regex of the host's own jars
  tr ':' '\n' <<<"$1" | grep -v '^$' | grep -Ev "${2:-^$}" | while read -r j; do stat -c %s "$j"; done \
    | awk '{n++; s+=$1} END {printf "%d jars, %.1f MB", n, s/1048576}'
}
host_own='/(postgresql|logback-classic|logback-core)-[0-9]'
before_jars=$(jars "$before_cp")
after_jars=$(jars "$after_cp" "$host_own")
after_host=$(jars "$after_cp")
picked() { tr ':' '\n' <<<"$1" | grep -Ec "$2" || true; }

# compiled ahead, not run as a source file: the in-process compiler would sit in the heap measured
for side in before after; do
  cp_var=${side}_cp
  mkdir -p "$tmp/classes-$side"
  javac -nowarn -cp "${!cp_var}" -d "$tmp/classes-$side" "$bench/embed/EmbedFootprint.java"
done
results=()
for i in $(seq 1 "$runs"); do
  for side in before after; do
    cp_var=${side}_cp
    line=$("$java" -Xmx512m -cp "$tmp/classes-$side:${!cp_var}" EmbedFootprint "$side" 2>"$tmp/$side.err" \
      | grep "^$side ") || { cat "$tmp/$side.err" >&2; exit 1; }
    echo "$line" >&2
    results+=("$line")
  done
done

median() { # $1 side, $2 field
  printf '%s\n' "${results[@]}" | grep "^$1 " | tr ' ' '\n' | grep "^$2=" | cut -d= -f2 | sort -n \
    | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
row() {
  local hb ha hc ca tb ta tc
  hb=$(median "$1" heap_before_kb); ha=$(median "$1" heap_after_apply_kb)
  hc=$(median "$1" heap_after_close_kb); ca=$(median "$1" classes_added)
  tb=$(median "$1" threads_before); ta=$(median "$1" threads_after_apply); tc=$(median "$1" threads_after_close)
  printf '| %s | %s | +%d KB (%d → %d) | +%d KB | %s | +%d | +%d |\n' "$1" "$2" $((ha - hb)) "$hb" "$ha" \
    $((hc - hb)) "$ca" $((ta - tb)) $((tc - tb))
}
out="$bench/results/embed-footprint.md"
{
  echo "# Embedding footprint ($(date -u +%Y-%m-%d), $(nproc) cores, medians of $runs runs)"
  echo
  echo "before: $(git -C "$repo" rev-parse --short "$before_rev") (the builder in \`bootstrap\`);"
  echo "after: $(git -C "$repo" rev-parse --short HEAD) (\`dev.thingyan:thingyan\`)."
  echo "Host: its own HikariCP pool on PostgreSQL; thingyan built with that DataSource, one release"
  echo "applied (folder source, pg_dump backup, command health check), then closed. Heap: used after"
  echo "3 x System.gc(), -Xmx512m."
  echo
  echo "| | jars a host takes from thingyan | heap after the apply | heap after close | classes loaded | threads after the apply | threads after close |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  row before "$before_jars (slf4j-simple: $(picked "$before_cp" '/slf4j-simple-'), picocli: $(picked "$before_cp" '/picocli-'), JDBC drivers: $(picked "$before_cp" '/(h2|postgresql|mariadb-java-client|sqlite-jdbc)-[0-9]'), AWS SDK jars: $(picked "$before_cp" '/software/amazon/'))"
  row after "$after_jars (slf4j-simple: $(picked "$after_cp" '/slf4j-simple-'), picocli: $(picked "$after_cp" '/picocli-'), JDBC drivers: 0 + the host's own, AWS SDK jars: $(picked "$after_cp" '/software/amazon/')); with the host's driver and logback: $after_host"
  echo
  echo "The threads left after close are daemon statics: \`thingyan-db-probe\` (adapter-jdbc's bounded-call"
  echo "pool, idle threads end after 60 s) and the JDK's \`CompletableFutureDelayScheduler\`. The heap"
  echo "after close stays near the heap after the apply: what remains is the loaded libraries' static"
  echo "state (classes, Liquibase's and Jackson's caches), not the closed system."
  echo
  echo "Raw lines:"
  echo
  printf '    %s\n' "${results[@]}"
} >"$out"
cat "$out"
