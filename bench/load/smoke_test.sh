#!/usr/bin/env bash
# load_bench_smoke: the load benchmark, small (SQLite, 2 kiosks, 1 s a
# phase), must finish without a failed request, measure every operation, and
# leave each repair it was told was created in the database exactly once
# (every 5th was sent twice with its Idempotency-Key).
#   smoke_test.sh path/to/load_bench
set -euo pipefail
bench=${1:?load_bench binary}
dir=$(mktemp -d "${TMPDIR:-/tmp}/load-bench-smoke-XXXXXX")
trap 'rm -rf "$dir"' EXIT

fail() { echo "load_bench_smoke: $*" >&2; exit 1; }

"$bench" --backends sqlite --kiosks 2 --seconds 1 --units-per-kiosk 2 \
  --keep-dir "$dir" --posted "$dir/posted.tsv" >"$dir/out.txt" || { cat "$dir/out.txt"; fail "load_bench failed"; }
cat "$dir/out.txt"

grep -q '^failures: 0;' "$dir/out.txt" || fail "no 'failures: 0' line"
# Three operations alone and the same three mixed: six rows, each with requests and no failure.
rows=$(awk '$1 == "sqlite" && $(NF-4) > 0 && $NF == 0' "$dir/out.txt" | wc -l)
[[ $rows -eq 6 ]] || fail "expected 6 sqlite rows with requests and no failures, got $rows"

db=$dir/office-sqlite.db
posted=$(wc -l <"$dir/posted.tsv")
[[ $posted -ge 5 ]] || fail "only $posted repairs posted (a resend needs 5 a kiosk)"
while IFS=$'\t' read -r id description; do
  n=$(sqlite3 -readonly "$db" "SELECT COUNT(*) FROM tickets WHERE id = '$id' AND description = '$description'")
  [[ $n -eq 1 ]] || fail "ticket $id ($description) is in the database $n times"
done <"$dir/posted.tsv"
stored=$(sqlite3 -readonly "$db" "SELECT COUNT(*) FROM tickets WHERE description LIKE '%bench bench-%'")
[[ $stored -eq $posted ]] || fail "$posted repairs posted, $stored stored (a resend made another)"
echo "load_bench_smoke: $posted repairs, each stored once"
