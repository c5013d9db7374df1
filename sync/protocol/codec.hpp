// Declares the JSON codec pair every contract type has, plus small encode helpers.
#pragma once

#include "protocol/decode.hpp"
#include "protocol/time.hpp"

#include <nlohmann/json.hpp>

#include <optional>

// decode_into: fills T or records a DecodeError in ctx (never throws for bad input).
// to_json: found by nlohmann-json via ADL, so `nlohmann::json j = value;` works.
#define LOBBY_PROTOCOL_CODEC(Type)                                                        \
    void decode_into(const nlohmann::json& j, Type& out, ::lobby::protocol::DecodeContext& ctx); \
    void to_json(nlohmann::json& j, const Type& v)

namespace lobby::protocol {

template <class T>
void put_optional(nlohmann::json& j, const char* key, const std::optional<T>& v) {
    if (v) j[key] = *v;
}

inline void put_time(nlohmann::json& j, const char* key, UtcSeconds t) { j[key] = format_utc(t); }

inline void put_time(nlohmann::json& j, const char* key, const std::optional<UtcSeconds>& t) {
    if (t) j[key] = format_utc(*t);
}

} // namespace lobby::protocol
