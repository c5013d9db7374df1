// Kiosk configuration: one TOML file, loaded once, passed by const reference.
#pragma once

#include "core/language.hpp"
#include "core/result.hpp"
#include "core/speech_voice.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct KioskConfig {
    std::string kiosk_id = "lobby-1";            // shown on the admin screen
    Language default_language = Language::ZhCN;  // each new person starts here

    std::string server_url = "http://127.0.0.1:8470";  // the office server
    // This kiosk's bearer token from the file (an installer's); may be empty:
    // the kiosk then waits for an enrolment code at its admin screen. A token
    // from an enrolment or a rotation lives in token_file and wins over it.
    std::string server_token;
    std::string server_token_file = "kiosk.token";  // 0600; relative to the config file
    // https://: the PEM CA file the server's certificate must chain to
    // (relative to the config file; empty: the system's CAs), and optionally
    // the base64 SHA-256 of the server's public key (a pin). Plain http:// is
    // refused for a server on another machine unless server_allow_plain_http.
    std::string server_ca_file;
    std::string server_pin_sha256;
    bool server_allow_plain_http = false;

    std::string estate_name;  // shown until the server's estate record arrives

    // Physical size of the panel in portrait orientation; touch targets and
    // text are sized in millimetres from it.
    double screen_width_mm = 268.0;   // 21.5" 16:9 panel
    double screen_height_mm = 476.0;
    // Height of the panel's lower edge above the floor (portrait): with the
    // panel's height it places the reach band (380-1220 mm) on the screen.
    double screen_lower_edge_mm = 800.0;

    int idle_timeout_s = 60;              // no touch for this long: "still there?"
    int idle_timeout_large_text_s = 120;  // elderly mode gets longer
    int countdown_s = 20;                 // then everything is cleared
    bool elderly_default = false;         // each new person starts in 长者模式

    // The services home shows, by feature id, when the office chose them
    // (remote settings); nullopt: every registered service.
    std::optional<std::vector<std::string>> home_services;

    // Read-aloud: the speaker button and 读屏 mode. Chinese screens are read
    // in Mandarin or Cantonese, per kiosk; English in English.
    bool speech_enabled = true;
    SpeechVoice speech_zh_cn = SpeechVoice::Mandarin;
    SpeechVoice speech_zh_hk = SpeechVoice::Cantonese;

    // Home untouched this long: the kiosk shows current notices full screen,
    // one every attract_slide_s, until a touch (0: never).
    int attract_after_s = 120;
    int attract_slide_s = 10;

    std::string admin_pin_hash;  // encoded Argon2id hash of the admin PIN (kiosk --hash-pin)

    std::string store_path = "kiosk.db";  // local SQLite cache + outbox; relative to the config file
    // The key behind the phone-digit hashes, kept outside the database (mode
    // 0600, made on first start); relative to the config file.
    std::string store_key_file = "kiosk.key";

    // Wrong phone digits: each person's session has fees_free_tries, then
    // waits fees_delay_s, doubling; the unit locks on this kiosk for
    // fees_lockout_s when fees_lockout_failures wrong tries (all sessions)
    // come within fees_lockout_window_s of the first (the server's rules).
    int fees_free_tries = 3;
    int fees_delay_s = 30;
    int fees_lockout_failures = 10;
    int fees_lockout_window_s = 3600;
    int fees_lockout_s = 900;          // how long it stays locked on this kiosk
    int fees_poll_interval_ms = 2000;  // how often a shown payment order is checked
};

// The voice that reads a screen shown in `language`.
inline SpeechVoice speech_voice_for(Language language, const KioskConfig& config)
{
    switch (language) {
    case Language::ZhCN: return config.speech_zh_cn;
    case Language::ZhHK: return config.speech_zh_hk;
    case Language::En: return SpeechVoice::English;
    }
    return SpeechVoice::Mandarin;
}

// The voice for `language` when the person chose `chosen` (普通话 ⇄ 粤语,
// for the Chinese screens only; English is read in English).
inline SpeechVoice speech_voice_for(Language language, const KioskConfig& config, std::optional<SpeechVoice> chosen)
{
    return language != Language::En && chosen ? *chosen : speech_voice_for(language, config);
}

// Loads and validates the file. Errors name the file and the line.
Result<KioskConfig> load_config(const std::string& path);

// Same, from text (tests); `source_name` is used in error messages.
Result<KioskConfig> parse_config(std::string_view text, const std::string& source_name);

} // namespace kiosk
