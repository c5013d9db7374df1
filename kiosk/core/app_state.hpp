// Everything the UI shows that is not cached server data: which screen is
// open, the person's language and text size, dialogs. Owned by the controller.
#pragma once

#include "core/fees_session.hpp"
#include "core/language.hpp"
#include "core/metrics.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

enum class ScreenId { Home, Admin, Fees };

// The admin PIN prompt opened by the hidden corner gesture.
struct PinPrompt {
    enum class Feedback { None, Wrong, Locked };
    bool open = false;
    std::string digits;  // never logged, cleared on close
    Feedback feedback = Feedback::None;
    std::int64_t locked_until_ms = 0;
};

// One person's visit; replaced wholesale when they leave or time out, so no
// entered or personal data can survive into the next person's session.
struct PersonSession {
    std::vector<ScreenId> stack{ScreenId::Home};
    Language language = Language::ZhCN;
    DisplayMode display;
    PinPrompt pin;
    bool admin_unlocked = false;
    FeesSession fees;  // unit, digits, bill and order: cleared with the session

    ScreenId screen() const { return stack.back(); }
};

struct AppState {
    PersonSession session;
    bool asking_still_there = false;  // the idle countdown dialog is open
    bool quit_requested = false;
    std::uint64_t version = 1;  // bumped on every change; views rebuild on it
};

} // namespace kiosk
