// Signed-in staff: a session is a random token in an HttpOnly cookie; only
// its SHA-256 is stored. Each session has its own CSRF token, which every
// form sends back. A session ends at logout, after 30 idle minutes, after
// 12 hours, or when its account is disabled.
#pragma once

#include "console/staff.hpp"
#include "db.hpp"

#include "protocol/time.hpp"

#include <optional>
#include <string>

namespace lobby::server::console {

inline constexpr std::int64_t session_idle_s = 30 * 60;
inline constexpr std::int64_t session_max_s = 12 * 3600;
// last_seen is written at most this often (a page view is otherwise a read).
inline constexpr std::int64_t session_touch_s = 60;

struct Session {
    std::string token_sha256;
    Staff staff;
    std::string csrf;
    protocol::UtcSeconds created_at = 0;
    protocol::UtcSeconds last_seen = 0;
    std::string estate;  // a company manager's: the estate the console acts in (empty: home)
};

// Opens a session for `staff`; returns the cookie's token (shown once).
std::string open_session(Database& db, const Staff& staff, protocol::UtcSeconds now);
// The live session of a cookie token, or nullopt (unknown, ended, expired, account disabled).
std::optional<Session> find_session(Database& db, const std::string& token, protocol::UtcSeconds now);
void touch_session(Database& db, const Session& session, protocol::UtcSeconds now);
void close_session(Database& db, const Session& session);
// A company manager's session moves to `estate` (estates.hpp: an existing id).
void set_session_estate(Database& db, const Session& session, const std::string& estate);

// Constant-time comparison for CSRF tokens.
bool same_secret(const std::string& a, const std::string& b);

} // namespace lobby::server::console
