// The office's watchlist of phones and plates, and the alerts staff see
// (a watched walk-in, a code used at two kiosks while they were offline).
#include "visitors/visitors.hpp"

namespace lobby::server::visitors {

ApiResponse add_to_watchlist(ApiContext& ctx, const protocol::WatchlistEntry& req) {
    if (auto refused = require_staff(ctx, "Only office staff keep the watchlist.")) return *refused;
    // Sealed like every phone at rest; the list is short, so matching opens each.
    Statement st(ctx.db, "INSERT INTO visitor_watchlist (phone, car_plate, note, created_by, created_at) "
                         "VALUES (?, ?, ?, ?, ?)");
    st.bind(1, ctx.db.cipher().seal_optional(req.phone)).bind(2, ctx.db.cipher().seal_optional(req.car_plate));
    st.bind(3, req.note).bind(4, ctx.caller.kiosk_id).bind(5, ctx.now);
    st.run();
    return api_ok(201, req);
}

bool on_watchlist(Database& db, const std::optional<std::string>& phone, const std::optional<std::string>& plate) {
    Statement st(db, "SELECT phone, car_plate FROM visitor_watchlist");
    while (st.step()) {
        if (phone && !st.is_null(0) && db.cipher().open(st.text(0)) == *phone) return true;
        if (plate && !st.is_null(1) && db.cipher().open(st.text(1)) == *plate) return true;
    }
    return false;
}

void alert_staff(ApiContext& ctx, const char* kind, const std::string& pass_id, const std::string& unit_id) {
    Statement st(ctx.db, "INSERT INTO visitor_alerts (kind, pass_id, unit_id, kiosk_id, created_at) VALUES (?, ?, ?, ?, ?)");
    st.bind(1, kind).bind(2, pass_id).bind(3, unit_id).bind(4, ctx.caller.kiosk_id).bind(5, ctx.now);
    st.run();
}

ApiResponse list_alerts(ApiContext& ctx) {
    if (auto refused = require_staff(ctx, "Only office staff see visitor alerts.")) return *refused;
    Statement st(ctx.db, "SELECT id, kind, pass_id, unit_id, kiosk_id, created_at FROM visitor_alerts "
                         "ORDER BY id DESC LIMIT 1000");
    protocol::VisitorAlertList list;
    while (st.step())
        list.alerts.push_back({st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.int64(5)});
    return api_ok(200, list);
}

} // namespace lobby::server::visitors
