// Enrolling this kiosk at its admin screen: a person types the office's
// one-time code on the keypad; the shell sends it as an online call (the
// net layer exchanges it for the kiosk's token and keeps the token in its
// 0600 token file) and shows what came of it.
#pragma once

#include "core/digit_entry.hpp"

#include <cstdint>
#include <string>

namespace kiosk {

// The OnlineCall "feature" of the shell's own enrolment call.
inline const std::string enrolment_call = "shell.enrol";
inline constexpr std::size_t enrolment_code_digits = 8;

struct EnrolCall {
    std::string code;
};

enum class EnrolResult {
    None,         // nothing sent yet
    Sending,
    Enrolled,     // the token is saved and in use
    UnknownCode,  // wrong digits
    Used,         // the code worked once already
    Expired,
    TooMany,      // too many wrong codes: wait
    Offline,      // the office could not be reached
    NotSaved,     // the token came but could not be written (disk): not used
    Failed,       // anything else the office refused
};

struct EnrolAnswer {
    EnrolResult result = EnrolResult::Failed;
    std::string kiosk_id;  // Enrolled: the id the office gave this kiosk
};

// The enrolment dialog on the admin screen.
struct EnrolPrompt {
    bool open = false;
    DigitEntry entry{enrolment_code_digits};
    EnrolResult result = EnrolResult::None;
    std::uint64_t call_id = 0;  // the call waited for (0: none)
    std::string kiosk_id;
};

} // namespace kiosk
