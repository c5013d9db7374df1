// Enrolment codes: staff make a one-time 8-digit code for a kiosk id; the
// kiosk at its admin screen exchanges it (once, within 24 h) for its bearer
// token. Codes are stored only as a keyed hash; wrong codes are limited per
// client address and for everyone.
#include "kiosks/setup.hpp"

#include "guess_guard.hpp"
#include "sha256.hpp"

#include "protocol/random.hpp"

namespace lobby::server::kiosks {
namespace {

constexpr const char* code_hash_purpose = "lobby enrolment code";
constexpr const char* everyone = "*";
const GuessGuard enrol_guard("enrolment_guard", enrolment_guard_window_s);

std::string code_hash(Database& db, const std::string& code) { return db.cipher().keyed_hash(code_hash_purpose, code); }

ApiResponse too_many(protocol::UtcSeconds until) {
    ApiResponse r = api_error(429, protocol::error_code::too_many_attempts,
                              "Too many wrong enrolment codes; enrolment is paused until " + protocol::format_utc(until) +
                                  ". Check the code with the property office.");
    r.body["error"]["locked_until"] = protocol::format_utc(until);
    return r;
}

bool is_staff_id(Database& db, const std::string& kiosk_id) {
    Statement st(db, "SELECT 1 FROM kiosks WHERE id = ? AND role <> 'kiosk'");
    st.bind(1, kiosk_id);
    return st.step();
}

bool valid_kiosk_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (const char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

// Claims the code's hash in the directory; false if it is taken (by any
// estate). Never a second connection of the caller's own pool (pool.hpp):
// the home estate's request writes it with its own connection, under the
// home write lock it holds already; on PostgreSQL another estate's request
// writes home's table by its schema name with the connection it holds, in
// its own transaction (the claim and the code commit together or not at
// all). On SQLite another estate's request takes a connection of the home
// file's pool (another pool) and claims in a transaction of its own; its
// code is written after it, so a failed code leaves only a claim nobody
// holds, which expires with the code. (Estate, then home is the only order
// two pools' connections are held in: nothing asks for an estate's
// connection while it holds one of home's.)
bool register_code(Estates& estates, Database& db, const std::string& hash, protocol::UtcSeconds expires_at) {
    const std::string values = " (code_hash, estate_id, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    const auto claim = [&](Database& on, const std::string& table) {
        Statement add(on, ("INSERT INTO " + table + values).c_str());
        add.bind(1, hash).bind(2, db.estate()).bind(3, expires_at);
        add.run();
        return on.changes() == 1;
    };
    if (db.estate() == home_estate) return claim(db, "enrolment_code_estates");
    if (db.is_postgres()) return claim(db, "\"" + estates.home_schema() + "\".enrolment_code_estates");
    auto lease = estates.home().acquire();
    WriteTransaction tx(estates.home(), lease.db());
    const bool claimed = claim(lease.db(), "enrolment_code_estates");
    tx.commit();
    return claimed;
}

ApiResponse enrol_here(Database& db, const std::string& address, const protocol::EnrolRequest& req,
                       protocol::UtcSeconds now);

} // namespace

ApiResponse create_enrolment_code(ApiContext& ctx, Estates& estates, const protocol::EnrolmentCodeRequest& req) {
    if (auto refused = require_staff(ctx, "Only office staff can make enrolment codes.")) return *refused;
    if (!valid_kiosk_id(req.kiosk_id))
        return api_error(422, protocol::error_code::invalid_field,
                         "kiosk_id: lowercase letters, digits and '-' only, at most 64 (e.g. lobby-7).");
    if (is_staff_id(ctx.db, req.kiosk_id))
        return api_error(422, protocol::error_code::invalid_field, "kiosk_id: " + req.kiosk_id + " is not a kiosk.");
    // A new code for the same kiosk replaces any unused one: one live code per kiosk.
    Statement drop(ctx.db, "DELETE FROM enrolment_codes WHERE kiosk_id = ? AND used_at IS NULL");
    drop.bind(1, req.kiosk_id);
    drop.run();
    protocol::EnrolmentCode made;
    made.kiosk_id = req.kiosk_id;
    made.expires_at = ctx.now + enrolment_code_ttl_s;
    for (;;) {  // 10^8 codes and a handful live: a collision is rare, but must not be a shared code
        made.code = protocol::random_digits(protocol::enrolment_code_digits);
        if (!register_code(estates, ctx.db, code_hash(ctx.db, made.code), made.expires_at)) continue;
        Statement add(ctx.db, "INSERT INTO enrolment_codes (code_hash, kiosk_id, created_by, created_at, "
                              "expires_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
        add.bind(1, code_hash(ctx.db, made.code)).bind(2, made.kiosk_id).bind(3, ctx.caller.kiosk_id);
        add.bind(4, ctx.now).bind(5, made.expires_at);
        add.run();
        if (ctx.db.changes() == 1) break;
    }
    return api_ok(201, made);
}

std::vector<EnrolmentCodeRecord> recent_enrolment_codes(Database& db, int limit) {
    Statement st(db, "SELECT kiosk_id, created_by, created_at, expires_at, used_at FROM enrolment_codes "
                     "ORDER BY created_at DESC, kiosk_id LIMIT ?");
    st.bind(1, static_cast<std::int64_t>(limit));
    std::vector<EnrolmentCodeRecord> out;
    while (st.step()) out.push_back({st.text(0), st.text(1), st.int64(2), st.int64(3), st.opt_int64(4)});
    return out;
}

ApiResponse enrol(Estates& estates, const std::string& address, const protocol::EnrolRequest& req,
                  protocol::UtcSeconds now) {
    Pool& home = estates.home();
    std::string estate;
    {
        auto lease = home.acquire();
        Database& db = lease.db();
        WriteTransaction tx(home, db);
        Statement where(db, "SELECT estate_id FROM enrolment_code_estates WHERE code_hash = ?");
        where.bind(1, code_hash(db, req.code));
        estate = where.step() ? where.text(0) : std::string(home_estate);
        where.reset();
        if (estate == home_estate) {
            // Unknown codes too: the guard and the misses are the home database's.
            ApiResponse answer = enrol_here(db, address, req, now);
            tx.commit();  // misses are counted even when the answer is a refusal
            return answer;
        }
        // A locked scope is refused before the code is looked at, whatever its estate.
        for (const std::string& scope : {address, std::string(everyone)})
            if (const auto until = enrol_guard.locked_until(db, scope, now)) return too_many(*until);
        tx.commit();
    }
    Pool* pool = estates.find(estate);
    if (!pool) return api_error(404, protocol::error_code::unknown_code, "This enrolment code is not known to the office.");
    auto lease = pool->acquire();
    WriteTransaction tx(*pool, lease.db());
    ApiResponse answer = enrol_here(lease.db(), address, req, now);
    tx.commit();
    return answer;
}

namespace {

ApiResponse enrol_here(Database& db, const std::string& address, const protocol::EnrolRequest& req,
                       protocol::UtcSeconds now) {
    // A locked scope is refused before the code is looked at.
    for (const std::string& scope : {address, std::string(everyone)})
        if (const auto until = enrol_guard.locked_until(db, scope, now)) return too_many(*until);
    Statement find(db, "SELECT kiosk_id, expires_at, used_at FROM enrolment_codes WHERE code_hash = ?");
    find.bind(1, code_hash(db, req.code));
    if (!find.step()) {
        enrol_guard.count_miss(db, address, enrolment_misses_per_address, enrolment_guard_window_s, now);
        enrol_guard.count_miss(db, everyone, enrolment_misses_global, enrolment_guard_window_s, now);
        return api_error(404, protocol::error_code::unknown_code, "This enrolment code is not known to the office.");
    }
    const std::string kiosk_id = find.text(0);
    if (find.opt_int64(2))
        return api_error(409, protocol::error_code::code_already_used,
                         "This enrolment code was used already; ask the office for a new one.");
    if (find.int64(1) <= now)
        return api_error(410, protocol::error_code::code_expired,
                         "This enrolment code has expired; ask the office for a new one.");
    find.reset();

    Statement used(db, "UPDATE enrolment_codes SET used_at = ? WHERE code_hash = ?");
    used.bind(1, now).bind(2, code_hash(db, req.code));
    used.run();
    protocol::Enrolment out;
    out.kiosk_id = kiosk_id;
    out.token = estate_kiosk_token(db, protocol::random_hex(24));  // 192 bits; only its SHA-256 is kept
    // New or re-enrolled: a fresh token (any old one, and any rotation, end
    // now), not revoked, keyed with the kiosk's own verification key.
    Statement put(db, R"sql(
INSERT INTO kiosks (id, token_sha256, role, revoked, verify_key) VALUES (?1, ?2, 'kiosk', 0, ?3)
ON CONFLICT (id) DO UPDATE SET token_sha256 = ?2, revoked = 0, verify_key = ?3, previous_token_sha256 = NULL,
  previous_token_until = NULL, rotation_requested_at = NULL)sql");
    put.bind(1, kiosk_id).bind(2, sha256_hex(out.token)).bind(3, db.cipher().seal(req.verify_key));
    put.run();
    return api_ok(200, out);
}

} // namespace

} // namespace lobby::server::kiosks
