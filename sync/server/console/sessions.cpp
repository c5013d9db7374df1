// Staff sessions (table staff_sessions).
#include "console/sessions.hpp"

#include "console/accounts.hpp"
#include "sha256.hpp"

#include "protocol/random.hpp"

#include <openssl/crypto.h>

namespace lobby::server::console {

std::string open_session(Database& db, const Staff& staff, protocol::UtcSeconds now) {
    // Expired sessions of anyone go when someone signs in: the table stays small.
    Statement old(db, "DELETE FROM staff_sessions WHERE last_seen <= ? OR created_at <= ?");
    old.bind(1, now - session_idle_s).bind(2, now - session_max_s);
    old.run();
    const std::string token = protocol::random_hex(32);
    Statement st(db, "INSERT INTO staff_sessions (token_sha256, username, csrf, created_at, last_seen) "
                     "VALUES (?, ?, ?, ?, ?)");
    st.bind(1, sha256_hex(token)).bind(2, staff.username).bind(3, protocol::random_hex(32)).bind(4, now).bind(5, now);
    st.run();
    return token;
}

std::optional<Session> find_session(Database& db, const std::string& token, protocol::UtcSeconds now) {
    if (token.size() != 64) return std::nullopt;
    Statement st(db, "SELECT s.token_sha256, s.username, s.csrf, s.created_at, s.last_seen, s.estate "
                     "FROM staff_sessions s WHERE s.token_sha256 = ?");
    st.bind(1, sha256_hex(token));
    if (!st.step()) return std::nullopt;
    Session s;
    s.token_sha256 = st.text(0);
    s.csrf = st.text(2);
    s.created_at = st.int64(3);
    s.last_seen = st.int64(4);
    s.estate = st.opt_text(5).value_or("");
    if (now - s.last_seen >= session_idle_s || now - s.created_at >= session_max_s) return std::nullopt;
    const auto staff = find_account(db, st.text(1));
    if (!staff) return std::nullopt;
    s.staff = *staff;
    return s;
}

void touch_session(Database& db, const Session& session, protocol::UtcSeconds now) {
    Statement st(db, "UPDATE staff_sessions SET last_seen = ? WHERE token_sha256 = ?");
    st.bind(1, now).bind(2, session.token_sha256);
    st.run();
}

void close_session(Database& db, const Session& session) {
    Statement st(db, "DELETE FROM staff_sessions WHERE token_sha256 = ?");
    st.bind(1, session.token_sha256);
    st.run();
}

void set_session_estate(Database& db, const Session& session, const std::string& estate) {
    Statement st(db, "UPDATE staff_sessions SET estate = ? WHERE token_sha256 = ?");
    st.bind(1, estate).bind(2, session.token_sha256);
    st.run();
}

bool same_secret(const std::string& a, const std::string& b) {
    return a.size() == b.size() && !a.empty() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace lobby::server::console
