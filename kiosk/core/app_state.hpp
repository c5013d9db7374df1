// Everything the UI shows that is not cached server data: which screen is
// open, the person's language and text size, dialogs, and each feature's
// own session state. Owned by the controller.
#pragma once

#include "core/digit_entry.hpp"
#include "core/enrolment.hpp"
#include "core/feature.hpp"
#include "core/language.hpp"
#include "core/metrics.hpp"
#include "core/speech_voice.hpp"

#include <any>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// "home", "admin", or a feature's id ("fees").
using ScreenId = std::string;
namespace screen {
inline const ScreenId home = "home";
inline const ScreenId admin = "admin";
} // namespace screen

// The admin PIN prompt opened by the hidden corner gesture.
struct PinPrompt {
    static constexpr std::size_t max_digits = 8;
    enum class Feedback { None, Wrong, Locked };
    bool open = false;
    DigitEntry entry{max_digits};  // never logged, cleared on close
    Feedback feedback = Feedback::None;
    std::int64_t locked_until_ms = 0;
};

// One person's visit; replaced wholesale when they leave or time out, so no
// entered or personal data can survive into the next person's session.
struct PersonSession {
    std::vector<ScreenId> stack{screen::home};
    Language language = Language::ZhCN;
    DisplayMode display;
    bool screen_reader = false;  // 读屏: a control's first touch reads it aloud, the second acts
    // 普通话 or 粤语 as the person chose for a Chinese screen; none: the
    // kiosk's default for the language ([speech] zh_cn_voice, zh_hk_voice).
    std::optional<SpeechVoice> chinese_voice;
    PinPrompt pin;
    bool admin_unlocked = false;
    bool confirming_exit = false;  // 退出程序 was tapped; one stray tap must not stop the kiosk
    EnrolPrompt enrol;             // the enrolment code dialog on the admin screen
    // What this person started with (the kiosk's defaults then): a change of
    // the office's settings applies from the next person, and does not make
    // an untouched home look "in use".
    Language start_language = Language::ZhCN;
    DisplayMode start_display;
    int idle_timeout_s = 60;
    int idle_timeout_large_text_s = 120;
    // Each feature's state (unit, digits, bill, order ...), made fresh from
    // its FeatureCore::new_state with the session.
    std::map<FeatureId, std::any> features;

    const ScreenId& screen() const { return stack.back(); }
};

struct AppState {
    PersonSession session;
    bool asking_still_there = false;  // the idle countdown dialog is open
    // Home idle for [attract] after_s: the slide the attract screen shows
    // (-1: none). A touch ends it.
    int attract_slide = -1;
    bool quit_requested = false;
    // Counts the people's sessions: what outlives a frame in the UI (the text
    // pad and what was typed on it) is dropped when a new one starts.
    std::uint64_t session_number = 0;
    std::uint64_t version = 1;  // bumped on every change; views rebuild on it
};

} // namespace kiosk
