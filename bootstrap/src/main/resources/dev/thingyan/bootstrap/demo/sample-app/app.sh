#!/bin/sh
# Runs the demo app's command line (serve [port] | migrate | pending) from this release, with the
# JDK and the sqlite-jdbc classpath the demo chose (shared/demo.env; variables already set win).
set -eu
RELEASE=$(cd "$(dirname "$0")/.." && pwd -P)
SHARED=$(cd "$RELEASE/../.." && pwd -P)/shared
if [ -f "$SHARED/demo.env" ]; then
  . "$SHARED/demo.env"
fi
JAVA=${THINGYAN_DEMO_JAVA:-}
if [ -z "$JAVA" ]; then
  JAVA=${JAVA_HOME:+$JAVA_HOME/bin/java}
fi
if [ -z "${THINGYAN_DEMO_CLASSPATH:-}" ]; then
  echo "app.sh: THINGYAN_DEMO_CLASSPATH is not set: point it at the sqlite-jdbc jar, or write it to $SHARED/demo.env" >&2
  exit 2
fi
cd "$RELEASE"
# C1 and the serial GC: the source launcher compiles App.java at each start; this keeps it quick
exec "${JAVA:-java}" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$THINGYAN_DEMO_CLASSPATH" app/App.java "$@"
