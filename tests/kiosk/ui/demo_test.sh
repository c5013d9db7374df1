#!/usr/bin/env bash
# scripts/demo as a newcomer runs it without a display, on a port that is not
# the default, in a scratch folder:
#  1. the tour passes and saves the fee flow (bill, explanation, QR, receipt)
#     as PNGs; with LOBBY_DEMO_LAN=1 the pay QR names the LAN address, not
#     127.0.0.1 (or, with no LAN address, the demo says why a phone cannot open it);
#  2. a tour that fails leaves the office server answering, and says so.
#   demo_test.sh SOURCE_DIR BUILD_DIR
set -uo pipefail
root=$1 build=$2
source "$root/tests/package/common.sh"
tmp=$(mktemp -d)
demo_pid=""
stop_demo() {
  # The demo's own exit trap stops its office server.
  if [[ -n "$demo_pid" ]]; then
    kill "$demo_pid" 2>/dev/null || true
    wait "$demo_pid" 2>/dev/null || true
    demo_pid=""
  fi
}
trap 'stop_demo; rm -rf "$tmp"' EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
health() { curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$1/v1/health"; }

# run_demo NAME PORT [VAR=value ...]: starts scripts/demo in the background
# with no display; returns once it says the server keeps running (the tour is
# over) or it ends. Output in $tmp/NAME.out.
run_demo() {
  local name=$1 port=$2
  shift 2
  env -u DISPLAY -u WAYLAND_DISPLAY LOBBY_DEMO_BUILT=1 LOBBY_BUILD_DIR="$build" LOBBY_DEMO_DIR="$tmp/$name" \
    LOBBY_DEMO_PORT="$port" "$@" bash "$root/scripts/demo" >"$tmp/$name.out" 2>&1 &
  demo_pid=$!
  # The whole tour: 60 s, scaled (a busy machine draws slowly).
  for _ in $(seq $((polls * 6))); do
    grep -q 'The office server keeps running' "$tmp/$name.out" && return 0
    kill -0 "$demo_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "--- scripts/demo output ($name):"
  cat "$tmp/$name.out"
  return 1
}

# is_png FILE: a non-empty PNG as large as the kiosk's window.
is_png() {
  [[ -s "$1" ]] && [[ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" == 89504e470d0a1a0a ]] &&
    [[ "$(identify -format '%wx%h' "$1")" == 1080x1920 ]]
}
# The links in the QR codes of a screenshot.
qr_links() { zbarimg -q --raw "$1" 2>/dev/null; }

# 1. The tour passes on a port of its own; the fee flow is saved.
port=$(free_port)
expect "the demo's tour ran to its end on port $port" run_demo pass "$port" LOBBY_DEMO_LAN=1
out="$tmp/pass.out"
expect "the demo says the tour passed" grep -q 'demo: the tour passed' "$out"
shots="$tmp/pass/screens"
for shot in 07_fees_bill 08_fees_explain 10_fees_qr 11_fees_receipt; do
  expect "$shot.png is a 1080x1920 PNG" is_png "$shots/$shot.png"
done
expect "the explanation is drawn over the bill (the two screenshots differ)" \
  bash -c "! cmp -s '$shots/07_fees_bill.png' '$shots/08_fees_explain.png'"
pay_link=$(qr_links "$shots/10_fees_qr.png" | head -n1)
receipt_link=$(qr_links "$shots/11_fees_receipt.png" | head -n1)
echo "pay QR: $pay_link; receipt QR: $receipt_link"
# This machine's LAN address as a phone would reach it: the route out's
# source, else any non-loopback IPv4 address (no iproute2).
lan_ip=$(ip -4 route get 1.1.1.1 2>/dev/null | sed -n 's/.* src \([0-9.]*\).*/\1/p' | head -n1)
[[ -z "$lan_ip" ]] &&
  lan_ip=$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+(\.[0-9]+){3}$' | grep -v '^127\.' | head -n1)
if [[ -n "$lan_ip" ]]; then
  # A phone on the LAN opens what the QR code says.
  expect "the pay QR names the LAN address $lan_ip:$port" \
    bash -c "[[ '$pay_link' == http://$lan_ip:$port/pay/PO-* ]]"
  expect "the receipt QR names the LAN address too" bash -c "[[ '$receipt_link' == http://$lan_ip:$port/* ]]"
  expect "the demo prints the link a phone opens" grep -q "The pay link in the QR code is http://$lan_ip:$port/pay/" "$out"
  expect "the pay page answers on the LAN address" \
    curl -fsS -o /dev/null --max-time 5 "${pay_link:-http://$lan_ip:$port/none}"
else
  expect "without a LAN address the demo says why a phone cannot open the link" \
    grep -q 'has no LAN IPv4 address' "$out"
  expect "the pay QR names the loopback server" bash -c "[[ '$pay_link' == http://127.0.0.1:$port/pay/PO-* ]]"
fi
expect "the server still answers after the tour" health "$port"
stop_demo
expect "stopping the demo stops its office server" bash -c "! curl -fsS -o /dev/null --max-time 2 http://127.0.0.1:$port/v1/health"

# 2. A tour that fails: the server keeps answering, and the demo says so.
printf '%s\n' 'wait_online 15' 'expect_text 这句话不在任何屏幕上' >"$tmp/failing.script"
port=$(free_port)
expect "the failing tour's demo keeps going on port $port" run_demo fail "$port" LOBBY_DEMO_TOUR="$tmp/failing.script"
out="$tmp/fail.out"
expect "the demo says the tour stopped early" grep -q 'demo: the tour stopped early' "$out"
expect "the demo says the server is still running" \
  grep -q "demo: the office server is still running on http://127.0.0.1:$port" "$out"
expect "the server answers after the failed tour" health "$port"
expect "the demo is still running (serving)" kill -0 "$demo_pid"
stop_demo
if ((failures > 0)); then
  for name in pass fail; do
    echo "--- scripts/demo output ($name):"
    cat "$tmp/$name.out" 2>/dev/null
  done
fi
finish
