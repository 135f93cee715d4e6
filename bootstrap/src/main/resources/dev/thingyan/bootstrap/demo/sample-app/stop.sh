#!/bin/sh
# Stops the demo app whose pid is in shared/app.pid, if it still runs: TERM, then KILL after 10 s.
set -eu
RELEASE=$(cd "$(dirname "$0")/.." && pwd -P)
SHARED=$(cd "$RELEASE/../.." && pwd -P)/shared
PIDFILE="$SHARED/app.pid"
[ -s "$PIDFILE" ] || exit 0
PID=$(cat "$PIDFILE")

# a zombie (exited, not yet reaped) answers kill -0 but is gone for our purpose
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" != "Z" ]
}

# a pid file outlives its process: never signal another program that got the same number
if alive "$PID" && grep -qa "App.java" "/proc/$PID/cmdline" 2>/dev/null; then
  kill "$PID"
  i=0
  while alive "$PID"; do
    i=$((i + 1))
    if [ "$i" -gt 100 ]; then
      kill -9 "$PID" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  echo "stop.sh: stopped the demo app (pid $PID)"
fi
rm -f "$PIDFILE"
