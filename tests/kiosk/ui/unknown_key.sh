#!/usr/bin/env bash
# A locale key the code asks for is missing from every locale file: the
# script runner must fail the script on the step that drew it, naming the key
# (the screen would show the raw key "home.prompt").
#   unknown_key.sh KIOSK CONFIG
set -euo pipefail
kiosk=$1 config=$2
root=$(cd "$(dirname "$0")/../../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/locale"
for file in "$root"/locale/*.json; do
  grep -v '^ *"home.prompt":' "$file" >"$tmp/locale/$(basename "$file")"
done
printf 'frames 2\nexpect_target home.tile.fees\n' >"$tmp/run.script"
rc=0
"$kiosk" --config "$config" --store "$tmp/kiosk.db" --locale-dir "$tmp/locale" --window 1080x1920 \
         --script "$tmp/run.script" >"$tmp/out" 2>&1 || rc=$?
cat "$tmp/out"
[[ $rc -ne 0 ]] || { echo "unknown_key.sh: the script passed although home.prompt is in no locale file"; exit 1; }
grep -q 'no locale file has.*"home.prompt"' "$tmp/out" ||
  { echo "unknown_key.sh: the failure does not name the key"; exit 1; }
echo "unknown_key.sh: the script failed on the missing key, as it must"
