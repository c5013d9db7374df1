#!/usr/bin/env bash
# The kiosk's RSS on home before a text pad was used, with every engine
# loaded (pinyin, handwriting, stroke, jyutping), and once the engines were
# unloaded after the pad closed (LOBBY_INPUT_UNLOAD_S=2 here, 60 s by
# default). Budget: the idle kiosk grows by no more than 30 MB.
#   bench/input/input_rss.sh BUILD_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?build dir}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
LOBBY_INPUT_UNLOAD_S=2 "$root/scripts/with-display" bash "$root/tests/kiosk/ui/run_fresh.sh" "$build/kiosk/app/kiosk" \
  --config "$root/tests/kiosk/ui/test-kiosk.toml" --window 1080x1920 \
  --script "$root/bench/input/input_rss.script" --screenshot-dir "$(dirname "$out")" >"$out" 2>/dev/null
before=$(awk '/^rss_home_before_kb/{print $2}' "$out")
loaded=$(awk '/^rss_home_engines_loaded_kb/{print $2}' "$out")
after=$(awk '/^rss_home_after_kb/{print $2}' "$out")
echo "RSS on home before a pad:        $((before / 1024)) MB"
echo "RSS with every engine loaded:    $((loaded / 1024)) MB (+$(((loaded - before) / 1024)) MB)"
echo "RSS on home after, unloaded:     $((after / 1024)) MB (+$(((after - before) / 1024)) MB; budget +30 MB)"
