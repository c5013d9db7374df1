// Kiosks: each kiosk's health from its heartbeats (last seen, version,
// outbox, disk), an alert for one not seen for a while, its token (rotating
// it, revoking it), and the one-time enrolment codes that let a new kiosk in.
// Every action goes through the same kiosks services as the API.
#include "console/console.hpp"

#include "kiosks/kiosks.hpp"
#include "kiosks/setup.hpp"

#include "protocol/decode.hpp"

namespace lobby::server::console {
namespace {

// A kiosk silent this long is shown as an alert: it is off, offline or stuck.
constexpr protocol::UtcSeconds offline_alert_s = 10 * 60;
constexpr int codes_shown = 30;

std::string who_made(const std::string& created_by) {
    constexpr const char* prefix = "staff:";
    return created_by.rfind(prefix, 0) == 0 ? created_by.substr(6) : created_by;
}

Data code_rows(PageContext& ctx) {
    Data rows{Data::type::list};
    for (const auto& c : kiosks::recent_enrolment_codes(ctx.db, codes_shown)) {
        Data row;
        row.set("kiosk", c.kiosk_id);
        const char* state = c.used_at ? "used" : c.expires_at <= ctx.now ? "expired" : "pending";
        row.set("state", ctx.t(std::string("code_") + state));
        row.set("state_class", state);
        row.set("by", who_made(c.created_by));
        row.set("created", format_time(c.created_at));
        row.set("until", c.used_at ? ctx.t("code_used_at") + " " + format_time(*c.used_at)
                                   : ctx.t("code_valid_until") + " " + format_time(c.expires_at));
        rows.push_back(row);
    }
    return rows;
}

void kiosks_page(PageContext& ctx, const std::string& error = "", int status = 200) {
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
            row.set("rotation_pending", k.rotation_pending);
            if (const auto until = kiosks::old_token_until(ctx.db, k.id, ctx.now))
                row.set("old_token_until", format_time(*until));
            row.set("csrf", ctx.session->csrf);
            rows.push_back(row);
        }
    Data d;
    d.set("kiosks", rows);
    d.set("codes", code_rows(ctx));
    d.set("csrf", ctx.session->csrf);
    d.set("new_kiosk", ctx.field("kiosk_id").substr(0, 64));
    if (!error.empty()) d.set("error", error);
    if (alerts > 0) d.set("alerts", std::to_string(alerts));
    ctx.nav = "kiosks";
    ctx.page("kiosks", d, "title_kiosks", status);
}

// The code is shown on this page once: only its keyed hash is kept.
void make_code(PageContext& ctx) {
    ApiContext api = ctx.api();
    const ApiResponse r = kiosks::create_enrolment_code(api, *ctx.estates,
                                                            protocol::EnrolmentCodeRequest{ctx.field("kiosk_id")});
    if (r.status != 201) {
        const std::string message = r.body["error"].value("message", "");
        return kiosks_page(ctx, ctx.t(message.find("is not a kiosk") != std::string::npos ? "err_kiosk_id_staff"
                                                                                           : "err_kiosk_id"),
                           422);
    }
    const auto made = protocol::decode<protocol::EnrolmentCode>(r.body);
    if (!made) return ctx.message_page("err_kiosk_id", 500);  // our own answer: never
    const protocol::EnrolmentCode& code = made.value();
    ctx.audit("kiosk.enrolment_code", code.kiosk_id, "expires " + protocol::format_utc(code.expires_at));
    Data d;
    d.set("kiosk", code.kiosk_id);
    d.set("code", code.code.substr(0, 4) + " " + code.code.substr(4));
    d.set("expires", format_time(code.expires_at));
    ctx.nav = "kiosks";
    ctx.page("enrolment_code", d, "title_enrolment_code", 201);
}

// Rotating and revoking: the kiosks service acts on the kiosk in the path,
// the audit log says who did it, and the list says it is done.
PageFn kiosk_action(ApiResponse (*service)(ApiContext&, const std::string&), std::string action, std::string done,
                    std::string refused) {
    return [=](PageContext& ctx) {
        const std::string id = ctx.path_id();
        ApiContext api = ctx.api();
        if (service(api, id).status != 200) return ctx.message_page(refused, 404);
        ctx.audit(action, id, "");
        ctx.redirect("/console/kiosks", done);
    };
}

} // namespace

void install_kiosk_pages(Console& console) {
    console.get("/console/kiosks", managers, "kiosks", [](PageContext& ctx) { kiosks_page(ctx); });
    console.post("/console/kiosks/enrolment-codes", managers, make_code);
    // The code's page, opened again (back, a bookmark): the list, not a kiosk of that name.
    console.get("/console/kiosks/enrolment-codes", managers, "kiosks",
                [](PageContext& ctx) { ctx.redirect("/console/kiosks"); });
    console.post(R"(/console/kiosks/([0-9A-Za-z-]{1,64})/rotate)", managers,
                 kiosk_action(kiosks::request_rotation, "kiosk.rotate_token", "rotation_requested",
                              "err_no_live_kiosk"));
    console.post(R"(/console/kiosks/([0-9A-Za-z-]{1,64})/revoke)", managers,
                 kiosk_action(kiosks::revoke_kiosk, "kiosk.revoke", "revoked", "err_no_kiosk"));
    install_kiosk_settings_pages(console);
}

} // namespace lobby::server::console
