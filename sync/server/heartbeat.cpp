// Kiosk heartbeat: the office sees each kiosk's version, outbox and last sync.
#include "services.hpp"

namespace lobby::server {

ApiResponse record_heartbeat(ApiContext& ctx, const protocol::Heartbeat& req) {
    Statement st(ctx.db, "UPDATE kiosks SET last_seen = ?, version = ?, outbox_size = ?, last_sync = ? WHERE id = ?");
    st.bind(1, ctx.now).bind(2, req.kiosk_version).bind(3, req.outbox_size).bind(4, req.last_sync);
    st.bind(5, ctx.caller.kiosk_id);
    st.run();
    return api_ok(200, protocol::HeartbeatAck{ctx.caller.kiosk_id, ctx.now});
}

} // namespace lobby::server
