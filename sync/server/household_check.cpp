// The household check (the two layers of limits on wrong digits) and
// POST /v1/households/verify.
#include "household_check.hpp"

#include "estate.hpp"
#include "verification.hpp"

#include <algorithm>

namespace lobby::server {
namespace {


bool phone_matches(Database& db, const std::string& unit_id, const std::string& last4) {
    // Phones are sealed at rest: each resident's is opened and compared here.
    Statement st(db, "SELECT phone FROM residents WHERE unit_id = ?");
    st.bind(1, unit_id);
    bool found = false;
    while (st.step()) found = last4_of(db.cipher().open(st.text(0))) == last4 || found;
    return found;
}

std::optional<protocol::UtcSeconds> unit_locked_until(Database& db, const std::string& unit_id,
                                                      protocol::UtcSeconds now) {
    Statement st(db, "SELECT locked_until FROM fee_lookup_guard WHERE unit_id = ? AND locked_until > ?");
    st.bind(1, unit_id).bind(2, now);
    if (!st.step()) return std::nullopt;
    return st.int64(0);
}

void lock_unit(Database& db, const std::string& unit_id, protocol::UtcSeconds until) {
    Statement st(db, R"sql(
INSERT INTO fee_lookup_guard (unit_id, failures, locked_until) VALUES (?, 0, ?)
ON CONFLICT (unit_id) DO UPDATE SET failures = 0, locked_until = excluded.locked_until)sql");
    st.bind(1, unit_id).bind(2, until);
    st.run();
}

// One person's session at one kiosk, for one unit.
struct SessionKey {
    std::string kiosk_id, session_id, unit_id;
};

SessionKey session_key(const ApiContext& ctx, const HouseholdClaim& req) {
    // Without a session id all of the kiosk's lookups count as one session.
    return SessionKey{ctx.caller.kiosk_id, req.session_id.value_or(""), req.unit_id};
}

struct SessionTries {
    std::int64_t failures = 0;
    std::optional<protocol::UtcSeconds> retry_at;
};

SessionTries read_session(Database& db, const SessionKey& key) {
    Statement st(db, "SELECT failures, retry_at FROM fee_session_tries WHERE kiosk_id = ? AND session_id = ? AND unit_id = ?");
    st.bind(1, key.kiosk_id).bind(2, key.session_id).bind(3, key.unit_id);
    SessionTries tries;
    if (st.step()) {
        tries.failures = st.int64(0);
        tries.retry_at = st.opt_int64(1);
    }
    return tries;
}

void save_session(Database& db, const SessionKey& key, const SessionTries& tries, protocol::UtcSeconds now) {
    Statement st(db, R"sql(
INSERT INTO fee_session_tries (kiosk_id, session_id, unit_id, failures, retry_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (kiosk_id, session_id, unit_id) DO UPDATE SET failures = excluded.failures, retry_at = excluded.retry_at,
  updated_at = excluded.updated_at)sql");
    st.bind(1, key.kiosk_id).bind(2, key.session_id).bind(3, key.unit_id).bind(4, tries.failures);
    st.bind(5, tries.retry_at).bind(6, now);
    st.run();
}

void forget_session(Database& db, const SessionKey& key) {
    Statement st(db, "DELETE FROM fee_session_tries WHERE kiosk_id = ? AND session_id = ? AND unit_id = ?");
    st.bind(1, key.kiosk_id).bind(2, key.session_id).bind(3, key.unit_id);
    st.run();
}

// Counts one wrong try against the unit; returns the wrong tries within the window.
std::int64_t count_wrong_try(ApiContext& ctx, const SessionKey& key) {
    const protocol::UtcSeconds window_start = ctx.now - ctx.config.lockout_window_seconds;
    Statement purge(ctx.db, "DELETE FROM fee_wrong_tries WHERE at <= ?");
    purge.bind(1, window_start);
    purge.run();
    Statement purge_sessions(ctx.db, "DELETE FROM fee_session_tries WHERE updated_at <= ? AND (retry_at IS NULL OR retry_at <= ?)");
    purge_sessions.bind(1, window_start).bind(2, ctx.now);
    purge_sessions.run();
    Statement add(ctx.db, "INSERT INTO fee_wrong_tries (unit_id, at, kiosk_id, session_id) VALUES (?, ?, ?, ?)");
    add.bind(1, key.unit_id).bind(2, ctx.now).bind(3, key.kiosk_id).bind(4, key.session_id);
    add.run();
    Statement count(ctx.db, "SELECT COUNT(*) FROM fee_wrong_tries WHERE unit_id = ? AND at > ?");
    count.bind(1, key.unit_id).bind(2, window_start);
    count.step();
    return count.int64(0);
}

// The wait after the n-th wrong try of a session: none for the free tries,
// then lookup_delay_seconds, doubling, at most the window (so one session
// alone never gets lockout_failures tries into one window).
std::optional<protocol::UtcSeconds> retry_after_failures(const ApiContext& ctx, std::int64_t failures) {
    const std::int64_t over = failures - ctx.config.lookup_free_tries;
    if (over < 0) return std::nullopt;
    const std::int64_t doubled = ctx.config.lookup_delay_seconds << std::min<std::int64_t>(over, 20);
    return ctx.now + std::min(doubled, std::max(ctx.config.lookup_delay_seconds, ctx.config.lockout_window_seconds));
}

ApiResponse locked(const std::string& unit_id, protocol::UtcSeconds until) {
    ApiResponse r = api_error(423, protocol::error_code::unit_locked,
                              "Unit " + unit_id + " is locked after too many wrong phone numbers; try again after " +
                                  protocol::format_utc(until) + " or ask the property office.");
    r.body["error"]["locked_until"] = protocol::format_utc(until);
    return r;
}

ApiResponse session_waits(const std::string& unit_id, protocol::UtcSeconds until) {
    ApiResponse r = api_error(429, protocol::error_code::too_many_attempts,
                              "Too many wrong phone numbers for unit " + unit_id +
                                  " in this session; the next try is possible after " + protocol::format_utc(until) +
                                  ".");
    r.body["error"]["locked_until"] = protocol::format_utc(until);
    return r;
}

ApiResponse unknown_unit(const std::string& unit_id) {
    return api_error(404, protocol::error_code::unknown_unit, "Unit " + unit_id + " does not exist.");
}

// The unit's lock, then this session's wait: answered before the digits are
// looked at, so a waiting guesser learns nothing.
std::optional<ApiResponse> refusal_before_digits(ApiContext& ctx, const HouseholdClaim& req,
                                                 const SessionTries& tries) {
    if (const auto until = unit_locked_until(ctx.db, req.unit_id, ctx.now)) return locked(req.unit_id, *until);
    if (tries.retry_at && *tries.retry_at > ctx.now) return session_waits(req.unit_id, *tries.retry_at);
    return std::nullopt;
}

HouseholdClaim claim_of(const protocol::HouseholdVerifyRequest& req) {
    return HouseholdClaim{req.unit_id, req.phone_last4, req.session_id};
}

} // namespace

std::optional<ApiResponse> household_refusal_read_only(ApiContext& ctx, const HouseholdClaim& req) {
    if (!find_unit(ctx.db, req.unit_id)) return unknown_unit(req.unit_id);
    return refusal_before_digits(ctx, req, read_session(ctx.db, session_key(ctx, req)));
}

std::variant<protocol::Unit, ApiResponse> check_household(ApiContext& ctx, const HouseholdClaim& req) {
    const auto unit = find_unit(ctx.db, req.unit_id);
    if (!unit) return unknown_unit(req.unit_id);
    const SessionKey key = session_key(ctx, req);
    SessionTries tries = read_session(ctx.db, key);
    if (auto refusal = refusal_before_digits(ctx, req, tries)) return *refusal;

    if (!phone_matches(ctx.db, req.unit_id, req.phone_last4)) {
        if (count_wrong_try(ctx, key) >= ctx.config.lockout_failures) {
            // Wrong tries from several sessions (one session's waits cannot
            // get there): the unit locks everywhere, and the count restarts.
            const protocol::UtcSeconds until = ctx.now + ctx.config.lockout_seconds;
            lock_unit(ctx.db, req.unit_id, until);
            Statement clear(ctx.db, "DELETE FROM fee_wrong_tries WHERE unit_id = ?");
            clear.bind(1, req.unit_id);
            clear.run();
            return locked(req.unit_id, until);
        }
        ++tries.failures;
        tries.retry_at = retry_after_failures(ctx, tries.failures);
        save_session(ctx.db, key, tries, ctx.now);
        ApiResponse r = api_error(403, protocol::error_code::phone_mismatch,
                                  "The last four digits do not match a phone number on file for unit " + req.unit_id +
                                      ".");
        r.body["error"]["attempts_left"] = std::max<std::int64_t>(0, ctx.config.lookup_free_tries - tries.failures);
        if (tries.retry_at) r.body["error"]["locked_until"] = protocol::format_utc(*tries.retry_at);
        return r;
    }
    // The household is here: its count starts again; other people's
    // sessions keep their own waits.
    if (tries.failures != 0) forget_session(ctx.db, key);
    Statement clear(ctx.db, "DELETE FROM fee_wrong_tries WHERE unit_id = ?");
    clear.bind(1, req.unit_id);
    clear.run();
    return *unit;
}

std::optional<ApiResponse> verify_household_read_only(ApiContext& ctx, const protocol::HouseholdVerifyRequest& req) {
    return household_refusal_read_only(ctx, claim_of(req));
}

ApiResponse verify_household(ApiContext& ctx, const protocol::HouseholdVerifyRequest& req) {
    auto checked = check_household(ctx, claim_of(req));
    if (auto* refusal = std::get_if<ApiResponse>(&checked)) return *refusal;
    const protocol::Unit& unit = std::get<protocol::Unit>(checked);
    protocol::HouseholdVerification result;
    result.unit_id = unit.id;
    result.owner_masked = unit.owner_masked;
    result.verification_token = issue_unit_verification(ctx, unit.id);
    result.expires_at = ctx.now + ctx.config.verification_ttl_seconds;  // its online window (payment orders, ticket reads)
    return api_ok(200, result);
}

} // namespace lobby::server
