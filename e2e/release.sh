#!/usr/bin/env bash
# Builds a signed sample-pms release the way an app's CI does (docs/release-workflow.example.yml
# is the same for GitHub Actions): the app's tree with vendor/ in app-VERSION.tar.gz, release.json,
# SHA256SUMS over every other asset, the release notes in NOTES.md, and SHA256SUMS.minisig (`minisign -S`, default
# prehashed mode) whose trusted comment is exactly '<app> release v<version>' (the grammar thingyan
# checks: this app, this one version), so a signature cannot be replayed on another release or app.
# APP_NAME (default sample-pms, the e2e repository's name) is the app name thingyan expects
# (source.app_name, by default the repository's name).
#
#   release.sh VERSION OUT_DIR SECRET_KEY [FILES_OF]
#
# SECRET_KEY: a minisign secret key without a password (`minisign -G -W -s KEY -p KEY.pub`).
# OUT_DIR gets exactly the release's assets. FILES_OF: see sample-pms/build-tree.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="$1"; out="$2"; key="$3"; files_of="${4:-$1}"
manifest="$here/sample-pms/versions/$files_of/release.json"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$here/sample-pms/build-tree.sh" "$version" "$work/app-$version" "$files_of"
mkdir -p "$out"
# reproducible: fixed order, owner and times, so the same sources give the same bytes
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00:00Z' \
  -C "$work" -czf "$out/app-$version.tar.gz" "app-$version"
cp "$manifest" "$out/release.json"
cp "$here/sample-pms/versions/$files_of/NOTES.md" "$out/NOTES.md"
# NOTES.md is the release's text (the GitHub release body; read beside the assets by the
# folder source), not an asset: SHA256SUMS covers the assets
(cd "$out" && sha256sum "app-$version.tar.gz" release.json > SHA256SUMS)
minisign -S -s "$key" -m "$out/SHA256SUMS" -x "$out/SHA256SUMS.minisig" \
  -t "${APP_NAME:-sample-pms} release v$version" -c "sample-pms v$version" >/dev/null
echo "$out"
