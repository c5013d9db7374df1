#!/usr/bin/env bash
# Notices figures: a real office server given 1,000 notices (every 20th with
# its own picture: 50 pictures, PNG and JPEG, made with ImageMagick), a kiosk
# that pulls them all, then drags the notices list at 2x text on a
# 1080x1920 window: ImGui CPU per frame p50/p99, how many rows were laid out
# (the list is clipped to those in view), RSS with everything cached, and
# RSS after opening each notice with a picture (its texture made).
#   bench/notices/notices_bench.sh BUILD_DIR [frames, default 600]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?build dir}
frames=${2:-600}
kiosk="$build/kiosk/app/kiosk"
server="$build/sync/server/office-server"
tmp=$(mktemp -d)
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

"$server" --db "$tmp/office.db" --listen 127.0.0.1:0 --demo --kiosk-key-dir "$tmp" >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 400); do grep -q '^listening on' "$tmp/server.log" 2>/dev/null && break; sleep 0.05; done
url="http://$(sed -n 's/^listening on //p' "$tmp/server.log" | head -1)"
auth=(-H 'Authorization: Bearer demo-staff-token' -H 'Content-Type: application/json')
now=$(date -u +%s)

for i in $(seq 0 20 999); do
  if (( i % 40 == 0 )); then ext=png type=image/png; else ext=jpg type=image/jpeg; fi
  convert -size 800x450 "gradient:#1565c0-#e3f2fd" -fill '#c62828' -draw "rectangle $((i % 400)),60 $((i % 400 + 200)),260" \
    -quality 80 "$tmp/p$i.$ext"
  printf '{"id":"IMG-bench-%d","content_type":"%s","data_base64":"%s"}' "$i" "$type" "$(base64 -w0 "$tmp/p$i.$ext")" >"$tmp/up.json"
  curl -sf -o /dev/null "${auth[@]}" -H "Idempotency-Key: bench-image-$i-$now" --data-binary @"$tmp/up.json" "$url/v1/notice-images"
done
kinds=(outage safety event fee service)
for i in $(seq 0 999); do
  images=""
  (( i % 20 == 0 )) && images=",\"images\":[\"IMG-bench-$i\"]"
  published=$(date -u -d "@$((now - i * 600))" +%Y-%m-%dT%H:%M:%SZ)
  printf '{"id":"N-bench-%d","kind":"%s","urgent":false,"title":{"zh-CN":"第%d号测试公告：3栋2单元电梯例行维护保养及楼道清洁安排说明"},"body":{"zh-CN":"## 安排\\n\\n- 第一项\\n- **第二项**\\n\\n咨询 0755-86001234。"},"published_at":"%s"%s}' \
    "$i" "${kinds[$((i % 5))]}" "$i" "$published" "$images" >"$tmp/n.json"
  curl -sf -o /dev/null "${auth[@]}" -H "Idempotency-Key: bench-notice-$i-$now" --data-binary @"$tmp/n.json" "$url/v1/notices"
done
echo "published 1000 notices, 50 pictures ($(du -cb "$tmp"/p*.* | tail -1 | cut -f1) bytes)"

sed "s|^url = .*|url = \"$url\"|; s|^path = .*|path = \"$tmp/kiosk.db\"|; s|^key_file = .*|key_file = \"$tmp/kiosk.key\"|" \
    "$root/assets/kiosk.toml" >"$tmp/kiosk.toml"
"$root/scripts/with-display" "$kiosk" --config "$tmp/kiosk.toml" --window 1080x1920 --bench-notices "$frames" 2>/dev/null
