// Modes used by bench/kiosk to measure the kiosk from outside: per-frame
// timings, and a bare SDL/GL window as the memory baseline.
#pragma once

#include "app/gl_window.hpp"
#include "app/kiosk_app.hpp"

namespace kiosk::app {

// Draws `frames` frames on home and `frames` with the admin PIN dialog open,
// then prints ImGui CPU and GL render time percentiles.
int run_frame_bench(KioskApp& app, int frames);
// The notices list at 2x text, dragged up and down for `frames` frames:
// ImGui CPU per frame p50/p99, the rows the clipper laid out, RSS, then the
// detail of every notice with a picture (textures held, RSS). Needs a
// server whose feed holds the notices (bench/notices/notices_bench.sh).
int run_notices_bench(KioskApp& app, int frames);

// Types pinyin on the Chinese pad at 2x text through the real loop (about
// five keys a second, a candidate chosen per syllable), `rounds` times the
// syllable list, and prints UI-thread frame time p50/p99/max, the atlases
// built, how soon a list's characters are in the atlas, and RSS on home
// before and after (bench/input/pad_frames.sh).
int run_pad_bench(KioskApp& app, int rounds);

// Opens a window with a GL context, clears it once, and idles until killed:
// what the kiosk costs on top of this is the kiosk's own memory.
int run_bare_window(const WindowOptions& options);

// CLOCK_MONOTONIC in nanoseconds (the bench compares it with its own clock).
long long monotonic_ns();
long long unix_ns();  // wall clock, comparable with `date +%s%N` in the bench script

} // namespace kiosk::app
