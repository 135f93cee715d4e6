#!/usr/bin/env bash
# Writes the source tree of one sample-pms release: app/ (version 1.0.0), then the files of each
# version the wanted one builds on (versions/<v>/extends names its parent), then its own files,
# then the version number in config/app.php (the header) and app/Version.php (the body).
#
#   build-tree.sh VERSION OUT_DIR [FILES_OF]
#
# FILES_OF (default VERSION) is the version whose changes to use: the tests build e.g. 1.5.0 from
# 1.1.0's files. With MARKER_MIGRATION=1 the tree also gets a migration of its own creating the
# table release_<version>, so that every such release has a schema change.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="$1"; out="$2"; files_of="${3:-$1}"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "build-tree.sh: '$version' is not x.y.z" >&2; exit 2; }
[ -d "$here/versions/$files_of" ] || { echo "build-tree.sh: no versions/$files_of" >&2; exit 2; }

chain=()
v="$files_of"
while [ -n "$v" ]; do
  chain=("$v" "${chain[@]}")
  v="$(cat "$here/versions/$v/extends" 2>/dev/null || true)"
done

mkdir -p "$out"
cp -a "$here/app/." "$out/"
for v in "${chain[@]}"; do
  [ -d "$here/versions/$v/files" ] && cp -a "$here/versions/$v/files/." "$out/"
done
sed -i "s/'version' => '[^']*'/'version' => '$version'/" "$out/config/app.php"
sed -i "s/public const VERSION = '[^']*'/public const VERSION = '$version'/" "$out/app/Version.php"
grep -q "'version' => '$version'" "$out/config/app.php"
grep -q "VERSION = '$version'" "$out/app/Version.php"

if [ "${MARKER_MIGRATION:-0}" = 1 ]; then
  id="${version//./_}"
  class="CreateRelease${version//./}"   # Laravel 8 expects Str::studly of the file name's words
  n=$(printf '%03d%03d' "$(cut -d. -f2 <<<"$version")" "$(cut -d. -f3 <<<"$version")")
  cat >"$out/database/migrations/2026_09_01_${n}_create_release_${id}.php" <<PHP
<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;

class ${class} extends Migration
{
    public function up()
    {
        Schema::create('release_${id}', function (Blueprint \$table) {
            \$table->id();
            \$table->string('note');
        });
        DB::table('release_${id}')->insert(['note' => 'installed by $version']);
    }

    public function down()
    {
        Schema::dropIfExists('release_${id}');
    }
}
PHP
fi
