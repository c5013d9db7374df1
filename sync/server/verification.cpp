// Verification tokens in fee_verifications (schema v4; issued_at since v7).
#include "verification.hpp"

#include "sha256.hpp"

#include "protocol/random.hpp"

#include <algorithm>

namespace lobby::server {
namespace {

std::int64_t window_of(const ServerConfig& config, VerificationUse use) {
    return use == VerificationUse::online ? config.verification_ttl_seconds
                                          : config.submission_verification_ttl_seconds;
}

} // namespace

std::string issue_unit_verification(ApiContext& ctx, const std::string& unit_id) {
    Statement purge(ctx.db, "DELETE FROM fee_verifications WHERE expires_at <= ?");
    purge.bind(1, ctx.now);
    purge.run();
    const std::string token = protocol::random_hex(16);  // 128 bits
    // The row lives as long as its longest use; each use checks its own window.
    const std::int64_t keep_s = std::max(window_of(ctx.config, VerificationUse::online),
                                         window_of(ctx.config, VerificationUse::submitted));
    Statement ins(ctx.db, R"sql(
INSERT INTO fee_verifications (token_hash, kiosk_id, unit_id, issued_at, expires_at) VALUES (?, ?, ?, ?, ?))sql");
    ins.bind(1, sha256_hex(token)).bind(2, ctx.caller.kiosk_id).bind(3, unit_id).bind(4, ctx.now);
    ins.bind(5, ctx.now + keep_s);
    ins.run();
    return token;
}

bool unit_verified(ApiContext& ctx, const std::optional<std::string>& token, const std::string& unit_id,
                   VerificationUse use) {
    if (!token) return false;
    Statement st(ctx.db, R"sql(
SELECT 1 FROM fee_verifications
WHERE token_hash = ? AND kiosk_id = ? AND unit_id = ? AND issued_at > ? AND expires_at > ?)sql");
    st.bind(1, sha256_hex(*token)).bind(2, ctx.caller.kiosk_id).bind(3, unit_id);
    st.bind(4, ctx.now - window_of(ctx.config, use)).bind(5, ctx.now);
    return st.step();
}

VerificationStanding verification_standing(ApiContext& ctx, const std::string& token, const std::string& unit_id,
                                           VerificationUse use) {
    Statement st(ctx.db, "SELECT unit_id, issued_at, expires_at FROM fee_verifications WHERE token_hash = ? AND kiosk_id = ?");
    st.bind(1, sha256_hex(token)).bind(2, ctx.caller.kiosk_id);
    if (!st.step()) return VerificationStanding::unknown;
    // Another unit's token never opens this one, fresh or not.
    if (st.text(0) != unit_id) return VerificationStanding::other_unit;
    if (st.int64(1) <= ctx.now - window_of(ctx.config, use) || st.int64(2) <= ctx.now) return VerificationStanding::expired;
    return VerificationStanding::valid;
}

} // namespace lobby::server
