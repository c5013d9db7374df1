#!/usr/bin/env bash
# Runs the kiosk full screen (no --window) on a private Xvfb of a known size
# with no window manager, as in a bare xinit lobby session.
#   run_fullscreen.sh WIDTHxHEIGHT KIOSK [kiosk args...]
set -euo pipefail
size=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
fifo=$(mktemp -u); mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$fifo" >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true; rm -f "$fifo"' EXIT
read -r -t 10 display_num <"$fifo" || { echo "run_fullscreen: Xvfb did not start" >&2; exit 1; }
unset WAYLAND_DISPLAY
DISPLAY=":$display_num" bash "$here/run_fresh.sh" "$@"
