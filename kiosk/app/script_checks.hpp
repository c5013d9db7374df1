// Script checks of what a screen offers beyond its layout: its words whole
// (not scrolled off), an icon really drawn on a control, a text's height in
// mm, and what the speaker would read. Each returns "" when it holds, else
// what is wrong.
//
//   expect_text_whole <text>       a visible text containing <text> lies whole
//                                  inside its window or area (no hidden scroll)
//   expect_icon <widget-id> <name> the control's label starts with that icon
//                                  and the atlas holds its glyph in the font drawn
//   expect_text_height <mm> <text> a visible text containing <text> is at least
//                                  <mm> high ([screen] size; one line of it);
//                                  <text> "<digits>": a text of digits only
//   expect_font_has <role> <text> every character of <text> is in that font
//                                  (body, title, amount), not drawn as its fallback
//   expect_speaks                  the screen offers the speaker, and what it
//                                  would read starts with its title and says more
//                                  (its content), by the reading rules: no ¥, no
//                                  raw dates, no icon glyphs (also part of expect_layout)
#pragma once

#include "app/kiosk_app.hpp"
#include "ui/frame_record.hpp"

#include <optional>
#include <sstream>
#include <string>

namespace kiosk::app {

// The rest of a script line, without its trailing spaces.
std::string rest_of_line(std::istringstream& in);

// The check `command` names, run on `frame`; nullopt when it is not one of these.
std::optional<std::string> run_screen_check(const KioskApp& app, const ui::FrameRecord& frame,
                                            const std::string& command, std::istringstream& args);

// What the speaker would read on this frame holds the title and content.
std::string check_screen_speaks(const KioskApp& app, const ui::FrameRecord& frame);

} // namespace kiosk::app
