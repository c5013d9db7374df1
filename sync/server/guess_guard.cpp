// Guess counting for GuessGuard (tables visitor_redeem_guard v5, ticket_code_guard v7).
#include "guess_guard.hpp"

namespace lobby::server {
namespace {

struct GuardRow {
    std::int64_t window_start = 0;
    std::int64_t misses = 0;
    std::optional<protocol::UtcSeconds> locked_until;
};

GuardRow read_row(Database& db, const std::string& table, const std::string& scope) {
    Statement st(db, ("SELECT window_start, misses, locked_until FROM " + table + " WHERE scope = ?").c_str());
    st.bind(1, scope);
    GuardRow g;
    if (st.step()) {
        g.window_start = st.int64(0);
        g.misses = st.int64(1);
        g.locked_until = st.opt_int64(2);
    }
    return g;
}

} // namespace

std::optional<protocol::UtcSeconds> GuessGuard::locked_until(Database& db, const std::string& scope,
                                                             protocol::UtcSeconds now) const {
    const GuardRow g = read_row(db, m_table, scope);
    if (g.locked_until && *g.locked_until > now) return g.locked_until;
    return std::nullopt;
}

void GuessGuard::count_miss(Database& db, const std::string& scope, std::int64_t limit, std::int64_t lock_s,
                            protocol::UtcSeconds now) const {
    GuardRow g = read_row(db, m_table, scope);
    if (now - g.window_start >= m_window_s) {
        g.window_start = now;
        g.misses = 0;
    }
    ++g.misses;
    if (g.misses >= limit) {
        g.locked_until = now + lock_s;
        g.misses = 0;
        g.window_start = now;
    }
    Statement st(db, ("INSERT INTO " + m_table + R"sql( (scope, window_start, misses, locked_until) VALUES (?, ?, ?, ?)
ON CONFLICT (scope) DO UPDATE SET window_start = excluded.window_start, misses = excluded.misses,
                                  locked_until = excluded.locked_until)sql").c_str());
    st.bind(1, scope).bind(2, g.window_start).bind(3, g.misses).bind(4, g.locked_until);
    st.run();
}

} // namespace lobby::server
