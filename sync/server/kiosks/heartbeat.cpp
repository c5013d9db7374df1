// Kiosk heartbeat, and the staff's view of each kiosk's version, outbox and last sync.
#include "kiosks/kiosks.hpp"

namespace lobby::server::kiosks {

ApiResponse record_heartbeat(ApiContext& ctx, const protocol::Heartbeat& req) {
    Statement st(ctx.db, "UPDATE kiosks SET last_seen = ?, version = ?, outbox_size = ?, last_sync = ?, "
                         "storage_full = ? WHERE id = ?");
    st.bind(1, ctx.now).bind(2, req.kiosk_version).bind(3, req.outbox_size).bind(4, req.last_sync);
    st.bind(5, static_cast<std::int64_t>(req.storage_full ? 1 : 0)).bind(6, ctx.caller.kiosk_id);
    st.run();
    protocol::HeartbeatAck ack{ctx.caller.kiosk_id, ctx.now};
    // Asked by staff, or asked again: a kiosk still on its previous token lost the new one.
    Statement rotation(ctx.db, "SELECT rotation_requested_at IS NOT NULL OR previous_token_sha256 = ? FROM kiosks "
                               "WHERE id = ?");
    rotation.bind(1, ctx.caller.token_sha256).bind(2, ctx.caller.kiosk_id);
    ack.rotate_token = rotation.step() && rotation.opt_int64(0).value_or(0) != 0;
    return api_ok(200, ack);
}

namespace {

constexpr const char* status_columns = "SELECT id, revoked, last_seen, version, outbox_size, last_sync, storage_full, "
                                       "rotation_requested_at FROM kiosks WHERE role = 'kiosk'";

protocol::KioskStatus status_of(const Statement& st, protocol::UtcSeconds now) {
    constexpr protocol::UtcSeconds online_window_s = 5 * 60;
    protocol::KioskStatus k;
    k.id = st.text(0);
    k.revoked = st.int64(1) != 0;
    k.last_seen = st.opt_int64(2);
    k.version = st.opt_text(3);
    k.outbox_size = st.opt_int64(4);
    k.last_sync = st.opt_int64(5);
    k.storage_full = st.opt_int64(6).value_or(0) != 0;
    k.rotation_pending = st.opt_int64(7).has_value();
    k.online = !k.revoked && k.last_seen && now - *k.last_seen <= online_window_s;
    return k;
}

} // namespace

ApiResponse list_kiosks(ApiContext& ctx) {
    if (auto refused = require_staff(ctx, "Only office staff can see the kiosks' health.")) return *refused;
    Statement st(ctx.db, (std::string(status_columns) + " ORDER BY id").c_str());
    protocol::KioskList list;
    while (st.step()) list.kiosks.push_back(status_of(st, ctx.now));
    return api_ok(200, list);
}

ApiResponse kiosk_status(ApiContext& ctx, const std::string& kiosk_id) {
    Statement st(ctx.db, (std::string(status_columns) + " AND id = ?").c_str());
    st.bind(1, kiosk_id);
    if (!st.step()) return api_error(404, protocol::error_code::not_found, "Kiosk " + kiosk_id + " does not exist.");
    return api_ok(200, status_of(st, ctx.now));
}

} // namespace lobby::server::kiosks
