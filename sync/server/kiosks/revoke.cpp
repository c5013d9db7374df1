// Staff revoke a kiosk's token (a stolen kiosk or disk): its next request
// gets 401. Enrolling the kiosk again (office-server --enrol-kiosk) gives it
// a new token and key.
#include "kiosks/kiosks.hpp"

namespace lobby::server::kiosks {

ApiResponse revoke_kiosk(ApiContext& ctx, const std::string& kiosk_id) {
    if (auto refused = require_staff(ctx, "Only office staff can revoke a kiosk.")) return *refused;
    // Only kiosk tokens: staff accounts are not revoked from here.
    Statement st(ctx.db, "UPDATE kiosks SET revoked = 1 WHERE id = ? AND role = 'kiosk'");
    st.bind(1, kiosk_id);
    st.run();
    if (ctx.db.changes() == 0)
        return api_error(404, protocol::error_code::not_found, "Kiosk " + kiosk_id + " does not exist.");
    return kiosk_status(ctx, kiosk_id);
}

} // namespace lobby::server::kiosks
