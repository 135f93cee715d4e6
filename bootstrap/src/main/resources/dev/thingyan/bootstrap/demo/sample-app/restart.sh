#!/bin/sh
# The post_swap hook: stops the running demo app and starts the release `current` points at, in
# the background, then waits until it listens (or reports why it did not start).
set -eu
RELEASE=$(cd "$(dirname "$0")/.." && pwd -P)
ROOT=$(cd "$RELEASE/../.." && pwd -P)
SHARED="$ROOT/shared"
"$RELEASE/bin/stop.sh"

# a zombie (exited, not yet reaped) answers kill -0 but is gone for our purpose
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" != "Z" ]
}

READY="$SHARED/app.ready"
rm -f "$READY"
cd "$ROOT/current"
# its own session and no inherited pipes: the hook that runs this script must not wait for the app
START=""
if command -v setsid >/dev/null 2>&1; then
  START=setsid
fi
APP_READY_FILE="$READY" $START nohup "$ROOT/current/bin/app.sh" serve </dev/null >>"$SHARED/app.log" 2>&1 &
PID=$!
echo "$PID" > "$SHARED/app.pid"
i=0
while [ ! -s "$READY" ]; do
  if ! alive "$PID"; then
    echo "restart.sh: the app exited during start-up; the end of $SHARED/app.log:" >&2
    tail -n 20 "$SHARED/app.log" >&2
    exit 1
  fi
  i=$((i + 1))
  if [ "$i" -gt 300 ]; then
    echo "restart.sh: the app did not listen within 30 s; see $SHARED/app.log" >&2
    exit 1
  fi
  sleep 0.1
done
echo "restart.sh: started $(cut -d' ' -f2 "$READY") from $(cd "$ROOT/current" && pwd -P) as pid $PID"
