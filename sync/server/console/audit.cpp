// The audit log (table staff_audit).
#include "console/audit.hpp"

namespace lobby::server::console {
namespace {

// Fields are cut to a bounded size: the log must not grow by what a form sends.
std::string cut(std::string_view s, std::size_t max) {
    if (s.size() <= max) return std::string(s);
    std::size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;  // not inside a UTF-8 character
    return std::string(s.substr(0, end)) + "…";
}

} // namespace

void record_audit(Database& db, const AuditEntry& e) {
    // The estate the action was in: its own log, and named in the row (a
    // company manager's actions across estates read back with their estate).
    Statement st(db, "INSERT INTO staff_audit (at, username, action, target, detail, address, estate) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, e.at).bind(2, cut(e.username, 64)).bind(3, e.action).bind(4, cut(e.target, 128));
    st.bind(5, cut(e.detail, 600)).bind(6, cut(e.address, 64)).bind(7, db.estate());
    st.run();
}

std::vector<AuditEntry> read_audit(Database& db, std::int64_t before_id, int limit,
                                   const std::optional<std::string>& username) {
    Statement st(db, "SELECT id, at, username, action, target, detail, address FROM staff_audit "
                     "WHERE (?1 = 0 OR id < ?1) AND (CAST(?2 AS TEXT) IS NULL OR username = ?2) "
                     "ORDER BY id DESC LIMIT ?3");  // CAST: PostgreSQL cannot type a parameter from IS NULL
    st.bind(1, before_id).bind(2, username).bind(3, limit);
    std::vector<AuditEntry> out;
    while (st.step())
        out.push_back(AuditEntry{st.int64(0), st.int64(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)});
    return out;
}

} // namespace lobby::server::console
