// Token rotation: staff ask for it; the kiosk learns it from its next
// heartbeat answer and fetches its new token with the old one. The old token
// keeps working for token_grace_s after that, so requests already on their
// way, and a fetch whose answer was lost, still go through.
#include "kiosks/kiosks.hpp"
#include "kiosks/setup.hpp"

#include "estates.hpp"

#include "sha256.hpp"

#include "protocol/random.hpp"

namespace lobby::server::kiosks {

ApiResponse request_rotation(ApiContext& ctx, const std::string& kiosk_id) {
    if (auto refused = require_staff(ctx, "Only office staff can rotate a kiosk's token.")) return *refused;
    Statement st(ctx.db, "UPDATE kiosks SET rotation_requested_at = COALESCE(rotation_requested_at, ?) "
                         "WHERE id = ? AND role = 'kiosk' AND revoked = 0");
    st.bind(1, ctx.now).bind(2, kiosk_id);
    st.run();
    if (ctx.db.changes() == 0)
        return api_error(404, protocol::error_code::not_found,
                         "Kiosk " + kiosk_id + " does not exist or is revoked (enrol it again instead).");
    return kiosk_status(ctx, kiosk_id);
}

std::optional<protocol::UtcSeconds> old_token_until(Database& db, const std::string& kiosk_id,
                                                    protocol::UtcSeconds now) {
    Statement st(db, "SELECT previous_token_until FROM kiosks WHERE id = ? AND previous_token_until > ?");
    st.bind(1, kiosk_id).bind(2, now);
    if (!st.step()) return std::nullopt;
    return st.int64(0);
}

ApiResponse fetch_rotated_token(ApiContext& ctx) {
    if (ctx.caller.role != "kiosk")
        return api_error(403, protocol::error_code::forbidden, "Only a kiosk fetches its own token.");
    // Allowed while a rotation is asked for, and again during the grace
    // (the caller then holds the previous token: its last answer was lost).
    Statement st(ctx.db, "SELECT token_sha256, rotation_requested_at, previous_token_sha256, previous_token_until "
                         "FROM kiosks WHERE id = ?");
    st.bind(1, ctx.caller.kiosk_id);
    st.step();
    const std::string current = st.text(0);
    const bool requested = st.opt_int64(1).has_value();
    const std::optional<std::string> previous = st.opt_text(2);
    const std::int64_t previous_until = st.opt_int64(3).value_or(0);
    st.reset();
    const bool retry_in_grace = previous && previous_until > ctx.now && ctx.caller.token_sha256 == *previous;
    if (!requested && !retry_in_grace)
        return api_error(409, protocol::error_code::no_rotation_pending,
                         "The office has not asked this kiosk for a new token.");

    protocol::TokenRotation out;
    out.token = estate_kiosk_token(ctx.db, protocol::random_hex(24));
    // A retry in grace keeps the first previous token and its deadline; a
    // new rotation makes the current token the previous one.
    const std::string kept_previous = retry_in_grace ? *previous : current;
    out.old_token_until = retry_in_grace ? previous_until : ctx.now + token_grace_s;
    Statement put(ctx.db, "UPDATE kiosks SET token_sha256 = ?, previous_token_sha256 = ?, previous_token_until = ?, "
                          "rotation_requested_at = NULL WHERE id = ?");
    put.bind(1, sha256_hex(out.token)).bind(2, kept_previous).bind(3, out.old_token_until).bind(4, ctx.caller.kiosk_id);
    put.run();
    return api_ok(200, out);
}

} // namespace lobby::server::kiosks
