# What the package tests share (sourced): checks that count their failures,
# and the wait for a started office-server's port (scaled by LOBBY_TEST_TIME_SCALE).

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
# expect DESCRIPTION COMMAND...: the command must succeed.
expect() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
# The exit status: 1 when any check failed.
finish() {
  if ((failures > 0)); then
    echo "$failures check(s) failed"
    exit 1
  fi
}

# Polls of 0.1 s in 10 s, times the scale.
polls=$(awk -v s="${LOBBY_TEST_TIME_SCALE:-1}" 'BEGIN { n = int(100 * s); print (n > 0 ? n : 100) }')

# listening_port LOG PID: prints the port once office-server's LOG says
# "listening on 127.0.0.1:PORT"; fails when PID ends first or time runs out.
listening_port() {
  local log=$1 pid=$2 port
  for _ in $(seq "$polls"); do
    port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$log" | cut -d: -f2 || true)
    [[ -n "$port" ]] && { echo "$port"; return 0; }
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# make_scratch: $tmp, a folder removed at exit, after the office-server the
# script started into $server_pid (if any) is stopped.
make_scratch() {
  tmp=$(mktemp -d)
  server_pid=""
  trap 'if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; fi; rm -rf "$tmp"' EXIT
}
