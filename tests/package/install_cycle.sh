#!/usr/bin/env bash
# Installs both packages on THIS machine for real and takes them through an
# admin's life cycle: install (users, folders, modes, units enabled), the
# office server run as its user from /etc, a reinstall that keeps edited
# conffiles and the data, remove (data and config stay), purge (gone). Then
# removes the two system users it made. Opt-in (-DLOBBY_INSTALL_TEST=ON,
# ctest -L install): it needs root and changes the system while it runs;
# it skips (77) when the packages or their users already exist.
#   install_cycle.sh CPACK BUILD_DIR
set -euo pipefail
cpack_bin=$1 build=$2
source "$(dirname "$0")/common.sh"
[[ $(id -u) -eq 0 ]] || { echo "skip: needs root"; exit 77; }
for name in lobby-kiosk lobby-office-server; do
  if dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q installed; then
    echo "skip: $name is installed here"; exit 77
  fi
done
for user in lobby-kiosk lobby-office; do
  getent passwd "$user" >/dev/null && { echo "skip: user $user exists here"; exit 77; }
done

tmp=$(mktemp -d)
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  dpkg -P lobby-kiosk lobby-office-server >/dev/null 2>&1 || true
  for user in lobby-kiosk lobby-office; do
    getent passwd "$user" >/dev/null && deluser --system "$user" >/dev/null 2>&1 || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
mode_owner() { test "$(stat -c '%a %U:%G' "$1")" = "$2"; }

(cd "$tmp" && "$cpack_bin" -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1) ||
  { cat "$tmp/cpack.log"; echo "FAIL: cpack"; exit 1; }
debs=("$tmp"/out/lobby-office-server_*.deb "$tmp"/out/lobby-kiosk_*.deb)
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q --no-install-recommends "${debs[@]}" >"$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log"; exit 1; }
expect "apt installs both without a warning" bash -c "! grep -qiE 'warning|error' '$tmp/apt.log'"

# --- installed ------------------------------------------------------------
expect "lobby-kiosk is a system user without a login shell" \
  test "$(getent passwd lobby-kiosk | cut -d: -f6,7)" = /var/lib/lobby-kiosk:/usr/sbin/nologin
expect "lobby-office is a system user without a login shell" \
  test "$(getent passwd lobby-office | cut -d: -f6,7)" = /var/lib/lobby-office:/usr/sbin/nologin
expect "system uids" test "$(id -u lobby-kiosk)" -lt 1000 -a "$(id -u lobby-office)" -lt 1000
expect "/var/lib/lobby-kiosk is the kiosk's only" mode_owner /var/lib/lobby-kiosk "750 lobby-kiosk:lobby-kiosk"
expect "/var/lib/lobby-office is the server's only" mode_owner /var/lib/lobby-office "700 lobby-office:lobby-office"
expect "the kiosk's config (its token) is readable by root and lobby-kiosk only" \
  mode_owner /etc/lobby-kiosk/kiosk.toml "640 root:lobby-kiosk"
expect "lobby-kiosk.service is enabled" test -L /etc/systemd/system/graphical.target.wants/lobby-kiosk.service
expect "lobby-office-server.service is enabled" test -L /etc/systemd/system/multi-user.target.wants/lobby-office-server.service

# The server as its unit runs it (its user, its config), on a free port.
run_server() {
  setpriv --reuid=lobby-office --regid=lobby-office --init-groups -- \
    /usr/bin/lobby-office-server --config /etc/lobby-office/office-server.toml --listen 127.0.0.1:0 >"$tmp/server.log" 2>&1 &
  server_pid=$!
  local port
  port=$(listening_port "$tmp/server.log" "$server_pid") || { cat "$tmp/server.log"; return 1; }
  curl -sf -o /dev/null --max-time 5 "http://127.0.0.1:$port/console/login" || return 1
  kill "$server_pid" && wait "$server_pid" && server_pid=""
}
expect "the installed server runs as lobby-office from /etc/lobby-office and serves its console" run_server
expect "its database is in /var/lib/lobby-office" test -s /var/lib/lobby-office/office.db
expect "its data key is the server's only" mode_owner /var/lib/lobby-office/office.db.key "600 lobby-office:lobby-office"

# --- an upgrade (the same version again) keeps what the admin changed --------
echo '# changed by the admin' >>/etc/lobby-office/office-server.toml
echo '# changed by the admin' >>/etc/lobby-kiosk/kiosk.toml
echo store >/var/lib/lobby-kiosk/kiosk.db
dpkg -i "${debs[@]}" >"$tmp/reinstall.log" 2>&1 || { cat "$tmp/reinstall.log"; exit 1; }
for file in /etc/lobby-office/office-server.toml /etc/lobby-kiosk/kiosk.toml; do
  expect "reinstalling keeps the edited $file" test "$(tail -1 "$file")" = "# changed by the admin"
done
expect "reinstalling keeps the kiosk's config mode" mode_owner /etc/lobby-kiosk/kiosk.toml "640 root:lobby-kiosk"
expect "reinstalling keeps the kiosk's store" test "$(cat /var/lib/lobby-kiosk/kiosk.db)" = store
expect "reinstalling keeps the server's database" test -s /var/lib/lobby-office/office.db

# --- remove keeps data and config; purge deletes them --------------------------
dpkg -r lobby-kiosk lobby-office-server >"$tmp/remove.log" 2>&1 || { cat "$tmp/remove.log"; exit 1; }
expect "remove takes the programs" test ! -e /usr/bin/lobby-kiosk -a ! -e /usr/bin/lobby-office-server
expect "remove keeps the store and the database" test -f /var/lib/lobby-kiosk/kiosk.db -a -f /var/lib/lobby-office/office.db
expect "remove keeps the configs" test -f /etc/lobby-kiosk/kiosk.toml -a -f /etc/lobby-office/office-server.toml
dpkg -P lobby-kiosk lobby-office-server >"$tmp/purge.log" 2>&1 || { cat "$tmp/purge.log"; exit 1; }
expect "purge deletes the data" test ! -e /var/lib/lobby-kiosk -a ! -e /var/lib/lobby-office
expect "purge deletes the configs" test ! -e /etc/lobby-kiosk -a ! -e /etc/lobby-office
expect "purge drops the config's mode override" bash -c "! dpkg-statoverride --list /etc/lobby-kiosk/kiosk.toml"
expect "purge disables the units" \
  test ! -e /etc/systemd/system/graphical.target.wants/lobby-kiosk.service -a ! -e /etc/systemd/system/multi-user.target.wants/lobby-office-server.service

finish
