#!/usr/bin/env bash
# load_bench_smoke_pg: the benchmark's PostgreSQL path, small (its own
# private cluster, 3 estates of 20 units, 4 kiosks, 1 s a phase), one and two
# servers: every operation measured, no request failed. (Each repair stored
# exactly once across two servers is two_servers_test's, on both engines.)
#   smoke_test_pg.sh path/to/load_bench
set -euo pipefail
bench=${1:?load_bench binary}
out=$(mktemp "${TMPDIR:-/tmp}/load-bench-smoke-pg-XXXXXX")
trap 'rm -f "$out"' EXIT

fail() { echo "load_bench_smoke_pg: $*" >&2; exit 1; }

"$bench" --backends pg1,pg2 --estates 3 --units 20 --kiosks 4 --seconds 1 --units-per-kiosk 2 >"$out" ||
  { cat "$out"; fail "load_bench failed"; }
cat "$out"
grep -q '^failures: 0;' "$out" || fail "no 'failures: 0' line"
for backend in pg1 pg2; do
  grep -q "^# $backend: 3 estates x 20 units" "$out" || fail "no '# $backend: 3 estates x 20 units' line"
  # Three operations alone and the same three mixed: six rows, each with requests and no failure.
  rows=$(awk -v b="$backend" '$1 == b && $(NF-4) > 0 && $NF == 0' "$out" | wc -l)
  [[ $rows -eq 6 ]] || fail "expected 6 $backend rows with requests and no failures, got $rows"
done
echo "load_bench_smoke_pg: one and two servers on PostgreSQL, 3 estates, no failure"
