// The rule every screen keeps for read-aloud (ux.md): it offers the speaker,
// and what the speaker would read starts with the screen's title and says
// its content, the way people say it. The script mode checks it on every
// screen it lays out (app/script_checks).
#pragma once

#include "core/speech_voice.hpp"
#include "ui/frame_record.hpp"

#include <string>

namespace kiosk::ui {

// "" when `frame` offers "speech.say" (on any layer: under a dialog the
// footer's speaker is still the screen's) and its reading, in `voice`,
// starts with `title` (a dialog's reading is its own) and says more, with no
// amount sign, raw date or icon glyph left for the voice; else what is wrong.
std::string check_reading(const FrameRecord& frame, const std::string& title, SpeechVoice voice);

} // namespace kiosk::ui
