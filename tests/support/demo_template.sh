#!/usr/bin/env bash
# Gives a test a demo-seeded SQLite database without seeding it again:
#   demo_template.sh OFFICE_SERVER DB KIOSK_KEY_DIR
# copies a template the first caller of the run seeded (a real
# `OFFICE_SERVER --demo`, stopped once listening) to DB, its data key to
# DB.key and the demo kiosks' key files into KIOSK_KEY_DIR: what that server
# would have written had it seeded DB itself, so `--demo` on DB then finds it
# seeded. The seed costs ~0.6 CPU-s and is wanted by every UI test and most
# server test cases; a copy is a 21 MB file copy.
#
# The template lives beside the server binary (so per build dir, and gone
# with it) and is seeded again when that binary changed, on another day in Shanghai, or
# after 10 minutes (the seed follows the clock: bill periods, the day's
# notices, codes valid from an hour ago). Under a lock shared by every test
# process: one seeds (into a temp folder renamed when whole), the others wait,
# and no copy reads a template being replaced. Exits non-zero, having made no
# DB, when it cannot (a binary in a folder not ours): the server then seeds.
#
# LOBBY_TEST_OWN_SEED=1 turns it off (every demo server seeds, as before the
# template): to compare, or to rule the template out.
set -euo pipefail
server_bin=$1 db=$2 key_dir=$3
[[ -z "${LOBBY_TEST_OWN_SEED:-}" ]] || exit 3

bin=$(readlink -f "$server_bin")
base="$(dirname "$bin")/demo-template"
template="$base/seeded"
# The binary's identity: a rebuild seeds again.
binary_stamp=$(stat -c '%Y %s %i' "$bin")
max_age=600

mkdir -p "$base"
exec 9>"$base/lock"
flock 9

stale() {
  [[ -f "$template/stamp" ]] || return 0
  local seeded_at stamp now
  { read -r seeded_at; read -r stamp; } <"$template/stamp" || return 0
  [[ "$stamp" == "$binary_stamp" ]] || return 0
  now=$(date +%s)
  local shanghai=$((8 * 3600))
  (( (now + shanghai) / 86400 == (seeded_at + shanghai) / 86400 && now - seeded_at <= max_age )) || return 0
  return 1
}

seed() {
  local work="$base/seeding.$$"
  rm -rf "$base"/seeding.*  # a seeder stopped half-way left it (we hold the lock)
  mkdir -p "$work/kiosk-keys"
  local seeded_at
  seeded_at=$(date +%s)
  "$bin" --db "$work/office.db" --listen 127.0.0.1:0 --demo --kiosk-key-dir "$work/kiosk-keys" \
    >"$work/server.out" 2>"$work/server.log" &
  local pid=$!
  # This script stopped (a test's time limit): no seeder left listening.
  trap 'kill -TERM "$pid" 2>/dev/null || true' EXIT
  trap 'exit 143' TERM INT HUP
  # The seed is committed before the server listens. A wait for that line,
  # not a fixed time: 60 s, times the test time scale, at most.
  local polls
  polls=$(awk -v s="${LOBBY_TEST_TIME_SCALE:-1}" 'BEGIN { n = int(1200 * s); print (n > 0 ? n : 1200) }')
  local up=""
  for _ in $(seq "$polls"); do
    if grep -q '^listening on ' "$work/server.out"; then up=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill -TERM "$pid" 2>/dev/null || true
  local rc=0
  wait "$pid" || rc=$?
  trap - EXIT TERM INT HUP
  if [[ -z "$up" || $rc -ne 0 ]]; then
    echo "demo_template.sh: the seeding office-server did not come up and stop cleanly (exit $rc):" >&2
    cat "$work/server.log" >&2
    rm -rf "$work"
    exit 1
  fi
  rm -f "$work/server.out" "$work/server.log"
  printf '%s\n%s\n' "$seeded_at" "$binary_stamp" >"$work/stamp"
  # Renamed only when whole: a copy never starts from half a seed.
  rm -rf "$template"
  mv -T "$work" "$template"
}

stale && seed

# As the server writes them: the kiosks' key files and the data key (mode
# 0600), then the database (and its WAL, should the stopped server have left
# one), renamed into place last: DB exists only when all of it does.
for key in "$template"/kiosk-keys/*.key; do
  install -m 0600 "$key" "$key_dir/"
done
install -m 0600 "$template/office.db.key" "$db.key"
[[ ! -f "$template/office.db-wal" ]] || cp "$template/office.db-wal" "$db-wal"
cp "$template/office.db" "$db.copying"
mv -T "$db.copying" "$db"
