#!/usr/bin/env bash
# One-time deployment check under a real systemd, for a machine whose PID 1
# is not systemd (a CI container, a VM sandbox): builds both .debs with cpack,
# boots a clean Debian 12 (debootstrap) with systemd-nspawn, installs them
# there with apt as an admin would, and checks that
#   - installing starts lobby-office-server.service (active, answers /v1/health),
#   - the server then serves HTTPS with a certificate from a private CA,
#   - lobby-kiosk.service starts cage with the kiosk in it (a drop-in gives it
#     the headless backend: a container has no tty1, GPU or input devices),
#     the kiosk syncs with the server over HTTPS, and grim takes a screenshot
#     of cage's output,
#   - the kiosk is started again when it dies,
#   - reinstalling keeps the configs and data, remove keeps the data, purge deletes it.
# Not part of ctest: it downloads about 150 MB and takes minutes.
#   sudo packaging/verify-in-container.sh [BUILD_DIR]     (default: build/)
# Needs root, debootstrap and systemd-container (systemd-nspawn); the Debian
# mirror must be reachable. The clean Debian 12 is made once and kept in
# $LOBBY_VERIFY_BASE (default /var/lib/machines/lobby-bookworm-base); each run
# boots a copy of it. Results (statuses, journals, screenshot) land in
# $LOBBY_VERIFY_OUT (default BUILD_DIR/verify-in-container).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
base=${LOBBY_VERIFY_BASE:-/var/lib/machines/lobby-bookworm-base}
out=${LOBBY_VERIFY_OUT:-$build/verify-in-container}
mirror=${LOBBY_VERIFY_MIRROR:-http://deb.debian.org/debian}

[[ $(id -u) -eq 0 ]] || { echo "verify-in-container: run as root (sudo)" >&2; exit 2; }
for tool in debootstrap systemd-nspawn nsenter cpack openssl; do
  command -v "$tool" >/dev/null || { echo "verify-in-container: $tool is missing (apt-get install debootstrap systemd-container cmake openssl)" >&2; exit 2; }
done

failures=0
step() { echo; echo "== $*"; }
pass() { echo "ok: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }

work=$(mktemp -d /var/tmp/lobby-verify.XXXXXX)
root=$work/root
nspawn_pid=""
cleanup() {
  if [[ -n "$nspawn_pid" ]] && kill -0 "$nspawn_pid" 2>/dev/null; then
    kill -TERM "$nspawn_pid" 2>/dev/null || true   # nspawn shuts the container down
    for _ in $(seq 300); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$nspawn_pid" 2>/dev/null || true
  fi
  [[ "${LOBBY_VERIFY_KEEP:-}" == 1 ]] && { echo "kept: $work"; return; }
  rm -rf "$work"
}
trap cleanup EXIT
rm -rf "$out" && mkdir -p "$out"

step "cpack: the two packages"
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/debs" >"$out/cpack.log" 2>&1) ||
  { tail -20 "$out/cpack.log"; echo "FAIL: cpack"; exit 1; }
ls "$work"/debs/*.deb

step "a clean Debian 12 (debootstrap, once: $base)"
if [[ ! -x "$base/usr/bin/systemctl" ]]; then
  rm -rf "$base.new"
  debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus bookworm "$base.new" "$mirror" >"$out/debootstrap.log" 2>&1 ||
    { tail -20 "$out/debootstrap.log"; echo "FAIL: debootstrap"; exit 1; }
  mv "$base.new" "$base"
fi
cp -a "$base" "$root"
mkdir -p "$root/root/debs" && cp "$work"/debs/*.deb "$root/root/debs/"

step "download what the packages need (the booted container has no network)"
systemd-nspawn -q -D "$root" --register=no --keep-unit --pipe \
  sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --download-only /root/debs/*.deb grim curl procps' \
  >"$out/download.log" 2>&1 || { tail -20 "$out/download.log"; echo "FAIL: apt-get --download-only"; exit 1; }

step "boot it: systemd-nspawn -b (systemd as its PID 1, its own loopback only)"
# --keep-unit and --register=no: the host has no systemd to ask for a scope.
systemd-nspawn -D "$root" --register=no --keep-unit --private-network -b --machine "lobby-verify-$$" \
  >"$out/console.log" 2>&1 </dev/null &
nspawn_pid=$!
leader=""
for _ in $(seq 300); do
  leader=$(pgrep -P "$nspawn_pid" | head -1 || true)
  [[ -n "$leader" ]] && break
  sleep 0.1
done
[[ -n "$leader" ]] || { cat "$out/console.log"; echo "FAIL: the container did not start"; exit 1; }
# Run a command inside the container (all its namespaces, a clean environment).
ct() { nsenter -t "$leader" -a -- env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
# Wait up to $1 s for a command inside to succeed.
ct_wait() { local s=$1; shift; for _ in $(seq $((s * 10))); do ct "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done; return 1; }
# systemd's bus appears once it has set itself up.
ct_wait 60 test -S /run/systemd/private || true
state=$(ct timeout 120 systemctl is-system-running --wait || true)
echo "system state: $state"
expect "the container booted with systemd (running or degraded: $state)" test "$state" = running -o "$state" = degraded

step "install both packages (apt, in the booted system)"
ct sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y /root/debs/lobby-office-server_*.deb /root/debs/lobby-kiosk_*.deb grim curl procps' \
  >"$out/install.log" 2>&1 || { tail -30 "$out/install.log"; fail "apt-get install"; }
grep -iE '^(W|E):|warning|error' "$out/install.log" || true
expect "installing started lobby-office-server.service" ct_wait 20 systemctl is-active --quiet lobby-office-server
ct systemctl status --no-pager lobby-office-server >"$out/office-status-installed.txt" 2>&1 || true
expect "the office server answers on 127.0.0.1:8470" ct_wait 20 curl -sf -o /dev/null http://127.0.0.1:8470/v1/health
expect "lobby-kiosk.service is enabled for the next boot" ct systemctl is-enabled --quiet lobby-kiosk
expect "lobby-kiosk.service is not started by the install (its config needs a PIN hash first)" \
  bash -c "! nsenter -t $leader -a systemctl is-active --quiet lobby-kiosk"

step "HTTPS: the server's own TLS, a certificate from a private CA"
bash "$src/tests/tls/make_test_pki.sh" "$work/pki"
install -d -m 0750 "$root/etc/lobby-office/tls"
install -m 0644 "$work/pki/server.pem" "$root/etc/lobby-office/tls/office.pem"
install -m 0600 "$work/pki/server.key" "$root/etc/lobby-office/tls/office.key"
ct chown -R root:lobby-office /etc/lobby-office/tls
ct chown lobby-office /etc/lobby-office/tls/office.key
sed -i -e 's|^listen = .*|listen = "127.0.0.1:8443"|' -e 's|^# tls-cert = |tls-cert = |' -e 's|^# tls-key = |tls-key = |' \
  "$root/etc/lobby-office/office-server.toml"
install -m 0644 "$work/pki/ca.pem" "$root/etc/lobby-kiosk/office-ca.pem"
ct systemctl restart lobby-office-server
expect "lobby-office-server serves https://127.0.0.1:8443 (curl trusts the CA)" \
  ct_wait 20 curl -sf -o /dev/null --cacert /etc/lobby-kiosk/office-ca.pem https://127.0.0.1:8443/v1/health

step "the kiosk: enrolled, its PIN hash, https with its CA"
ct runuser -u lobby-office -- lobby-office-server --config /etc/lobby-office/office-server.toml --enrol-kiosk lobby-1 \
  >"$work/enrol.txt" 2>&1 || { cat "$work/enrol.txt"; fail "enrol lobby-1"; }
token=$(sed -n 's/.*token (shown once): //p' "$work/enrol.txt")
expect "the enrolment printed a token" test -n "$token"
ct install -o lobby-kiosk -g lobby-kiosk -m 0600 /var/lib/lobby-office/kiosk-keys/lobby-1.key /var/lib/lobby-kiosk/kiosk.key
pin_hash=$(echo 246810 | ct lobby-kiosk --hash-pin)
pin_hash=${pin_hash#pin_hash = }
pin_hash=${pin_hash//\"/}
kiosk_toml=$root/etc/lobby-kiosk/kiosk.toml
sed -i -e "s|^url = .*|url = \"https://127.0.0.1:8443\"\ntoken = \"$token\"|" \
  -e 's|^# ca_file = |ca_file = |' -e "s|^# pin_hash = .*|pin_hash = \"$pin_hash\"|" "$kiosk_toml"
grep -nE '^(url|token|ca_file|pin_hash) ' "$kiosk_toml" | sed -e 's/\(token = "\).*"/\1…"/' -e 's/\(pin_hash = "\).*"/\1…"/'

step "lobby-kiosk.service: cage with the kiosk (headless output for the container)"
# What differs from a lobby PC: no tty1 (ConditionPathExists=/dev/tty0 and the
# tty settings), no GPU or input devices (cage's headless backend), and the
# output turned to portrait (-r): unturned, Debian's cage 0.1.4 on the
# headless backend tries to scan the full-screen kiosk's buffer out directly,
# fails ("Basic output test failed for HEADLESS-1") and shows black.
mkdir -p "$root/etc/systemd/system/lobby-kiosk.service.d"
cat >"$root/etc/systemd/system/lobby-kiosk.service.d/container.conf" <<'EOF'
[Unit]
ConditionPathExists=
[Service]
StandardInput=null
TTYPath=/dev/console
TTYReset=no
TTYVHangup=no
TTYVTDisallocate=no
ExecStartPre=
Environment=WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman
ExecStart=
ExecStart=/usr/bin/cage -d -r -- /usr/bin/lobby-kiosk --config /etc/lobby-kiosk/kiosk.toml
EOF
ct systemctl daemon-reload
ct systemctl start lobby-kiosk || fail "systemctl start lobby-kiosk"
expect "lobby-kiosk.service is active" ct_wait 20 systemctl is-active --quiet lobby-kiosk
expect "cage runs as lobby-kiosk" ct_wait 20 pgrep -u lobby-kiosk -x cage
expect "the kiosk runs inside it" ct_wait 20 pgrep -u lobby-kiosk -x lobby-kiosk
kiosk_uid=$(ct id -u lobby-kiosk)
# The session's processes move to the login session's scope (pam_systemd),
# so their lines are found by their tag (cage), not by the unit.
expect "the kiosk runs on SDL's Wayland driver" \
  ct_wait 30 sh -c "journalctl -t cage --no-pager | grep -q 'video driver wayland'"
# Synced: the server logged the kiosk's pulls of the feed (only the kiosk
# asks for /v1/changes here), and the kiosk no failed pull.
expect "the kiosk pulled the feed over HTTPS (the server's journal: GET /v1/changes 200)" \
  ct_wait 40 sh -c "journalctl -u lobby-office-server --no-pager | grep -qE 'GET /v1/changes[^ ]* 200'"
expect "the kiosk logged no failed pull" \
  bash -c "! nsenter -t $leader -a journalctl -t cage --no-pager | grep -q 'pull failed'"
shot_user() {
  ct runuser -u lobby-kiosk -- env XDG_RUNTIME_DIR="/run/user/$kiosk_uid" WAYLAND_DISPLAY=wayland-0 "$@"
}
# The kiosk's first frames follow its start; wait (up to 30 s) for one that
# is not black: the portrait output, the home screen.
shot=$out/cage-kiosk.png
shot_ok() {
  shot_user grim /run/user/"$kiosk_uid"/cage-kiosk.png >/dev/null 2>&1 &&
    ct cat /run/user/"$kiosk_uid"/cage-kiosk.png >"$shot" &&
    awk -v s="$(identify -format '%w %h %[fx:mean]' "$shot" 2>/dev/null)" \
      'BEGIN { split(s, f, " "); exit !(f[1] == 720 && f[2] == 1280 && f[3] > 0.2) }'
}
for _ in $(seq 60); do shot_ok && break; sleep 0.5; done
expect "grim's screenshot of cage's output is the portrait kiosk, not black ($(identify -format '%wx%h, mean %[fx:mean]' "$shot" 2>&1))" \
  shot_ok
ct systemctl status --no-pager lobby-kiosk >"$out/kiosk-status.txt" 2>&1 || true
ct ps -u lobby-kiosk -o pid,ppid,stat,wchan:20,args >>"$out/kiosk-status.txt" 2>&1 || true
ct journalctl --no-pager -b >"$out/journal-boot.txt" 2>&1 || true

step "restarted when it dies"
old_pid=$(ct pgrep -u lobby-kiosk -x cage || true)
ct pkill -KILL -u lobby-kiosk -x lobby-kiosk || true
expect "a new cage runs after the kiosk was killed" \
  ct_wait 30 sh -c "p=\$(pgrep -u lobby-kiosk -x cage) && [ \"\$p\" != '$old_pid' ] && pgrep -u lobby-kiosk -x lobby-kiosk"

step "upgrade (reinstall), remove, purge"
echo "# edited by the admin" >>"$kiosk_toml"
ct sh -c 'DEBIAN_FRONTEND=noninteractive apt-get install -y --reinstall /root/debs/lobby-office-server_*.deb /root/debs/lobby-kiosk_*.deb' \
  >"$out/reinstall.log" 2>&1 || fail "apt-get install --reinstall"
expect "reinstalling keeps the edited kiosk.toml" grep -q "edited by the admin" "$kiosk_toml"
expect "reinstalling keeps the server's https config" grep -q '^tls-cert = ' "$root/etc/lobby-office/office-server.toml"
expect "the server is active again after the reinstall" ct_wait 20 systemctl is-active --quiet lobby-office-server
expect "and its database is the same (lobby-1 still enrolled: https health with the CA)" \
  ct_wait 20 curl -sf -o /dev/null --cacert /etc/lobby-kiosk/office-ca.pem https://127.0.0.1:8443/v1/health
ct journalctl --no-pager -u lobby-office-server >"$out/office-journal.txt" 2>&1 || true
{ ct journalctl --no-pager -u lobby-kiosk; ct journalctl --no-pager -t cage; } >"$out/kiosk-journal.txt" 2>&1 || true
ct sh -c 'DEBIAN_FRONTEND=noninteractive apt-get remove -y lobby-kiosk lobby-office-server' >"$out/remove.log" 2>&1 || fail "apt-get remove"
expect "remove stops the server" bash -c "! nsenter -t $leader -a systemctl is-active --quiet lobby-office-server"
expect "remove stops the kiosk" bash -c "! nsenter -t $leader -a systemctl is-active --quiet lobby-kiosk"
expect "remove keeps the server's database" test -f "$root/var/lib/lobby-office/office.db"
expect "remove keeps the kiosk's store" test -f "$root/var/lib/lobby-kiosk/kiosk.db"
expect "remove keeps the configs" test -f "$kiosk_toml" -a -f "$root/etc/lobby-office/office-server.toml"
ct sh -c 'DEBIAN_FRONTEND=noninteractive apt-get purge -y lobby-kiosk lobby-office-server' >"$out/purge.log" 2>&1 || fail "apt-get purge"
expect "purge deletes the kiosk's store" test ! -e "$root/var/lib/lobby-kiosk"
expect "purge deletes the server's data" test ! -e "$root/var/lib/lobby-office"
expect "purge deletes the kiosk's config" test ! -e "$kiosk_toml"
expect "purge deletes the server's config" test ! -e "$root/etc/lobby-office/office-server.toml"

echo
echo "results in $out"
if ((failures > 0)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all checks passed"
