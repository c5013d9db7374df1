// Kiosk provisioning and remote settings: one-time enrolment codes, the
// exchange of a code for the kiosk's token, token rotation, and the
// per-kiosk settings the office changes (collection `kiosk_settings`).
#pragma once

#include "protocol/codec.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lobby::protocol {

// Enrolment codes are this many digits, typed on the kiosk's keypad.
inline constexpr std::size_t enrolment_code_digits = 8;

// POST /v1/kiosks/enrolment-codes (staff) -> 201 EnrolmentCode
struct EnrolmentCodeRequest {
    std::string kiosk_id;  // the kiosk it will become: new, or an existing one to re-enrol
};
LOBBY_PROTOCOL_CODEC(EnrolmentCodeRequest);

struct EnrolmentCode {
    std::string kiosk_id;
    std::string code;  // shown once; only its keyed hash is stored
    UtcSeconds expires_at = 0;
};
LOBBY_PROTOCOL_CODEC(EnrolmentCode);

// POST /v1/kiosks/enrol (no token) -> 200 Enrolment
struct EnrolRequest {
    std::string code;
    // The kiosk's own verification key (64 hex digits, from its 0600 key
    // file): the office keys this kiosk's phone verifiers with it.
    std::string verify_key;
};
LOBBY_PROTOCOL_CODEC(EnrolRequest);

struct Enrolment {
    std::string kiosk_id;
    std::string token;  // the kiosk's bearer token, shown this once
};
LOBBY_PROTOCOL_CODEC(Enrolment);

// POST /v1/kiosks/token (kiosk, after staff asked for a rotation) -> 200 TokenRotation
struct TokenRotation {
    std::string token;                 // the new bearer token
    UtcSeconds old_token_until = 0;    // the old one keeps working until then
};
LOBBY_PROTOCOL_CODEC(TokenRotation);

// Remote settings of one kiosk. Absent: the kiosk's own config file decides.
struct KioskSettings {
    std::optional<std::int64_t> idle_timeout_s;      // 20..600
    std::optional<std::string> language;             // zh-CN, zh-HK, en: each new person starts in it
    std::optional<bool> elderly_default;             // each new person starts in 长者模式
    std::optional<std::string> zh_cn_voice;          // mandarin, cantonese
    std::optional<std::string> zh_hk_voice;          // mandarin, cantonese
    std::optional<std::vector<std::string>> home_services;  // services on home, in this order
};
LOBBY_PROTOCOL_CODEC(KioskSettings);

// The services a kiosk can show on home (the server refuses others).
inline const std::vector<std::string>& known_home_services() {
    static const std::vector<std::string> names = {"fees", "repairs", "visitors", "notices", "surveys"};
    return names;
}

// The kiosk's reading of a `kiosk_settings` feed record: each field on its
// own, so one bad value (a newer server, a garbled row) drops that field
// only. `rejected` gets the names of dropped fields (never their values).
KioskSettings settings_from_feed(const nlohmann::json& data, std::vector<std::string>& rejected);

} // namespace lobby::protocol
