#!/usr/bin/env bash
# Frame times while a person types pinyin on the Chinese pad at 2x text
# (kiosk --bench-pad: about five keys a second through the real loop, a
# candidate chosen per syllable), for each way new characters enter the font
# atlas (LOBBY_FONT_ATLAS): in_frame, a whole atlas built inside the frame
# as before the worker; whole, a whole atlas built by the worker; append
# (the kiosk's way), the new characters rasterised alone by the worker and
# appended to the atlas shown. Prints UI-thread frame time p50/p99/max, the
# atlases built, how soon a candidate list's characters are in the atlas,
# and RSS on home before and after the pad (engines unloaded 2 s after it
# closed here, 60 s by default).
#   bench/input/pad_frames.sh BUILD_DIR [rounds of 30 syllables, default 1]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?build dir}
rounds=${2:-1}
for mode in in_frame whole append; do
  echo "== LOBBY_FONT_ATLAS=$mode =="
  LOBBY_FONT_ATLAS=$mode LOBBY_INPUT_UNLOAD_S=2 "$root/scripts/with-display" bash "$root/tests/kiosk/ui/run_fresh.sh" \
    "$build/kiosk/app/kiosk" --config "$root/tests/kiosk/ui/test-kiosk.toml" --window 1080x1920 \
    --bench-pad "$rounds" 2>/dev/null
done
