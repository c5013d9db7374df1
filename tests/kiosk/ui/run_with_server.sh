#!/usr/bin/env bash
# Runs a kiosk UI script against a real office-server on a free loopback port.
#   run_with_server.sh OFFICE_SERVER KIOSK CONFIG SCRIPT SHOT_DIR SCALE [SERVER FLAGS...]
# SCALE 1 runs the script as written; 2 first switches to 2x text and names
# its screenshots *_2x_* instead of *_1x_*. The script can reach the server
# through $LOBBY_SERVER_URL, stop it with `kill $LOBBY_SERVER_PID`, restart it
# with "$LOBBY_RESTART_SERVER" (which returns once /v1/health answers), and
# keep files in $LOBBY_TMP. Wait limits are multiplied by LOBBY_TEST_TIME_SCALE;
# a script's own poll loop can use $LOBBY_TEST_POLLS (polls of 0.1 s in 10 s, scaled).
# With LOBBY_KIOSK_FSIZE_KB=N the kiosk (only) may write no file beyond N KB.
# With LOBBY_TLS=1 the server serves HTTPS with a certificate from a throw-away
# CA (tests/tls/make_test_pki.sh, in $LOBBY_TMP/pki), $LOBBY_SERVER_URL is
# https:// and the kiosk's [server] ca_file is that CA; "$LOBBY_RESTART_IMPOSTOR"
# restarts the server on the same port with a certificate from another CA,
# which the kiosk must refuse ("$LOBBY_RESTART_SERVER" brings the real one back).
set -euo pipefail
server_bin=$1 kiosk_bin=$2 config=$3 script=$4 shot_dir=$5 scale=$6
shift 6
# Polls of 0.1 s in 10 s, times the scale (an integer count of polls).
time_scale=${LOBBY_TEST_TIME_SCALE:-1}
polls=$(awk -v s="$time_scale" 'BEGIN { n = int(100 * s); print (n > 0 ? n : 100) }')
tmp=$(mktemp -d)
mkdir -p "$shot_dir"
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  [[ -f "$tmp/server.pid" ]] && kill "$(cat "$tmp/server.pid")" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

scheme=http tls_args=() curl_ca="" impostor_args=""
if [[ "${LOBBY_TLS:-}" == 1 ]]; then
  bash "$(dirname "$0")/../../tls/make_test_pki.sh" "$tmp/pki"
  scheme=https
  tls_args=(--tls-cert "$tmp/pki/server.pem" --tls-key "$tmp/pki/server.key")
  impostor_args="--tls-cert $tmp/pki/impostor.pem --tls-key $tmp/pki/impostor.key"
  curl_ca="--cacert $tmp/pki/ca.pem"
fi

# The seed enrols the demo kiosks: lobby-1's verification key file lands in
# $tmp/lobby-1.key, the kiosk's key file below. The database, its data key and
# those key files are a copy of the run's seeded demo template
# (demo_template.sh), as if this server had seeded them; where there can be
# none (flags choosing another data key, a binary in a folder not ours), the
# server seeds (and with LOBBY_TEST_OWN_SEED=1, as demo_template.sh says).
[[ -n "${LOBBY_TEST_OWN_SEED:-}" ]] || case " $* " in
  *" --data-key-file "*|*" --config "*) ;;
  *) bash "$(dirname "$0")/../../support/demo_template.sh" "$server_bin" "$tmp/office.db" "$tmp" ||
       echo "(no demo template: the office-server seeds)" ;;
esac
"$server_bin" --db "$tmp/office.db" --listen 127.0.0.1:0 --demo --kiosk-key-dir "$tmp" "${tls_args[@]}" "$@" >"$tmp/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq "$polls"); do
  port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$tmp/server.log" | cut -d: -f2 || true)
  [[ -n "$port" ]] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
[[ -n "$port" ]] || { echo "office-server did not print its port within $polls polls of 0.1 s:"; cat "$tmp/server.log"; exit 1; }

export LOBBY_SERVER_URL="$scheme://127.0.0.1:$port" LOBBY_SERVER_PID=$server_pid LOBBY_TMP=$tmp LOBBY_TEST_POLLS=$polls
# The server binary and this folder: console_page.sh signs in to the staff console.
export LOBBY_OFFICE_DB="$tmp/office.db" LOBBY_SERVER_BIN="$server_bin" LOBBY_UI_DIR="$(cd "$(dirname "$0")" && pwd)"
# Where a script's helpers put their own screenshots (the staff console's, in a browser).
export LOBBY_SHOT_DIR="$shot_dir"
# Same database and port, so the kiosk finds it again. Still --demo (the seed
# is skipped, the database is seeded): only a demo server has the pay page.
# It returns once the new server answers /v1/health, or fails saying so.
server_flags="$*"
restart() {  # TLS flags, curl's trust
  echo "$server_bin --db $tmp/office.db --listen 127.0.0.1:$port --demo $1 $server_flags >>$tmp/server.log 2>&1 & echo \$! >$tmp/server.pid; \
up=; for _ in $(seq -s " " "$polls"); do if curl -sf -o /dev/null --max-time 1 $2 $LOBBY_SERVER_URL/v1/health; then up=1; break; fi; sleep 0.1; done; \
[ -n \"\$up\" ] || { echo 'the restarted office-server did not answer /v1/health within $polls polls of 0.1 s' >&2; false; }"
}
export LOBBY_RESTART_SERVER
LOBBY_RESTART_SERVER=$(restart "${tls_args[*]}" "$curl_ca")
if [[ -n "$impostor_args" ]]; then
  export LOBBY_RESTART_IMPOSTOR
  LOBBY_RESTART_IMPOSTOR=$(restart "$impostor_args" "--cacert $tmp/pki/other-ca.pem")
fi

server_lines="url = \"$LOBBY_SERVER_URL\""
[[ -n "$curl_ca" ]] && server_lines+="\nca_file = \"$tmp/pki/ca.pem\""
sed -e "s|^url = .*|$server_lines|" -e "s|^path = .*|path = \"$tmp/kiosk.db\"|" \
    -e "s|^key_file = .*|key_file = \"$tmp/lobby-1.key\"|" "$config" >"$tmp/kiosk.toml"
if [[ "$scale" == 2 ]]; then
  { echo "tap settings.text_size"; echo "tap settings.text_size"; sed 's/_1x_/_2x_/g' "$script"; } >"$tmp/run.script"
else
  cp "$script" "$tmp/run.script"
fi
rc=0
if [[ -n "${LOBBY_KIOSK_FSIZE_KB:-}" ]]; then
  # A full disk without privileges: RLIMIT_FSIZE makes every write past the
  # limit fail (EFBIG; SIGXFSZ ignored, as SQLite sees a full disk). The key
  # file is made first, as on a kiosk that ran before its disk filled.
  # (The enrolment already wrote it: $tmp/lobby-1.key.)
  ( trap '' XFSZ; ulimit -f "$LOBBY_KIOSK_FSIZE_KB"
    exec "$kiosk_bin" --config "$tmp/kiosk.toml" --window 1080x1920 --script "$tmp/run.script" ) || rc=$?
else
  "$kiosk_bin" --config "$tmp/kiosk.toml" --window 1080x1920 --script "$tmp/run.script" --screenshot-dir "$shot_dir" || rc=$?
fi
[[ $rc -eq 0 ]] || { echo "--- office-server log"; tail -20 "$tmp/server.log"; echo "(script: $script at ${scale}x)"; }
exit $rc
