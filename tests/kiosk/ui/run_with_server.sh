#!/usr/bin/env bash
# Runs a kiosk UI script against a real office-server on a free loopback port.
#   run_with_server.sh OFFICE_SERVER KIOSK CONFIG SCRIPT SHOT_DIR SCALE [SERVER FLAGS...]
# SCALE 1 runs the script as written; 2 first switches to 2x text and names
# its screenshots *_2x_* instead of *_1x_*. The script can reach the server
# through $LOBBY_SERVER_URL, stop it with `kill $LOBBY_SERVER_PID`, restart it
# with "$LOBBY_RESTART_SERVER", and keep files in $LOBBY_TMP.
set -euo pipefail
server_bin=$1 kiosk_bin=$2 config=$3 script=$4 shot_dir=$5 scale=$6
shift 6
tmp=$(mktemp -d)
mkdir -p "$shot_dir"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  [[ -f "$tmp/server.pid" ]] && kill "$(cat "$tmp/server.pid")" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

"$server_bin" --db "$tmp/office.db" --listen 127.0.0.1:0 --demo "$@" >"$tmp/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 100); do
  port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$tmp/server.log" | cut -d: -f2 || true)
  [[ -n "$port" ]] && break
  sleep 0.1
done
[[ -n "$port" ]] || { echo "office-server did not start:"; cat "$tmp/server.log"; exit 1; }

export LOBBY_SERVER_URL="http://127.0.0.1:$port" LOBBY_SERVER_PID=$server_pid LOBBY_TMP=$tmp
# Same database and port, so the kiosk finds it again. Still --demo (the seed
# is skipped, the database is seeded): only a demo server has the pay page.
export LOBBY_RESTART_SERVER="$server_bin --db $tmp/office.db --listen 127.0.0.1:$port --demo $* >>$tmp/server.log 2>&1 & echo \$! >$tmp/server.pid; sleep 0.5"

sed -e "s|^url = .*|url = \"$LOBBY_SERVER_URL\"|" -e "s|^path = .*|path = \"$tmp/kiosk.db\"|" \
    -e "s|^key_file = .*|key_file = \"$tmp/kiosk.key\"|" "$config" >"$tmp/kiosk.toml"
if [[ "$scale" == 2 ]]; then
  { echo "tap settings.text_size"; echo "tap settings.text_size"; sed 's/_1x_/_2x_/g' "$script"; } >"$tmp/run.script"
else
  cp "$script" "$tmp/run.script"
fi
rc=0
"$kiosk_bin" --config "$tmp/kiosk.toml" --window 1080x1920 --script "$tmp/run.script" --screenshot-dir "$shot_dir" || rc=$?
[[ $rc -eq 0 ]] || { echo "--- office-server log"; tail -20 "$tmp/server.log"; echo "(script: $script at ${scale}x)"; }
exit $rc
