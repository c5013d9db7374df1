// Kiosks: each kiosk's health from its heartbeats (last seen, version,
// outbox, disk), an alert for one not seen for a while, and revoking one.
#include "console/console.hpp"

#include "kiosks/kiosks.hpp"

#include "protocol/decode.hpp"

namespace lobby::server::console {
namespace {

// A kiosk silent this long is shown as an alert: it is off, offline or stuck.
constexpr protocol::UtcSeconds offline_alert_s = 10 * 60;

void kiosks_page(PageContext& ctx) {
    ApiContext api = ctx.api();
    const auto list = protocol::decode<protocol::KioskList>(kiosks::list_kiosks(api).body);
    Data rows{Data::type::list};
    int alerts = 0;
    if (list)
        for (const auto& k : list.value().kiosks) {
            Data row;
            row.set("id", k.id);
            row.set("revoked", k.revoked);
            row.set("online", k.online);
            const bool silent = !k.revoked && (!k.last_seen || ctx.now - *k.last_seen >= offline_alert_s);
            alerts += silent ? 1 : 0;
            row.set("alert", silent);
            row.set("last_seen", k.last_seen ? format_time(*k.last_seen) + " (" + format_age(ctx.now - *k.last_seen, ctx) + ")"
                                             : ctx.t("never"));
            row.set("version", k.version.value_or("–"));
            row.set("outbox", k.outbox_size ? std::to_string(*k.outbox_size) : "–");
            row.set("last_sync", k.last_sync ? format_time(*k.last_sync) : "–");
            row.set("storage_full", k.storage_full);
            row.set("csrf", ctx.session->csrf);
            rows.push_back(row);
        }
    Data d;
    d.set("kiosks", rows);
    if (alerts > 0) d.set("alerts", std::to_string(alerts));
    ctx.page("kiosks", d, "title_kiosks");
}

void revoke(PageContext& ctx) {
    const std::string id = ctx.path_id();
    ApiContext api = ctx.api();
    if (kiosks::revoke_kiosk(api, id).status != 200) return ctx.message_page("err_no_kiosk", 404);
    ctx.audit("kiosk.revoke", id, "");
    ctx.redirect("/console/kiosks", "revoked");
}

} // namespace

void install_kiosk_pages(Console& console) {
    console.get("/console/kiosks", managers, "kiosks", kiosks_page);
    console.post(R"(/console/kiosks/([0-9A-Za-z-]{1,64})/revoke)", managers, revoke);
}

} // namespace lobby::server::console
