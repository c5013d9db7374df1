// The rules for how a kiosk may reach its office server ([server] in
// kiosk.toml): plain http:// only to this machine (the demo, tests) unless
// the config says otherwise on purpose; a key pin in the form libcurl takes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct KioskConfig;

// True for http(s)://localhost, 127.x.x.x and [::1] (any port, any path).
bool is_loopback_url(std::string_view url);

// A base64 SHA-256 (44 characters ending in '='), the form of
// `openssl ... | openssl dgst -sha256 -binary | base64`.
bool is_pin_sha256(std::string_view pin);

// Why these [server] settings cannot be used, naming the setting; nullopt when fine.
std::optional<std::string> server_trust_problem(const KioskConfig& config);

} // namespace kiosk
