// What every endpoint implementation gets (ApiContext) and returns (ApiResponse).
#pragma once

#include "config.hpp"
#include "db.hpp"
#include "protocol/error.hpp"
#include "protocol/time.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace lobby::server {

// The authenticated caller (a kiosk or a staff console).
struct Caller {
    std::string kiosk_id;
    std::string role;  // kiosk, staff
    std::string token_sha256;  // of the token this request came with (a rotated kiosk's may be the previous one)

    bool is_staff() const { return role == "staff"; }
};

class Pool;

struct ApiContext {
    Database& db;  // the caller's estate's database, and no other
    const ServerConfig& config;
    Caller caller;
    protocol::UtcSeconds now = 0;
    Pool* pool = nullptr;  // db's pool (its write lock), for handlers that manage their own transactions
};

struct ApiResponse {
    int status = 200;
    nlohmann::json body;
    // idempotent_post: false keeps no idempotency record of this answer (a
    // refused guess must not cost a row for 30 days; a retry asks afresh).
    bool store = true;
};

inline ApiResponse api_error(int status, const char* code, std::string message) {
    protocol::ErrorBody e;
    e.code = code;
    e.message = std::move(message);
    return ApiResponse{status, nlohmann::json(e)};
}

// The one check of staff-only endpoints: nullopt for office staff, otherwise
// 403 forbidden with `message` (saying who may, and how a kiosk does it instead):
//     if (auto refused = require_staff(ctx, "Only office staff can ...")) return *refused;
inline std::optional<ApiResponse> require_staff(const ApiContext& ctx, std::string message) {
    if (ctx.caller.is_staff()) return std::nullopt;
    return api_error(403, protocol::error_code::forbidden, std::move(message));
}

template <class T>
ApiResponse api_ok(int status, const T& value) {
    return ApiResponse{status, nlohmann::json(value)};
}

} // namespace lobby::server
