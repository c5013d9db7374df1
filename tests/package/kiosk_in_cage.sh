#!/usr/bin/env bash
# The kiosk as lobby-kiosk.service runs it: inside cage (Debian's Wayland
# kiosk compositor), SDL2 on Wayland, syncing over HTTPS with a private CA,
# here on cage's headless backend (no GPU, no tty: wlroots' pixman renderer,
# Mesa's llvmpipe for the kiosk's GL). The script (kiosk_in_cage.script)
# waits for the first sync, takes the kiosk's own screenshot, and grim takes
# the compositor's; both must show the same full-screen frame.
# Skips (77) only when cage itself cannot start here, saying why.
#   kiosk_in_cage.sh OFFICE_SERVER KIOSK CONFIG SCRIPT SHOT_DIR
set -euo pipefail
server_bin=$1 kiosk_bin=$2 config=$3 script=$4 shot_dir=$5
here=$(cd "$(dirname "$0")" && pwd)
source "$here/common.sh"

command -v cage >/dev/null || { echo "skip: cage is not installed (scripts/deps --test)"; exit 77; }
for tool in grim compare; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (scripts/deps --test)"; exit 1; }
done

make_scratch
mkdir -p "$tmp/server" "$tmp/session" "$shot_dir"
# The session's user passes through $tmp to its own folder, never into the server's.
chmod 711 "$tmp" && chmod 700 "$tmp/server"

# cage refuses to run as root (it could not drop root later): as root, the
# session runs as nobody, as the unit runs it as lobby-kiosk.
as_user=()
if [[ $(id -u) -eq 0 ]]; then
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
  chown nobody:nogroup "$tmp/session"
fi
chmod 700 "$tmp/session"
mkdir -p "$tmp/session/run" && chmod 700 "$tmp/session/run"
[[ ${#as_user[@]} -gt 0 ]] && chown -R nobody:nogroup "$tmp/session"

# The compositor on a virtual output: headless backend, no input devices,
# the software renderer (no GPU here; wlroots picks it by itself when no DRM
# device is found, named here so a GPU machine runs the same path), the
# output turned to portrait (720x1280). Unturned, Debian's cage 0.1.4 on the
# headless backend tries to scan the full-screen kiosk's buffer out directly,
# fails ("Basic output test failed for HEADLESS-1") and its output stays black.
cage_env=(env -u DISPLAY -u WAYLAND_DISPLAY XDG_RUNTIME_DIR="$tmp/session/run"
          WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman)

# Can cage start at all? A probe session that only says so.
probe_s=$(awk -v s="${LOBBY_TEST_TIME_SCALE:-1}" 'BEGIN { print 10 * s }')
if ! "${cage_env[@]}" timeout "$probe_s" "${as_user[@]}" cage -d -r -- \
     sh -c 'test -n "$WAYLAND_DISPLAY" && echo started >"$0"' "$tmp/session/probe" >"$tmp/probe.log" 2>&1 ||
   [[ ! -s "$tmp/session/probe" ]]; then
  echo "skip: cage cannot start a headless session here:"
  cat "$tmp/probe.log"
  exit 77
fi

# The office server over HTTPS, its certificate from a throw-away CA.
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
server_started=$(date +%s.%N)
bash "$here/../tls/make_test_pki.sh" "$tmp/server/pki"
"$server_bin" --db "$tmp/server/office.db" --listen 127.0.0.1:0 --demo --kiosk-key-dir "$tmp/server" \
  --tls-cert "$tmp/server/pki/server.pem" --tls-key "$tmp/server/pki/server.key" >"$tmp/server.log" 2>&1 &
server_pid=$!
port=$(listening_port "$tmp/server.log" "$server_pid") || { echo "FAIL: office-server did not start"; cat "$tmp/server.log"; exit 1; }
echo "the certificates and the demo office server took $(elapsed "$server_started") s"

# The kiosk's files, its own: the CA, its enrolment key, store and config.
cp "$tmp/server/pki/ca.pem" "$tmp/server/lobby-1.key" "$tmp/session/"
sed -e "s|^url = .*|url = \"https://127.0.0.1:$port\"\nca_file = \"$tmp/session/ca.pem\"|" \
    -e "s|^path = .*|path = \"$tmp/session/kiosk.db\"|" \
    -e "s|^key_file = .*|key_file = \"$tmp/session/lobby-1.key\"|" "$config" >"$tmp/session/kiosk.toml"
mkdir -p "$tmp/session/shots"
[[ ${#as_user[@]} -gt 0 ]] && chown -R nobody:nogroup "$tmp/session"
chmod 600 "$tmp/session/lobby-1.key"

# The session as the unit starts it (cage -d, SDL on Wayland, full screen:
# no --window). The kiosk's exit status is kept, as cage does not pass it on.
started=$(date +%s.%N)
rc=0
session_s=$(awk -v s="${LOBBY_TEST_TIME_SCALE:-1}" 'BEGIN { print 60 * s }')
"${cage_env[@]}" SDL_VIDEODRIVER=wayland LOBBY_SHOTS="$tmp/session/shots" \
  timeout "$session_s" "${as_user[@]}" cage -d -r -- sh -c '"$@"; echo $? >"$LOBBY_SHOTS/kiosk.rc"' kiosk \
  "$kiosk_bin" --config "$tmp/session/kiosk.toml" --script "$script" --screenshot-dir "$tmp/session/shots" \
  >"$tmp/session.log" 2>&1 || rc=$?
cp "$tmp/session/shots/"*.png "$shot_dir/" 2>/dev/null || true
kiosk_rc=$(cat "$tmp/session/shots/kiosk.rc" 2>/dev/null || echo "none (cage: $rc)")
echo "the cage session (start, first sync over HTTPS, both screenshots, exit) took $(elapsed "$started") s"
if [[ "$kiosk_rc" != 0 ]]; then
  echo "FAIL: the kiosk in cage exited with $kiosk_rc"
  tail -40 "$tmp/session.log"
  echo "--- office-server log"; tail -20 "$tmp/server.log"
  exit 1
fi

expect "the kiosk ran on SDL's Wayland driver" grep -q "video driver wayland" "$tmp/session.log"
kiosk_shot=$shot_dir/cage_kiosk_https.png grim_shot=$shot_dir/cage_grim_https.png
expect "grim captured cage's output in portrait" \
  test "$(identify -format '%wx%h' "$grim_shot" 2>/dev/null)" = 720x1280
# The compositor shows what the kiosk drew, full screen: at most 1% of the
# pixels differ (a text cursor or the clock may move between the two).
differing=$(compare -metric AE -fuzz 2% "$kiosk_shot" "$grim_shot" null: 2>&1 || true)
expect "cage shows the kiosk's frame (pixels differing: $differing of 921600)" \
  awk -v n="$differing" 'BEGIN { exit !(n ~ /^[0-9]+$/ && n < 9216) }'
finish
