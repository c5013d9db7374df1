// Runs a test script against the real UI: taps by widget id, drags, moves
// the clock, switches window size, takes screenshots and checks what the
// frame shows. One command per line; '#' starts a comment.
//
//   tap <widget-id>            press and lift in the middle of a target
//   tap_unsettled <widget-id>  the same, drawing only the tap's frames (the real loop, run_loop, settles)
//   tap_at <x> <y>             press and lift at window pixels
//   tap_digits_from <file> <keypad-id>
//                              tap <keypad-id>.<d> for each digit in the first
//                              line of $LOBBY_TMP/<file> (a code the server made)
//   drag <widget-id> <dy>      drag from a target by dy pixels, then lift
//   drag_at <x> <y> <dy>       the same from a point
//   drag_until <widget-id> <x> <y> <dy>
//                              drag from a point by dy until the target is on
//                              screen whole (a list as tall as the text size makes it)
//   advance <seconds>          move the kiosk's clock forward
//   advance_to <s> <command>   move it on to <s> seconds before the epoch second the shell command prints
//   advance_near_tick <s>      move it through the next timed change (the attract
//                              slide's turn) until the one after is s seconds away
//   advance_until <s> <text>   move the clock a second at a time, at most s
//                              seconds, until a visible text contains <text>
//                              (a timer's effect, however slow the frames)
//   window <width> <height>    resize (orientation)
//   wait_online [seconds]      wait (real time, default 10 s) until the server answered
//   wait_offline [seconds]     wait (default 10 s) until a request to it failed
//   wait_text <text>           wait up to 10 s for a visible text
//   wait_no_text <text>        wait up to 10 s until no visible text contains it
//   wait_target <widget-id>    wait up to 10 s for a target
//   wait_synced [seconds]      wait (default 20 s) until the first full pull
//                              finished (the screen no longer moves as data arrives)
//   pull                       ask the sync worker to pull now (after a `shell`
//                              step changed something on the server)
//   note_pulls                 note how many pulls the sync worker completed...
//   wait_pulled [seconds]      ...and wait (default 20 s) until one more did:
//                              put note_pulls before the step that changes the
//                              server (or makes the kiosk pull); without it the
//                              count at the start (or at the last wait_pulled) is used
//   wait_until_shell <command> re-run it with /bin/sh until it exits 0 (up to 10 s)
//   expect_window_size <w> <h> the window and its drawable are w x h px
//   run_loop <s> <frames> [wake|pull|atlas <text>]
//                              run the real loop for s seconds with no input
//                              (after the minute tick if it would fall in
//                              it; right after a timed change, such as the
//                              attract slide's turn, when one is due in it,
//                              so a repeating one counts in whole periods);
//                              a thread wakes it (wake: a bare SDL
//                              event; pull: the sync worker pulls, then wakes
//                              it) 0.5 s in, or (atlas) the font atlas worker
//                              when it has built <text>'s characters, asked
//                              for at the start; expect exactly <frames> drawn
//                              (a woken run: <frames> plus up to two frames
//                              of ImGui settling, and none in its last second)
//   frames <n>                 draw n frames
//   screenshot <file.png>      save the frame (relative to --screenshot-dir)
//   expect_text <text>         a visible text contains <text>
//   expect_same_line <a> | <b> visible texts containing a and b share a line
//   expect_no_text <text>      no visible text contains <text>
//   expect_target <widget-id>  / expect_no_target <widget-id>
//   expect_fully_visible <id>  the target is on screen whole, not cut by
//                              its scroll area's edge
//   expect_layout              targets ≥ 15/20 mm, 3 mm apart, nothing clipped;
//                              and the screen speaks (expect_speaks); with env
//                              LOBBY_SCRIPT_SPEECH_EVERY_LANGUAGE=1 in zh-CN, zh-HK
//                              and en (switching with lang.*, back after)
//   expect_text_whole, expect_icon, expect_text_height, expect_speaks:
//                              see app/script_checks.hpp
//   remember <widget-id>       note where a target is...
//   expect_moved <widget-id>   ...and check it moved since (scrolling)
//   expect_same_place <id>     ...or that it has not moved at all
//   expect_still_under <id>    ...or that the centre noted then still lies
//                              on it (a second tap on the same spot)
//   tap_remembered <id>        tap where the target was noted, whatever
//                              lies there now (a screen drawn over it)
//   expect_quit                the app asked to quit (admin Exit)
//   expect_no_quit             it did not
//   shell <command>            run it with /bin/sh (tests against a real server)
//   expect_spoken <a> | <b>    what was last read aloud says a, then b (after the reading rules)
//   expect_not_spoken <text>   ...and does not say text
//   expect_voice <name>        ...in this espeak-ng voice (cmn, yue, en), as the engine was given it
//   wait_speech                wait until espeak-ng synthesised it to the end (sound or not)
//   expect_speech_cut_off      the last utterance was stopped before its end
//   expect_choices_at_most <n> at most n controls of the screen's content (or
//                              of an open dialog) on the top layer; prints the count
//
// The text pad (ui/text_pad.hpp); its keys are tapped by id with `tap`
// (pad.key.z, pad.stroke.p, pad.cand.0, pad.mode.handwriting, pad.done...):
//   open_pad <kind> [max_chars] TEST HARNESS ONLY: opens the shared pad over
//                              the current screen as if a field of that kind
//                              (digits phone chinese english plate) was tapped;
//                              no product screen is involved
//   choose <text>              wait up to 10 s for a candidate with that
//                              text, then tap it
//   stroke x1,y1 x2,y2 ...     draw one stroke with the finger in the
//                              handwriting box, in box units 0..1000
//   strokes_from <name>        draw every stroke of tests/data/handwriting/<name>.strokes
//                              (one stroke a line, x,y points in box units)
//   expect_entered <text>      the harness's field got exactly <text> from
//                              完成 (once: a second check finds nothing);
//                              "expect_entered -" : nothing was returned
//   wait_input_unloaded [s]    wait (default 10 s) until the pads' engines were
//                              unloaded (LOBBY_INPUT_UNLOAD_S after the pad closed)
//   expect_glyph <text>        every character of <text> is in the font atlas
//                              (a rare character chosen renders at once)
//   expect_no_glyph <text>     none of <text>'s characters is in it (any more)
//   record_frame_times         start timing every frame drawn
//   expect_frames_under <ms>   since record_frame_times no frame's UI work
//                              (font atlas, our UI, ImGui; not the GL draw)
//                              took over <ms> (x LOBBY_TEST_TIME_SCALE), and
//                              no font atlas was built inside a frame; prints
//                              p50/p99/max
// (The script settles on a font atlas on its way, like on ImGui's settling
// frames: every step sees the glyphs a person sees a moment later.)
//
// Every wait limit is multiplied by LOBBY_TEST_TIME_SCALE (default 1; e.g. 4
// under a sanitizer), and a failed wait says what it waited for. The script
// also fails, on the step that caused it, when any text was looked up with a
// key no locale file has (Catalog::unknown_keys_seen), naming the key.
#pragma once

#include "app/kiosk_app.hpp"

#include <string>

namespace kiosk::app {

// Returns 0 when every step passed; prints "FILE:LINE: reason" otherwise.
int run_script(KioskApp& app, const std::string& script_path, const std::string& screenshot_dir);

} // namespace kiosk::app
