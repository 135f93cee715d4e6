#!/usr/bin/env bash
# Installs what the Laravel end-to-end tests (module e2e) need on a Debian machine, as root:
# nginx, PHP-FPM and the PHP CLI with Debian's Laravel 8 framework (no Composer registry),
# the MySQL/Redis PHP extensions, minisign, and the Redis server. It starts NO system service:
# the tests run their own nginx, PHP-FPM and queue worker with their own configuration files.
# Redis (127.0.0.1:6379) is started here only when nothing answers there. Safe to run again:
# when everything is installed it only checks, in well under a second.
set -euo pipefail

packages=(nginx php-fpm php-cli php-mysql php-redis php-laravel-framework php-mbstring php-xml
  minisign redis-server redis-tools)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "e2e/setup.sh: not root: run apt-get install -y ${missing[*]} and again" >&2
    exit 2
  fi
  echo "e2e/setup.sh: installing ${missing[*]}" >&2
  apt-get update -qq
  # policy-rc.d 101: the packages' postinst must not start nginx/php-fpm/redis as services
  policy=/usr/sbin/policy-rc.d
  created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; created_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ "$created_policy" = 1 ] && rm -f "$policy"
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save '' --appendonly no >/dev/null
  for _ in $(seq 1 20); do
    redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break
    sleep 0.2
  done
fi
