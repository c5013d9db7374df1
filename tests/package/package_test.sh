#!/usr/bin/env bash
# Builds lobby-kiosk and lobby-office-server with cpack from an existing
# build and checks them as Debian would:
#   package_test.sh CPACK BUILD_DIR
# Needs dpkg-dev, lintian, cage and systemd (scripts/deps --test).
set -euo pipefail
cpack_bin=$1 build=$2
src=$(cd "$(dirname "$0")/../.." && pwd)
source "$(dirname "$0")/common.sh"
make_scratch
has_line() { grep -qxF -- "$2" <<<"$1"; }
has_match() { grep -qE -- "$2" <<<"$1"; }

started=$(date +%s)
(cd "$tmp" && "$cpack_bin" -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1) ||
  { cat "$tmp/cpack.log"; echo "FAIL: cpack"; exit 1; }
kiosk_deb=$(ls "$tmp"/out/lobby-kiosk_*.deb)
office_deb=$(ls "$tmp"/out/lobby-office-server_*.deb)
echo "cpack: $(($(date +%s) - started)) s; $(du -h "$kiosk_deb" | cut -f1) $(basename "$kiosk_deb"), $(du -h "$office_deb" | cut -f1) $(basename "$office_deb")"

# --- control data: names, Depends, conffiles, maintainer scripts --------------
field() { dpkg-deb --field "$1" "$2"; }
deps_of() { field "$1" Depends | tr ',' '\n' | sed -e 's/^ *//' -e 's/ .*//' -e 's/|.*//'; }
for deb in "$kiosk_deb" "$office_deb"; do
  name=$(field "$deb" Package)
  deps=$(deps_of "$deb")
  # shlibdeps: the libraries both programs link, as Debian package names.
  for lib in libc6 libstdc++6 libsqlite3-0 libssl3 libargon2-1; do
    expect "$name depends on $lib (shlibdeps)" has_line "$deps" "$lib"
  done
  expect "$name depends on adduser (its postinst adds the user)" has_line "$deps" adduser
  expect "$name is for amd64 or the build's architecture" test "$(field "$deb" Architecture)" = "$(dpkg --print-architecture)"
  dpkg-deb --ctrl-tarfile "$deb" | tar -t >"$tmp/$name.control"
  for script in postinst prerm postrm md5sums conffiles; do
    expect "$name has $script" grep -qx "./$script" "$tmp/$name.control"
  done
  dpkg-deb -e "$deb" "$tmp/$name.DEBIAN"
  for script in postinst prerm postrm; do
    expect "$name $script is executable" test -x "$tmp/$name.DEBIAN/$script"
  done
done
kiosk_deps=$(deps_of "$kiosk_deb")
for dep in libsdl2-2.0-0 libopengl0 libcurl4 libespeak-ng1 librime1 libzinnia0 libutf8proc2 libtomlplusplus3 \
           cage xwayland libpam-systemd libegl1 libegl-mesa0 libgl1-mesa-dri fonts-noto-cjk fonts-font-awesome espeak-ng-data rime-data-luna-pinyin rime-data-jyut6ping3 \
           rime-data-stroke tegaki-zinnia-simplified-chinese; do
  expect "lobby-kiosk depends on $dep" has_line "$kiosk_deps" "$dep"
done
office_deps=$(deps_of "$office_deb")
for dep in libsodium23 libcmark0.30.2; do
  expect "lobby-office-server depends on $dep" has_line "$office_deps" "$dep"
done
expect "lobby-office-server needs no display libraries" bash -c "! grep -qE '^(libsdl2|libgl1|cage)' <<<'$office_deps'"
expect "lobby-kiosk's conffile is its config" test "$(cat "$tmp/lobby-kiosk.DEBIAN/conffiles")" = /etc/lobby-kiosk/kiosk.toml
expect "lobby-office-server's conffile is its config" \
  test "$(cat "$tmp/lobby-office-server.DEBIAN/conffiles")" = /etc/lobby-office/office-server.toml
# adduser --system ... USER, its continued lines joined first.
adds_system_user() {
  sed -e ':a' -e '/\\$/{N;s/\\\n//;ba}' "$1" | grep -qE "adduser --system --group --home /var/lib/$2 .* $2( |\$)"
}
for pair in lobby-kiosk:lobby-kiosk lobby-office-server:lobby-office; do
  name=${pair%%:*} user=${pair#*:}
  expect "$name postinst adds the system user $user" adds_system_user "$tmp/$name.DEBIAN/postinst" "$user"
  expect "$name postinst enables its unit" grep -q "deb-systemd-helper enable $name.service" "$tmp/$name.DEBIAN/postinst"
  # Only purge deletes the data: the rm sits inside the purge branch.
  expect "$name postrm deletes /var/lib/$user on purge only" \
    awk -v dir="/var/lib/$user" '/^if \[ "\$1" = "purge" \]/ { p = 1 } p && $0 ~ "rm -rf " dir { found = 1 } /^fi$/ { p = 0 }
                                  !p && $0 ~ "rm -rf" { bad = 1 } END { exit !(found && !bad) }' "$tmp/$name.DEBIAN/postrm"
  for script in postinst prerm postrm; do
    expect "$name $script passes sh -n" sh -n "$tmp/$name.DEBIAN/$script"
  done
done

# --- files and paths ------------------------------------------------------
dpkg-deb --contents "$kiosk_deb" | awk '{ print $1, $2, $NF }' >"$tmp/kiosk.list"
dpkg-deb --contents "$office_deb" | awk '{ print $1, $2, $NF }' >"$tmp/office.list"
in_list() { grep -qE "^$2 root/root \\./${3#/}\$" "$tmp/$1.list"; }
for entry in "-rwxr-xr-x /usr/bin/lobby-kiosk" "-rw-r--r-- /etc/lobby-kiosk/kiosk.toml" \
             "-rw-r--r-- /lib/systemd/system/lobby-kiosk.service" "-rw-r--r-- /usr/share/lobby-kiosk/locale/zh-CN.json" \
             "-rw-r--r-- /usr/share/lobby-kiosk/locale/fees/zh-HK.json" "-rw-r--r-- /usr/share/lobby-kiosk/assets/kiosk.toml" \
             "-rw-r--r-- /usr/share/doc/lobby-kiosk/copyright" "-rw-r--r-- /usr/share/doc/lobby-kiosk/changelog.gz" \
             "-rw-r--r-- /usr/share/man/man1/lobby-kiosk.1.gz"; do
  expect "lobby-kiosk ships ${entry#* } (${entry%% *})" in_list kiosk "${entry%% *}" "${entry#* }"
done
expect "lobby-kiosk ships the deployed Rime schemas" grep -qE '\./usr/share/lobby-kiosk/input-data/build/luna_pinyin_simp\.prism\.bin$' "$tmp/kiosk.list"
expect "lobby-kiosk ships no console words" bash -c "! grep -q 'lobby-kiosk/locale/console' '$tmp/kiosk.list'"
for entry in "-rwxr-xr-x /usr/bin/lobby-office-server" "-rw-r--r-- /etc/lobby-office/office-server.toml" \
             "-rw-r--r-- /lib/systemd/system/lobby-office-server.service" \
             "-rw-r--r-- /usr/share/lobby-office/sync/server/console/templates/layout.mustache" \
             "-rw-r--r-- /usr/share/lobby-office/sync/server/console/static/console.css" \
             "-rw-r--r-- /usr/share/lobby-office/locale/console/zh-CN.json" \
             "-rw-r--r-- /usr/share/doc/lobby-office-server/copyright" "-rw-r--r-- /usr/share/man/man1/lobby-office-server.1.gz" \
             "-rw-r--r-- /usr/share/doc/lobby-office-server/examples/nginx/lobby-office.conf"; do
  expect "lobby-office-server ships ${entry#* } (${entry%% *})" in_list office "${entry%% *}" "${entry#* }"
done
expect "the packages share no file" bash -c "! comm -12 <(awk '!/\\/\$/ { print \$3 }' '$tmp/kiosk.list' | sort) \
  <(awk '!/\\/\$/ { print \$3 }' '$tmp/office.list' | sort) | grep -q ."
expect "nothing is installed under /var/lib by dpkg (postinst makes the folders)" \
  bash -c "! grep -q ' \\./var/lib/lobby' '$tmp/kiosk.list' '$tmp/office.list'"

# --- unpacked into a clean root --------------------------------------------
root=$tmp/root
dpkg -x "$kiosk_deb" "$root"
dpkg -x "$office_deb" "$root"
for bin in lobby-kiosk lobby-office-server; do
  expect "$bin is stripped" bash -c "! readelf -S '$root/usr/bin/$bin' | grep -q '\\.symtab'"
  expect "$bin finds every library it links" bash -c "! ldd '$root/usr/bin/$bin' | grep -q 'not found'"
done
expect "the unpacked kiosk runs (--hash-pin)" \
  bash -c "echo 24681357 | '$root/usr/bin/lobby-kiosk' --hash-pin | grep -q '^\\\$argon2id\\\$'"
# The unpacked server reads the shipped config (its keys are the options'
# names; unknown keys would be refused), pointed at a temporary folder.
mkdir -p "$tmp/state/kiosk-keys"
sed -e "s|/var/lib/lobby-office|$tmp/state|g" -e 's|^listen = .*|listen = "127.0.0.1:0"|' \
    "$root/etc/lobby-office/office-server.toml" >"$tmp/office-server.toml"
"$root/usr/bin/lobby-office-server" --config "$tmp/office-server.toml" >"$tmp/server.log" 2>&1 &
server_pid=$!
if port=$(listening_port "$tmp/server.log" "$server_pid"); then
  pass "the unpacked office server starts from the shipped config"
  expect "its database is where the config says" test -f "$tmp/state/office.db"
  expect "its data key is where the config says, mode 0600" test "$(stat -c %a "$tmp/state/office.db.key")" = 600
  expect "its staff console answers from the installed files" \
    bash -c "curl -sf --max-time 5 'http://127.0.0.1:$port/console/login' | grep -q '<form'"
  kill "$server_pid"
  expect "it stops cleanly on SIGTERM" wait "$server_pid"
  server_pid=""
else
  fail "the unpacked office server did not print its port within $polls polls of 0.1 s:"
  cat "$tmp/server.log"
fi
# Without the installed templates it must fail naming them: it reads
# /usr/share/lobby-office, not the source tree.
mv "$root/usr/share/lobby-office/sync/server/console/templates" "$tmp/templates"
expect "the installed server reads its console from its share folder" \
  bash -c "! timeout 20 '$root/usr/bin/lobby-office-server' --config '$tmp/office-server.toml' 2>&1 | tee '$tmp/no-templates.log' | grep -q 'listening on' \
           && grep -qF '$root/usr/share/lobby-office/sync/server/console/templates' '$tmp/no-templates.log'"
mv "$tmp/templates" "$root/usr/share/lobby-office/sync/server/console/templates"

# The unpacked kiosk, under a display, against the unpacked server: it must
# take its words from /usr/share/lobby-kiosk/locale (one changed there shows)
# and its Rime tables from /usr/share/lobby-kiosk/input-data (the engine maps
# them), and write nothing there.
sed -i 's|"home.prompt": "[^"]*"|"home.prompt": "安装版：请选择事项"|' "$root/usr/share/lobby-kiosk/locale/zh-CN.json"
input_data=$root/usr/share/lobby-kiosk/input-data
sums() { (cd "$input_data" && find . -type f -exec md5sum {} + | sort); }
sums >"$tmp/input-data.before"
cat >"$tmp/installed.script" <<SCRIPT
wait_text 安装版：请选择事项
open_pad chinese 20
tap pad.key.z
tap pad.key.h
tap pad.key.a
tap pad.key.n
tap pad.key.g
wait_target pad.cand.0
choose 张
wait_text 张
wait_until_shell grep -q '$input_data/build/luna_pinyin_simp.prism.bin' /proc/\$PPID/maps
SCRIPT
# The shipped config is refused until the admin sets the PIN hash (no shared
# secret ships; the token may come later from an enrolment code); with the
# demo's token and PIN hash it runs the kiosk.
if "$src/scripts/with-display" "$root/usr/bin/lobby-kiosk" --config "$root/etc/lobby-kiosk/kiosk.toml" >"$tmp/unedited.log" 2>&1; then
  fail "the kiosk started with the shipped config, which has no token or PIN hash"
else
  expect "the shipped config is refused, saying the PIN hash is missing" grep -q 'kiosk.toml:.*\[admin\] pin_hash' "$tmp/unedited.log"
fi
sed -e 's|^# token = .*|token = "demo-lobby-1-token"|' \
    -e "s|^# pin_hash = .*|$(grep '^pin_hash = ' "$src/assets/kiosk.toml")|" "$root/etc/lobby-kiosk/kiosk.toml" >"$tmp/kiosk.toml"
if "$src/scripts/with-display" bash "$src/tests/kiosk/ui/run_with_server.sh" "$root/usr/bin/lobby-office-server" \
     "$root/usr/bin/lobby-kiosk" "$tmp/kiosk.toml" "$tmp/installed.script" "$tmp/shots" 1 \
     >"$tmp/kiosk.log" 2>&1; then
  pass "the unpacked kiosk shows its installed words and types pinyin from its installed Rime tables"
else
  fail "the unpacked kiosk with its installed files:"; tail -30 "$tmp/kiosk.log"
fi
expect "the kiosk wrote nothing into its installed Rime data" diff "$tmp/input-data.before" <(sums)

# --- the units ----------------------------------------------------------------
# verify runs on copies whose ExecStart points into the unpacked root (cage
# comes from its own package, installed here), with the man
# pages of Documentation= looked up there too.
for unit in lobby-kiosk lobby-office-server; do
  sed "s|/usr/bin/lobby-|$root/usr/bin/lobby-|g" "$root/lib/systemd/system/$unit.service" >"$tmp/$unit.service"
  if MANPATH="$root/usr/share/man:" systemd-analyze verify "$tmp/$unit.service" >"$tmp/$unit.verify" 2>&1; then
    pass "systemd-analyze verify $unit.service"
  else
    fail "systemd-analyze verify $unit.service:"; cat "$tmp/$unit.verify"
  fi
done
# systemd's own hardening score of the server (0 best, 10 worst): 1.8 now;
# more than 2.5 means a protection was dropped.
if systemd-analyze security --offline=yes --threshold=25 "$tmp/lobby-office-server.service" >"$tmp/security.txt" 2>&1; then
  pass "lobby-office-server.service: $(grep -o 'Overall exposure level.*' "$tmp/security.txt")"
else
  fail "lobby-office-server.service exposure above 2.5:"; tail -40 "$tmp/security.txt"
fi
office_unit=$(cat "$root/lib/systemd/system/lobby-office-server.service")
for line in User=lobby-office ProtectSystem=strict StateDirectory=lobby-office NoNewPrivileges=yes PrivateTmp=yes \
            Restart=on-failure "ExecStart=/usr/bin/lobby-office-server --config /etc/lobby-office/office-server.toml"; do
  expect "lobby-office-server.service has $line" has_line "$office_unit" "$line"
done
kiosk_unit=$(cat "$root/lib/systemd/system/lobby-kiosk.service")
for line in User=lobby-kiosk PAMName=login TTYPath=/dev/tty1 Restart=always Conflicts=getty@tty1.service \
            "ExecStart=/usr/bin/cage -d -- /usr/bin/lobby-kiosk --config /etc/lobby-kiosk/kiosk.toml"; do
  expect "lobby-kiosk.service has $line" has_line "$kiosk_unit" "$line"
done

# --- lintian: errors and warnings fail; overrides carry their reasons ----------
for deb in "$kiosk_deb" "$office_deb"; do
  name=$(field "$deb" Package)
  if lintian --allow-root --fail-on error,warning --tag-display-limit 0 "$deb" >"$tmp/$name.lintian" 2>&1; then
    pass "lintian $name"
  else
    fail "lintian $name:"; cat "$tmp/$name.lintian"
  fi
done
# An override must say why: each follows a comment line.
for name in lobby-kiosk lobby-office-server; do
  [[ -f "$root/usr/share/lintian/overrides/$name" ]] || continue
  expect "every lintian override of $name follows a comment" \
    awk '/^#/ { c = 1; next } /^$/ { c = 0; next } { if (!c) bad = 1 } END { exit bad }' "$root/usr/share/lintian/overrides/$name"
done

echo "package test: $(($(date +%s) - started)) s"
finish
