#!/usr/bin/env bash
# thingyan's backup benchmark (the issue's backup measurements). From anywhere:
#
#   bench/backup.sh
#
# On loopback only, against the local PostgreSQL (127.0.0.1:5432, user postgres, trust) and
# MariaDB (127.0.0.1:3306, root, no password) servers:
#   1. makes a >= 1 GB database on each (PostgreSQL: pgbench -i, server-side generation;
#      MariaDB: an app-like `bookings` table filled from the sequence engine), reused by every round;
#   2. backup: `bin/thingyan --config CFG backup` (the launcher's default JVM options, a local
#      folder store) against `pg_dump -Fc -Z0 | zstd -3 -q > FILE` (resp. `mariadb-dump
#      --single-transaction --quick --routines --events --triggers | zstd -3 -q > FILE`), in
#      alternating order, median of BENCH_RUNS rounds; wall time, ratio, peak RSS of each process
#      (GNU time), and the peak RSS of the dump tool thingyan runs (VmHWM sampled from /proc);
#   2b. the floors, in the same rounds (BENCH_FLOOR=0 leaves them out): BackupFloor (bench/src/main/
#      java/dev/thingyan/bench/BackupFloor.java, compiled here against the jar), with the launcher's
#      JVM options: "pipe", a JVM that only runs the same dump | zstd pipeline, hashes and stores
#      the bytes (fsync, rename), and "journal", the same plus the least a catalogued backup needs
#      from the embedded H2 journal through Jdbi (lock, audit, catalogue rows): what any JVM, and
#      any JVM on thingyan's journal stack, pays before thingyan's own code adds anything;
#   3. restore: `bin/thingyan restore ID --yes` (safety backup + checksum + restore) against
#      `zstd -dc FILE | pg_restore --clean --if-exists -d DB` (resp. `zstd -dc FILE | mariadb DB`),
#      BENCH_RESTORE_RUNS rounds, with thingyan's phases taken from its child processes' lifetimes.
# Writes bench/results/backup-latest.md. 7-25 minutes on 2 cores. Everything it made (both
# databases, the temporary folder) is removed at the end, also when it fails or is interrupted.
#
# Environment: BENCH_RUNS (backup rounds, default 3), BENCH_RESTORE_RUNS (default 1),
# BENCH_ONLY=postgresql|mariadb (one engine; writes results/backup-quick.md instead),
# BENCH_PG_SCALE (pgbench scale, default 70), BENCH_MARIADB_ROWS (default 2500000),
# BENCH_FLOOR (default 1; 0: no floor rows), BENCH_BUILD=1 (mvn package first; by default the jar already built is used, and the launcher
# builds it when missing), BENCH_MVN_ARGS (default "-o"), BENCH_JAR (the thingyan.jar to run,
# default bootstrap/target/thingyan.jar: e.g. one built with -Dthingyan.build.dir=...), TMPDIR
# (~1 GB of dumps go there).
set -euo pipefail

bench=$(cd -- "$(dirname -- "$0")" && pwd -P)
repo=$(cd -- "$bench/.." && pwd -P)
cd "$repo"
runs=${BENCH_RUNS:-3}
restore_runs=${BENCH_RESTORE_RUNS:-1}
pg_scale=${BENCH_PG_SCALE:-70}
my_rows=${BENCH_MARIADB_ROWS:-2500000}
only=${BENCH_ONLY:-all}
case $only in all|postgresql|mariadb) ;; *) echo "bench: BENCH_ONLY must be postgresql or mariadb" >&2; exit 2 ;; esac
# the launcher's defaults are what is measured: never a caller's override
unset THINGYAN_JAVA_OPTS MALLOC_ARENA_MAX THINGYAN_CDS
export LC_ALL=C

PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres
export PGHOST PGPORT PGUSER
unset PGPASSWORD PGDATABASE
my=(--host=127.0.0.1 --port=3306 --protocol=TCP --user=root)

say() { printf '\n== %s\n' "$*" >&2; }
now() { printf '%s' "$EPOCHREALTIME"; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }'; } # KiB -> MB (10^6 bytes)
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maxof() { printf '%s\n' "$@" | sort -g | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

need() { for t in "$@"; do command -v "$t" >/dev/null || { echo "bench: $t is required" >&2; exit 2; }; done; }
need zstd awk pgrep sync java
[ "$only" = mariadb ] || need pg_dump pg_restore psql
[ "$only" = postgresql ] || need mariadb mariadb-dump
if ! /usr/bin/time -f %M true >/dev/null 2>&1; then
  say "installing GNU time (for /usr/bin/time -f %M)"
  { apt-get install -y -qq time || { apt-get update -qq && apt-get install -y -qq time; }; } >/dev/null 2>&1 || true
  /usr/bin/time -f %M true >/dev/null 2>&1 || { echo "bench: GNU time (/usr/bin/time) is required" >&2; exit 2; }
fi
[ "$only" = mariadb ] || pg_isready -q || { echo "bench: PostgreSQL is not accepting connections at $PGHOST:$PGPORT" >&2; exit 2; }
[ "$only" = postgresql ] || mariadb "${my[@]}" -e 'SELECT 1' >/dev/null || { echo "bench: MariaDB is not reachable at 127.0.0.1:3306 as root" >&2; exit 2; }

launcher_opts=$(sed -n 's/^opts=\${THINGYAN_JAVA_OPTS:-\(.*\)}$/\1/p' bin/thingyan)
# what the launcher adds for `backup` and `restore` (its compiler options for those commands)
launcher_jit=$(sed -n 's/^ *jit="\(-XX:[^$]*\)"$/\1/p' bin/thingyan)
jar=${BENCH_JAR:-$repo/bootstrap/target/thingyan.jar}
export THINGYAN_JAR=$jar
if [ "${BENCH_BUILD:-0}" = 1 ]; then
  say "building thingyan (mvn ${BENCH_MVN_ARGS:--o} package -DskipTests)"
  # shellcheck disable=SC2086
  mvn -B -q ${BENCH_MVN_ARGS:--o} -DskipTests package
fi

floor=${BENCH_FLOOR:-1}
case $floor in 0|1) ;; *) echo "bench: BENCH_FLOOR must be 0 or 1" >&2; exit 2 ;; esac
[ "$floor" = 0 ] || need javac

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
t_start=$(now)
work=$(mktemp -d "${TMPDIR:-/tmp}/thingyan-backup-bench.XXXXXX")
suffix=$(basename "$work" | tr -dc 'a-zA-Z0-9' | tail -c 6 | tr 'A-Z' 'a-z')
pg_db=thingyan_bench_pg_$suffix
my_db=thingyan_bench_my_$suffix
pg_made= my_made= cur_pid=
cleanup() {
  local rc=$? p c
  trap - EXIT INT TERM
  if [ -n "$cur_pid" ]; then # a measured command still running (interrupted): stop it and what it started
    for p in $(pgrep -P "$cur_pid" || true); do
      for c in $(pgrep -P "$p" || true); do kill "$c" 2>/dev/null || true; done
      kill "$p" 2>/dev/null || true
    done
    kill "$cur_pid" 2>/dev/null || true
    wait "$cur_pid" 2>/dev/null || true
  fi
  jobs -p | while read -r p; do kill "$p" 2>/dev/null || true; done
  if [ -n "$pg_made" ]; then
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1 \
      || echo "bench: could not drop PostgreSQL database $pg_db; drop it by hand" >&2
  fi
  if [ -n "$my_made" ]; then
    mariadb "${my[@]}" -e "SET SESSION lock_wait_timeout = 60; DROP DATABASE IF EXISTS \`$my_db\`" >/dev/null 2>&1 \
      || echo "bench: could not drop MariaDB database $my_db; drop it by hand" >&2
    # a failed thingyan restore keeps its scratch copy and names it: only such a one is ours
    local s
    for s in $(cat "$work"/*.err 2>/dev/null | grep -o 'in database thingyan_restore_[a-z0-9_]*' | awk '{ print $3 }' | sort -u); do
      mariadb "${my[@]}" -e "DROP DATABASE IF EXISTS \`$s\`" >/dev/null 2>&1 || true
    done
  fi
  rm -rf -- "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Every 0.2 s: VmHWM and VmRSS of the processes under $1 (GNU time, then the JVM, then what the
# JVM starts: pg_dump, zstd, pg_restore, psql, mariadb-dump, mariadb). One line per process and tick:
# time pid comm VmHWM-KiB VmRSS-KiB. Ends when $1 has been reaped.
snap() {
  local p=$1 comm k v rest hwm=0 rss=0
  { read -r comm </proc/"$p"/comm; } 2>/dev/null || return 0
  { while read -r k v rest; do
      case $k in VmHWM:) hwm=$v ;; VmRSS:) rss=$v ;; esac
    done </proc/"$p"/status; } 2>/dev/null || return 0
  printf '%s %s %s %s %s\n' "$EPOCHREALTIME" "$p" "$comm" "$hwm" "$rss"
}
sample() {
  local root=$1 p c
  while kill -0 "$root" 2>/dev/null; do
    for p in $(pgrep -P "$root" || true); do
      snap "$p"
      for c in $(pgrep -P "$p" || true); do snap "$c"; done
    done
    sleep 0.2
  done
}

# thingyan TAG CONFIG ARGS...: runs bin/thingyan under GNU time with the sampler; sets
# T_WALL (s), T_RSS (KiB, GNU time: the JVM, the largest of its tree) and T_OUT (its stdout file).
thingyan() {
  local tag=$1 cfg=$2 t0 t1 rc spid
  shift 2
  t0=$(now)
  /usr/bin/time -f %M -o "$work/$tag.time" "$repo/bin/thingyan" --config "$cfg" --lang en "$@" \
    >"$work/$tag.out" 2>"$work/$tag.err" &
  cur_pid=$!
  sample "$cur_pid" >"$work/$tag.samples" &
  spid=$!
  if wait "$cur_pid"; then rc=0; else rc=$?; fi
  t1=$(now)
  cur_pid=
  wait "$spid" || true
  if [ "$rc" != 0 ]; then
    echo "bench: bin/thingyan $* failed (exit $rc):" >&2
    cat "$work/$tag.out" "$work/$tag.err" >&2
    exit 3
  fi
  echo "$t0" >"$work/$tag.t0"
  T_WALL=$(secs "$t0" "$t1")
  T_RSS=$(tail -1 "$work/$tag.time")
  T_OUT=$work/$tag.out
}

# children TAG: what the JVM started, from the samples: "comm start-s end-s peak-KiB" per process,
# times from the command's start (a process is seen for the first/last time within 0.2 s of its
# real start/end), in the order they started.
children() {
  awk -v t0="$(cat "$work/$1.t0")" '
    $3 ~ /^(pg_dump|pg_restore|psql|mariadb-dump|mariadb|mysqldump|mysql|zstd)$/ {
      if (!($2 in first)) { first[$2] = $1; order[++n] = $2 }
      last[$2] = $1; comm[$2] = $3; if ($4 > hwm[$2]) hwm[$2] = $4
    }
    END { for (i = 1; i <= n; i++) { p = order[i]; printf "%s %.1f %.1f %d\n", comm[p], first[p] - t0, last[p] - t0, hwm[p] } }
  ' "$work/$1.samples"
}
# jvm_hwm TAG: the JVM's own VmHWM (KiB), sampled
jvm_hwm() { awk '$3 == "java" && $4 > m { m = $4 } END { print m + 0 }' "$work/$1.samples"; }

# PIPELINE TAG CMD1 -- CMD2 -- OUTFILE: CMD1 | CMD2 > OUTFILE, each under GNU time; then `sync
# OUTFILE` (fsync: thingyan fsyncs its backup). Sets P_WALL, P_SYNC (s), P_RSS1, P_RSS2 (KiB).
pipeline() {
  local tag=$1 a=() b=() out t0 t1 t2
  shift
  while [ "$1" != -- ]; do a+=("$1"); shift; done
  shift
  while [ "$1" != -- ]; do b+=("$1"); shift; done
  out=$2
  rm -f -- "$out"
  t0=$(now)
  /usr/bin/time -f %M -o "$work/$tag.rss1" "${a[@]}" | /usr/bin/time -f %M -o "$work/$tag.rss2" "${b[@]}" >"$out"
  t1=$(now)
  sync -- "$out"
  t2=$(now)
  P_WALL=$(secs "$t0" "$t1")
  P_SYNC=$(secs "$t0" "$t2")
  P_RSS1=$(tail -1 "$work/$tag.rss1")
  P_RSS2=$(tail -1 "$work/$tag.rss2")
}

# floor TAG MODE DIR DUMP_COMMAND...: BackupFloor MODE (pipe|journal) with the launcher's JVM options
# (no class archive of its own: the JDK's), storing into DIR; sets F_WALL (s) and F_RSS (KiB).
floor() {
  local tag=$1 mode=$2 dir=$3 t0 t1
  shift 3
  t0=$(now)
  # shellcheck disable=SC2086 # option lists, split on purpose
  MALLOC_ARENA_MAX=2 /usr/bin/time -f %M -o "$work/$tag.time" java $launcher_opts $launcher_jit \
    "-XX:CompilerDirectivesFile=$repo/bin/thingyan-backup.jit" \
    -cp "$work/floor-classes:$jar" dev.thingyan.bench.BackupFloor "$mode" "$dir/$tag.zst" "$dir/journal" "$@" \
    >"$work/$tag.out" 2>"$work/$tag.err" || { echo "bench: BackupFloor $mode failed:" >&2; cat "$work/$tag.err" >&2; exit 3; }
  t1=$(now)
  rm -f -- "$dir/$tag.zst"
  F_WALL=$(secs "$t0" "$t1")
  F_RSS=$(tail -1 "$work/$tag.time")
}

# config ENGINE URL DIR: a minimal thingyan.yaml (folder source, no release needed for backups)
config() {
  local engine=$1 url=$2 dir=$3
  mkdir -p "$dir/releases" "$dir/backups"
  printf '%s\n' "app: {root: $dir/app}" \
    "source: {type: folder, folder: {path: $dir/releases}}" \
    'verify: {allow_unsigned: true}' \
    'health: {checks: [{type: database}]}' \
    "database: {engine: $engine, url: \"$url\", user: ${4}}" \
    "backup: {local: {path: $dir/backups}}" >"$dir/thingyan.yaml"
  echo "$dir/thingyan.yaml"
}

md=$work/sections.md
: >"$md"
summary=()

# the launcher's first start after a build makes its class archive (AppCDS): never measured
say "first start of the launcher (class archive, once per build)"
"$repo/bin/thingyan" --version >/dev/null
if [ "$floor" = 1 ]; then
  say "compiling the floor program (BackupFloor) against $jar"
  javac -nowarn -d "$work/floor-classes" -cp "$jar" "$bench/src/main/java/dev/thingyan/bench/BackupFloor.java"
fi

# bench_engine ENGINE: the backup and restore rounds; the database exists already.
# Needs: cfg, ref_dump (array), ref_restore (array: reads the dump on stdin), ref_label,
# ref_restore_label, dump_tool, db_size (bytes), check (a command printing the row count), rows.
bench_engine() {
  local engine=$1 i tag first id ref_md=${ref_label//|/\\|} start=() span=()
  local tw=() pw=() ps=() trss=() jhwm=() dhwm=() zhwm=() p1=() p2=() tsize=() psize=() fw=() frss=() jw=() jrss=()
  local order=(t p) fdir=$work/$engine-floor
  say "$engine: $runs backup rounds, alternating (thingyan backup vs $ref_label)"
  "$repo/bin/thingyan" --config "$cfg" --lang en backups >/dev/null # makes the journal: not measured
  if [ "$floor" = 1 ]; then
    order=(t p f j)
    mkdir -p "$fdir"
    floor "$engine-floor-0" journal "$fdir" "${ref_dump[@]}" # makes its journal: not measured
  fi
  for i in $(seq 1 "$runs"); do
    # odd rounds in the order of $order, even rounds reversed
    local round=("${order[@]}")
    [ $((i % 2)) = 1 ] || round=($(printf '%s\n' "${order[@]}" | tac))
    for first in "${round[@]}"; do
      if [ "$first" = f ] || [ "$first" = j ]; then
        local mode=pipe
        [ "$first" = f ] || mode=journal
        floor "$engine-floor-$mode-$i" "$mode" "$fdir" "${ref_dump[@]}"
        if [ "$mode" = pipe ]; then fw+=("$F_WALL"); frss+=("$F_RSS"); else jw+=("$F_WALL"); jrss+=("$F_RSS"); fi
        printf '  round %s floor (%s): %s s, peak RSS %s MB\n' "$i" "$mode" "$F_WALL" "$(mb "$F_RSS")" >&2
      elif [ "$first" = t ]; then
        tag=$engine-backup-$i
        thingyan "$tag" "$cfg" backup
        id=$(sed -n 's/^Backup \([^ ]*\) stored (\([0-9]*\) bytes.*/\1/p' "$T_OUT")
        tsize+=("$(sed -n 's/^Backup [^ ]* stored (\([0-9]*\) bytes.*/\1/p' "$T_OUT")")
        [ -n "$id" ] || { echo "bench: no backup id in:" >&2; cat "$T_OUT" >&2; exit 3; }
        last_id=$id
        tw+=("$T_WALL"); trss+=("$T_RSS"); jhwm+=("$(jvm_hwm "$tag")")
        dhwm+=("$(children "$tag" | awk -v t="$dump_tool" '$1 == t { print $4 }' | sort -g | tail -1)")
        zhwm+=("$(children "$tag" | awk '$1 == "zstd" { print $4 }' | sort -g | tail -1)")
        start+=("$(children "$tag" | awk -v t="$dump_tool" '$1 == t { print $2; exit }')")
        span+=("$(children "$tag" | awk -v t="$dump_tool" '$1 == t { print $3 - $2; exit }')")
        printf '  round %s thingyan backup: %s s, peak RSS %s MB (JVM sampled %s MB, %s %s MB, zstd %s MB)\n' "$i" \
          "$T_WALL" "$(mb "$T_RSS")" "$(mb "${jhwm[-1]}")" "$dump_tool" "$(mb "${dhwm[-1]:-0}")" "$(mb "${zhwm[-1]:-0}")" >&2
      else
        pipeline "$engine-ref-$i" "${ref_dump[@]}" -- zstd -3 -q -- "$work/$engine-ref.zst"
        pw+=("$P_WALL"); ps+=("$P_SYNC"); p1+=("$P_RSS1"); p2+=("$P_RSS2")
        psize+=("$(stat -c %s "$work/$engine-ref.zst")")
        printf '  round %s %s: %s s (+ sync: %s s), peak RSS %s %s MB, zstd %s MB\n' "$i" "$ref_label" "$P_WALL" "$P_SYNC" \
          "$dump_tool" "$(mb "$P_RSS1")" "$(mb "$P_RSS2")" >&2
      fi
    done
  done

  local mt mp msync
  mt=$(median "${tw[@]}"); mp=$(median "${pw[@]}"); msync=$(median "${ps[@]}")
  {
    printf '\n## %s\n\n' "$engine"
    printf 'Database `%s`: **%s** (%s); %s rows in the main table.\n\n' "$db_label" "$(awk -v b="$db_size" 'BEGIN { printf "%.2f GB", b / 1e9 }')" "$size_how" "$rows"
    printf '### Backup (%s alternating rounds; medians)\n\n' "$runs"
    printf '| | wall s (median) | samples s | ratio | peak RSS MB (max of rounds) | stored size MB |\n| --- | ---: | --- | ---: | --- | ---: |\n'
    printf '| `thingyan backup` (launcher defaults, local folder, fsync) | **%s** | %s | **%sx** | **%s** (JVM, GNU time); JVM VmHWM sampled %s; its `%s` child **%s**, its `zstd` child %s | %s |\n' \
      "$mt" "${tw[*]}" "$(ratio "$mt" "$mp")" "$(mb "$(maxof "${trss[@]}")")" "$(mb "$(maxof "${jhwm[@]}")")" "$dump_tool" \
      "$(mb "$(maxof "${dhwm[@]}")")" "$(mb "$(maxof "${zhwm[@]:-0}")")" "$(awk -v b="$(median "${tsize[@]}")" 'BEGIN { printf "%.1f", b / 1e6 }')"
    printf '| `%s` | **%s** | %s | 1.00x | `%s` %s, `zstd` %s | %s |\n' "$ref_md" "$mp" "${pw[*]}" "$dump_tool" \
      "$(mb "$(maxof "${p1[@]}")")" "$(mb "$(maxof "${p2[@]}")")" "$(awk -v b="$(median "${psize[@]}")" 'BEGIN { printf "%.1f", b / 1e6 }')"
    printf '| same, then `sync FILE` (like-for-like: thingyan fsyncs) | %s | %s | %s | | |\n' "$msync" "${ps[*]}" "$(ratio "$mt" "$msync")x (thingyan / this)"
    if [ "$floor" = 1 ]; then
      printf '| floor: `BackupFloor pipe`, a JVM that only runs the same pipeline, hashes and stores (fsync, rename) | %s | %s | %sx | %s | |\n' \
        "$(median "${fw[@]}")" "${fw[*]}" "$(ratio "$(median "${fw[@]}")" "$mp")" "$(mb "$(maxof "${frss[@]}")")"
      printf '| floor: `BackupFloor journal`, the same plus lock, audit and catalogue rows in an H2 journal through Jdbi | %s | %s | %sx | %s | |\n' \
        "$(median "${jw[@]}")" "${jw[*]}" "$(ratio "$(median "${jw[@]}")" "$mp")" "$(mb "$(maxof "${jrss[@]}")")"
    fi
    printf '\nInside `thingyan backup` (sampled every 0.2 s): `%s` (piped into `zstd` by the OS) first seen %s s after the command started (median; JVM start and configuration: the journal, recovery, locks and audit run beside the dump), and ran for %s s (median; samples: %s); the rest of the wall time is the end: fsync, rename, catalog, audit, retention, JVM exit.\n' \
      "$dump_tool" "$(median "${start[@]}")" "$(median "${span[@]}")" "${span[*]}"
  } >>"$md"
  summary+=("| $engine backup: \`thingyan backup\` vs \`$ref_md\` | $mt s vs $mp s → **$(ratio "$mt" "$mp")x** (vs + sync: $(ratio "$mt" "$msync")x) | ≤ 1.10x | $(awk -v r="$(ratio "$mt" "$mp")" 'BEGIN { print (r <= 1.10 ? "✓ met" : "✗ missed") }') |")
  if [ "$floor" = 1 ]; then
    summary+=("| $engine floors, same rounds: a JVM that only pipes, hashes and stores; the same with an H2 journal through Jdbi | $(median "${fw[@]}") s (**$(ratio "$(median "${fw[@]}")" "$mp")x**), $(mb "$(maxof "${frss[@]}")") MB; $(median "${jw[@]}") s (**$(ratio "$(median "${jw[@]}")" "$mp")x**), $(mb "$(maxof "${jrss[@]}")") MB | — | floor |")
  fi
  summary+=("| $engine backup: peak RSS of \`thingyan backup\` | **$(mb "$(maxof "${trss[@]}")") MB** (JVM); its $dump_tool child $(mb "$(maxof "${dhwm[@]}")") MB, its zstd child $(mb "$(maxof "${zhwm[@]}")") MB; reference: $dump_tool $(mb "$(maxof "${p1[@]}")") MB + zstd $(mb "$(maxof "${p2[@]}")") MB | ≤ 64 MB | $(awk -v k="$(maxof "${trss[@]}")" 'BEGIN { print (k * 1024 / 1e6 <= 64 ? "✓ met" : "✗ missed") }') |")

  say "$engine: $restore_runs restore round(s) (thingyan restore $last_id --yes vs $ref_restore_label)"
  local rt=() rr=() rrss=() rjh=() phases=() rrss1=() rrss2=() t0 t1
  for i in $(seq 1 "$restore_runs"); do
    for first in $([ $((i % 2)) = 1 ] && echo "t p" || echo "p t"); do
      if [ "$first" = t ]; then
        tag=$engine-restore-$i
        thingyan "$tag" "$cfg" restore "$last_id" --yes
        rt+=("$T_WALL"); rrss+=("$T_RSS"); rjh+=("$(jvm_hwm "$tag")")
        phases+=("$(children "$tag" | awk '{ printf "%s%s %s–%s s (%.1f MB)", (NR > 1 ? "; " : ""), $1, $2, $3, $4 * 1024 / 1e6 }')")
        printf '  round %s thingyan restore: %s s, peak RSS %s MB; children: %s\n' "$i" "$T_WALL" "$(mb "$T_RSS")" "${phases[-1]}" >&2
        [ "$(eval "$check")" = "$rows" ] || { echo "bench: after thingyan restore the row count is $(eval "$check"), not $rows" >&2; exit 3; }
      else
        t0=$(now)
        /usr/bin/time -f %M -o "$work/$engine-rr1" zstd -dc -- "$work/$engine-ref.zst" \
          | /usr/bin/time -f %M -o "$work/$engine-rr2" "${ref_restore[@]}" >"$work/$engine-ref-restore.out" 2>&1 \
          || { cat "$work/$engine-ref-restore.out" >&2; exit 3; }
        t1=$(now)
        rr+=("$(secs "$t0" "$t1")"); rrss1+=("$(tail -1 "$work/$engine-rr1")"); rrss2+=("$(tail -1 "$work/$engine-rr2")")
        printf '  round %s %s: %s s\n' "$i" "$ref_restore_label" "${rr[-1]}" >&2
        [ "$(eval "$check")" = "$rows" ] || { echo "bench: after $ref_restore_label the row count is $(eval "$check"), not $rows" >&2; exit 3; }
      fi
    done
  done
  local mrt mrr
  mrt=$(median "${rt[@]}"); mrr=$(median "${rr[@]}")
  {
    printf '\n### Restore (%s round(s); medians)\n\n' "$restore_runs"
    printf '| | wall s | samples s | vs reference | peak RSS MB |\n| --- | ---: | --- | ---: | --- |\n'
    printf '| `thingyan restore ID --yes` (safety backup first, then SHA-256 check, then restore) | **%s** | %s | %sx | %s (JVM, GNU time; sampled %s) |\n' \
      "$mrt" "${rt[*]}" "$(ratio "$mrt" "$mrr")" "$(mb "$(maxof "${rrss[@]}")")" "$(mb "$(maxof "${rjh[@]}")")"
    printf '| `zstd -dc FILE \\| %s` | **%s** | %s | 1.00x | zstd %s, %s %s |\n' "$ref_restore_label" "$mrr" "${rr[*]}" \
      "$(mb "$(maxof "${rrss1[@]}")")" "${ref_restore[0]}" "$(mb "$(maxof "${rrss2[@]}")")"
    printf '\nthingyan restore, what the JVM ran (seconds from the command start, first–last seen by a 0.2 s /proc sampler; peak VmHWM):\n\n'
    for i in "${!phases[@]}"; do printf -- '- round %s: %s\n' "$((i + 1))" "${phases[$i]}"; done
  } >>"$md"
  summary+=("| $engine restore: \`thingyan restore ID --yes\` vs \`zstd -dc \\| $ref_restore_label\` | $mrt s vs $mrr s ($(ratio "$mrt" "$mrr")x; thingyan's includes a safety backup, see details) | — | info |")
}

if [ "$only" != mariadb ]; then
  say "PostgreSQL: making $pg_db (pgbench -i -s $pg_scale, server-side generation)"
  psql -X -q -d postgres -c "CREATE DATABASE $pg_db" >/dev/null
  pg_made=1
  t0=$(now)
  if command -v pgbench >/dev/null; then
    pgbench -i -I dtGvp -s "$pg_scale" -q "$pg_db" >"$work/pgbench.log" 2>&1 || { cat "$work/pgbench.log" >&2; exit 3; }
  else # the same tables, without pgbench
    psql -X -q -v ON_ERROR_STOP=1 -d "$pg_db" >/dev/null <<SQL
CREATE TABLE pgbench_branches (bid int PRIMARY KEY, bbalance int, filler char(88));
CREATE TABLE pgbench_tellers (tid int PRIMARY KEY, bid int, tbalance int, filler char(84));
CREATE TABLE pgbench_accounts (aid int, bid int, abalance int, filler char(84));
CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22));
INSERT INTO pgbench_branches SELECT b, 0, '' FROM generate_series(1, $pg_scale) b;
INSERT INTO pgbench_tellers SELECT t, (t - 1) / 10 + 1, 0, '' FROM generate_series(1, $pg_scale * 10) t;
INSERT INTO pgbench_accounts SELECT a, (a - 1) / 100000 + 1, 0, '' FROM generate_series(1, $pg_scale * 100000) a;
ALTER TABLE pgbench_accounts ADD PRIMARY KEY (aid);
VACUUM ANALYZE;
SQL
  fi
  pg_gen=$(secs "$t0" "$(now)")
  db_size=$(psql -X -At -d postgres -c "SELECT pg_database_size('$pg_db')")
  rows=$(psql -X -At -d "$pg_db" -c "SELECT count(*) FROM pgbench_accounts")
  echo "  $pg_db: $db_size bytes, $rows rows in pgbench_accounts, made in $pg_gen s" >&2
  awk -v b="$db_size" 'BEGIN { exit !(b >= 1e9) }' || echo "bench: WARNING: $pg_db is under 1 GB: raise BENCH_PG_SCALE" >&2
  db_label=$pg_db size_how="pg_database_size; pgbench -i -s $pg_scale, made in $pg_gen s"
  cfg=$(config postgresql "jdbc:postgresql://127.0.0.1:5432/$pg_db" "$work/pg" postgres)
  dump_tool=pg_dump
  ref_label="pg_dump -Fc -Z0 | zstd -3 -q > FILE"
  ref_dump=(pg_dump -Fc -Z0 -h 127.0.0.1 -p 5432 -U postgres "$pg_db")
  ref_restore_label="pg_restore --clean --if-exists -d DB"
  ref_restore=(pg_restore --clean --if-exists -h 127.0.0.1 -p 5432 -U postgres -d "$pg_db")
  check="psql -X -At -d $pg_db -c 'SELECT count(*) FROM pgbench_accounts'"
  bench_engine postgresql
  psql -X -q -d postgres -c "DROP DATABASE $pg_db WITH (FORCE)" >/dev/null && pg_made=
  rm -rf -- "$work/pg" "$work"/postgresql-ref.zst
fi

if [ "$only" != postgresql ]; then
  say "MariaDB: making $my_db ($my_rows booking rows from the sequence engine)"
  mariadb "${my[@]}" -e "CREATE DATABASE \`$my_db\` CHARACTER SET utf8mb4"
  my_made=1
  t0=$(now)
  mariadb "${my[@]}" "$my_db" <<'SQL'
CREATE TABLE guests (id INT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(120) NOT NULL,
  phone VARCHAR(32) NOT NULL, country CHAR(2) NOT NULL, created_at DATETIME NOT NULL) ENGINE=InnoDB;
CREATE TABLE bookings (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, guest_id INT NOT NULL,
  room SMALLINT NOT NULL, check_in DATE NOT NULL, check_out DATE NOT NULL, amount DECIMAL(12,2) NOT NULL,
  status VARCHAR(16) NOT NULL, guest_name VARCHAR(100) NOT NULL, note TEXT NOT NULL,
  created_at DATETIME NOT NULL, KEY idx_check_in (check_in)) ENGINE=InnoDB;
CREATE TRIGGER bookings_amount BEFORE INSERT ON bookings FOR EACH ROW SET NEW.amount = GREATEST(NEW.amount, 0);
CREATE VIEW open_bookings AS SELECT id, guest_id, room, check_in FROM bookings WHERE status = 'booked';
INSERT INTO guests SELECT seq, CONCAT('Guest ', seq), CONCAT('guest', seq, '@example.com'),
  CONCAT('+95 9 ', LPAD(seq, 9, '0')), ELT(1 + seq % 3, 'MM', 'TH', 'SG'), NOW() - INTERVAL seq MINUTE
  FROM seq_1_to_100000;
SQL
  # in chunks: one transaction per 500 000 rows
  done_rows=0
  while [ "$done_rows" -lt "$my_rows" ]; do
    n=$((my_rows - done_rows)); [ "$n" -le 500000 ] || n=500000
    mariadb "${my[@]}" "$my_db" -e "INSERT INTO bookings (guest_id, room, check_in, check_out, amount, status, guest_name, note, created_at)
      SELECT 1 + FLOOR(RAND() * 100000), 100 + s % 400, DATE '2015-01-01' + INTERVAL (s DIV 500) DAY,
        DATE '2015-01-01' + INTERVAL (s DIV 500 + 1 + s % 7) DAY, ROUND(RAND() * 1000, 2),
        ELT(1 + s % 4, 'booked', 'checked_in', 'checked_out', 'cancelled'), CONCAT('Guest ', MD5(s)),
        CONCAT_WS(' ', MD5(RAND()), SHA2(RAND(), 256), MD5(RAND()), SHA2(RAND(), 512), MD5(s)),
        NOW() - INTERVAL s SECOND
      FROM (SELECT seq + $done_rows AS s FROM seq_1_to_$n) q"
    done_rows=$((done_rows + n))
  done
  my_gen=$(secs "$t0" "$(now)")
  mariadb "${my[@]}" "$my_db" -e "ANALYZE TABLE guests, bookings" >/dev/null
  db_size=$(mariadb "${my[@]}" -N -e "SELECT SUM(data_length + index_length) FROM information_schema.tables WHERE table_schema = '$my_db'")
  rows=$(mariadb "${my[@]}" -N "$my_db" -e "SELECT count(*) FROM bookings")
  echo "  $my_db: $db_size bytes, $rows rows in bookings, made in $my_gen s" >&2
  awk -v b="$db_size" 'BEGIN { exit !(b >= 1e9) }' || echo "bench: WARNING: $my_db is under 1 GB: raise BENCH_MARIADB_ROWS" >&2
  db_label=$my_db size_how="information_schema data_length + index_length after ANALYZE; 2 tables, a trigger, a view; made in $my_gen s"
  cfg=$(config mariadb "jdbc:mariadb://127.0.0.1:3306/$my_db" "$work/my" root)
  dump_tool=mariadb-dump
  ref_label="mariadb-dump --single-transaction --quick --routines --events --triggers | zstd -3 -q > FILE"
  ref_dump=(mariadb-dump "${my[@]}" --single-transaction --quick --routines --events --triggers "$my_db")
  ref_restore_label="mariadb DB"
  ref_restore=(mariadb "${my[@]}" "$my_db")
  check="mariadb ${my[*]} -N $my_db -e 'SELECT count(*) FROM bookings'"
  bench_engine mariadb
  mariadb "${my[@]}" -e "DROP DATABASE \`$my_db\`" && my_made=
fi

load_end=$(cut -d' ' -f1-3 /proc/loadavg)
total=$(secs "$t_start" "$(now)")
load_note="load average (1, 5, 15 min) at start: $load_start, at the end: $load_end"
if awk -v a="${load_start%% *}" -v b="${load_end%% *}" -v n="$(nproc)" 'BEGIN { exit !(a > n || b > n) }'; then
  load_note="$load_note — **more runnable work than CPUs: other processes shared the machine, so absolute times are inflated and noisy; ratios come from alternating runs, peak RSS is unaffected**"
fi
if [ "$only" = all ]; then out_md=$bench/results/backup-latest.md; else out_md=$bench/results/backup-quick.md; fi
mkdir -p "$bench/results"
{
  printf '# thingyan backup benchmark — latest results\n\n'
  printf -- '- run: %s, `bench/backup.sh`, BENCH_RUNS=%s, BENCH_RESTORE_RUNS=%s%s, commit %s (working tree, jar built %s); %s s in all\n' \
    "$(date -u '+%Y-%m-%d %H:%M UTC')" "$runs" "$restore_runs" "$([ "$only" = all ] || echo ", BENCH_ONLY=$only")" \
    "$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    "$(date -u -r "$jar" '+%Y-%m-%d %H:%M UTC')" "$total"
  printf -- '- machine: %s CPUs (%s), %s RAM, %s; %s\n' "$(nproc)" "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)" \
    "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)" "$(uname -sr)" "$(java -version 2>&1 | head -1)"
  printf -- '- %s\n' "$load_note"
  printf -- '- launcher default JVM options: `%s` (MALLOC_ARENA_MAX=2), and for `backup` and `restore` also `%s -XX:CompilerDirectivesFile=bin/thingyan-backup.jit` (C2 only for SHA-256); AppCDS archive: %s; jar %s\n' \
    "$launcher_opts" "$launcher_jit" "$(ls "${jar%.jar}"-*.jsa >/dev/null 2>&1 && echo in use || echo none)" "${jar#"$repo"/}"
  [ "$only" = mariadb ] || printf -- '- PostgreSQL: server %s, client %s; shared_buffers %s\n' \
    "$(psql -X -At -d postgres -c 'SHOW server_version')" "$(pg_dump --version | awk '{ print $3 }')" "$(psql -X -At -d postgres -c 'SHOW shared_buffers')"
  [ "$only" = postgresql ] || printf -- '- MariaDB: server %s, %s; innodb_buffer_pool_size %s, innodb_flush_log_at_trx_commit %s\n' \
    "$(mariadb "${my[@]}" -N -e 'SELECT VERSION()')" "$(mariadb-dump --version | sed 's/^.*Ver /mariadb-dump /; s/,.*//')" \
    "$(mariadb "${my[@]}" -N -e 'SELECT @@innodb_buffer_pool_size')" "$(mariadb "${my[@]}" -N -e 'SELECT @@innodb_flush_log_at_trx_commit')"
  printf -- '- %s; everything on loopback (TCP), the dumps in %s (same disk as the databases), served from the page cache (the data were just written; %s RAM)\n' \
    "$(zstd --version | sed 's/^\*\*\* //; s/ by .*//; s/,$//')" "${TMPDIR:-/tmp}" "$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)"
  printf -- '- MB = 10^6 bytes. Peak RSS: GNU time `%%M` (for thingyan: the largest of the JVM and the processes it waited for, i.e. the JVM); the dump tool thingyan runs: its VmHWM, sampled from /proc every 0.2 s\n\n'
  printf '## Summary\n\n| measurement | result | target | verdict |\n| --- | --- | --- | --- |\n'
  printf '%s\n' "${summary[@]}"
  cat "$md"
} >"$out_md"
say "results"
sed -n '/^## Summary/,/^## [a-z]/p' "$out_md" | sed '$d'
echo "Full results: $out_md"
