#!/usr/bin/env bash
# Scenarios 1 and 2 of the Laravel e2e suite (module e2e) as a benchmark: an update 1.0.0 -> 1.1.0
# and a broken 1.2.0 rolled back, each under continuous load (dashboard + booking API) on the
# real stack (nginx + PHP-FPM + MariaDB + Redis + a queue worker). Prints, per scenario: requests
# served and failed, requests answered by the broken release, the window from the first failed
# request to the old release answering (target <= 2 s), and the update's time split by step from
# thingyan's journal; writes them to bench/results/laravel-latest.txt.
#
# As root on Debian (e2e/setup.sh installs the stack; bin/test-env runs it). About 3 minutes:
# the reactor is built (tests skipped but the e2e module's), then the two scenarios run.
#   BENCH_MVN_ARGS  Maven arguments (default -o)
#
# bench/laravel.sh preview: the pre-swap preview's figures instead (PreviewUpdateTest with
# -De2e.preview.bench=true, about 4 minutes): requests answered by a release that cannot boot and
# by one that breaks only once `current`, with the preview off and on, and the time the preview
# adds to a good update; written to bench/results/preview-latest.md.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "bench/laravel.sh: run as root (the stack runs PHP-FPM and nginx as www-data)" >&2; exit 2; }
e2e/setup.sh
if [ "${1:-}" = preview ]; then
  # shellcheck disable=SC2086
  mvn ${BENCH_MVN_ARGS:--o} -q -B -pl e2e -am verify -Dtest=PreviewUpdateTest -Dsurefire.failIfNoSpecifiedTests=false \
    -De2e.scenarios=preview -De2e.preview.bench=true || status=$?
  mkdir -p bench/results
  { echo "# bench/laravel.sh preview: $(git rev-parse --short HEAD), $(nproc) cores, $(date -u +%FT%TZ)"; echo
    bench/preview-table.py e2e/target/e2e-preview-metrics.json; } > bench/results/preview-latest.md
  cat bench/results/preview-latest.md
  echo "(every figure: e2e/target/e2e-preview-metrics.json)"
  exit "${status:-0}"
fi
# shellcheck disable=SC2086
mvn ${BENCH_MVN_ARGS:--o} -q -B -pl e2e -am verify -Dtest=LaravelUpdateTest -Dsurefire.failIfNoSpecifiedTests=false \
  -De2e.scenarios=1,2 || status=$?
mkdir -p bench/results
cp e2e/target/e2e-summary.txt bench/results/laravel-latest.txt
cat bench/results/laravel-latest.txt
echo "(every figure: e2e/target/e2e-metrics.json; the stack's logs: e2e/target/stack/logs)"
exit "${status:-0}"
