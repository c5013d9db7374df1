#!/usr/bin/env bash
# Runs the kiosk with a fresh, private store so a UI test never sees data
# cached by an earlier run or another test.
#   run_fresh.sh KIOSK [kiosk args...]
set -u
kiosk=$1; shift
dir=$(mktemp -d)
"$kiosk" --store "$dir/kiosk.db" "$@"
rc=$?
rm -rf "$dir"
exit $rc
