// Notices: write one in Markdown, preview it, publish it with its kind,
// urgency and validity (through the notices service, into the feed), and
// unpublish one (the service turns a notice that has expired into a tombstone).
#include "console/console.hpp"

#include "console/feed_records.hpp"
#include "console/markdown.hpp"
#include "feed.hpp"
#include "notices/notices.hpp"

#include "protocol/changes.hpp"
#include "protocol/decode.hpp"
#include "protocol/random.hpp"
#include "protocol/text.hpp"

namespace lobby::server::console {
namespace {

const char* const kinds[] = {"outage", "safety", "event", "fee", "service"};
constexpr std::size_t max_title_chars = 60;
constexpr std::size_t max_body_chars = 4000;

struct Draft {
    std::string kind, title_zh, title_en, body_zh, body_en, expires;
    bool urgent = false;
};

Draft draft_of(const PageContext& ctx) {
    return Draft{ctx.field("kind"),    ctx.field("title_zh"), ctx.field("title_en"),
                 ctx.field("body_zh"), ctx.field("body_en"),  ctx.field("expires"),
                 ctx.field("urgent") == "1"};
}

void notices_page(PageContext& ctx, const Draft& draft, const std::string& error, bool preview, int status) {
    Data d;
    d.set("csrf", ctx.session->csrf);
    Data list{Data::type::list};
    for (const auto& json : live_records(ctx.db, protocol::collection::notices, 200)) {
        const auto n = protocol::decode<protocol::Notice>(json);
        // An expired notice is still live in the feed until the next pull turns it into a tombstone.
        if (!n || (n.value().expires_at && *n.value().expires_at <= ctx.now)) continue;
        Data row;
        row.set("id", n.value().id);
        row.set("title", localized(n.value().title, ctx.lang));
        row.set("kind", ctx.t("kind_" + n.value().kind));
        row.set("urgent", n.value().urgent);
        row.set("published", format_time(n.value().published_at));
        row.set("expires", n.value().expires_at ? format_time(*n.value().expires_at) : ctx.t("no_expiry"));
        list.push_back(row);
    }
    d.set("notices", list);
    Data kind_options{Data::type::list};
    for (const char* k : kinds) {
        Data o;
        o.set("value", k);
        o.set("label", ctx.t(std::string("kind_") + k));
        o.set("selected", draft.kind == k);
        kind_options.push_back(o);
    }
    d.set("kinds", kind_options);
    d.set("title_zh", draft.title_zh);
    d.set("title_en", draft.title_en);
    d.set("body_zh", draft.body_zh);
    d.set("body_en", draft.body_en);
    d.set("expires", draft.expires);
    d.set("urgent", draft.urgent);
    if (preview) {
        d.set("preview", true);
        d.set("preview_title", draft.title_zh);
        d.set("preview_html", markdown_to_html(draft.body_zh));  // cmark's safe mode: escaped, no raw HTML
    }
    if (!error.empty()) d.set("error", error);
    ctx.page("notices", d, "title_notices", status);
}

bool within(const std::string& text, std::size_t min, std::size_t max) {
    const auto n = protocol::utf8_length(text);
    return n && *n >= min && *n <= max;
}

void publish(PageContext& ctx) {
    const Draft draft = draft_of(ctx);
    if (!within(draft.title_zh, 1, max_title_chars) || !within(draft.title_en, 0, max_title_chars))
        return notices_page(ctx, draft, ctx.t("err_notice_title"), false, 422);
    if (!within(draft.body_zh, 1, max_body_chars) || !within(draft.body_en, 0, max_body_chars))
        return notices_page(ctx, draft, ctx.t("err_notice_body"), false, 422);
    std::optional<protocol::UtcSeconds> expires;
    if (!draft.expires.empty()) {
        const auto day = protocol::parse_date_shanghai(draft.expires);
        // Valid through the whole chosen day, China time.
        if (!day || *day + 86400 <= ctx.now) return notices_page(ctx, draft, ctx.t("err_notice_expiry"), false, 422);
        expires = *day + 86400;
    }
    nlohmann::json notice = {{"id", "N-" + protocol::random_hex(6)},
                             {"kind", draft.kind},
                             {"urgent", draft.urgent},
                             {"title", {{"zh-CN", draft.title_zh}}},
                             {"body", {{"zh-CN", draft.body_zh}}},
                             {"published_at", protocol::format_utc(ctx.now)}};
    if (!draft.title_en.empty()) notice["title"]["en"] = draft.title_en;
    if (!draft.body_en.empty()) notice["body"]["en"] = draft.body_en;
    if (expires) notice["expires_at"] = protocol::format_utc(*expires);
    const auto decoded = protocol::decode<protocol::Notice>(notice);
    if (!decoded) return notices_page(ctx, draft, ctx.t("err_notice_kind"), false, 422);
    ApiContext api = ctx.api();
    const ApiResponse r = notices::publish_notice(api, decoded.value());
    if (r.status != 201) return notices_page(ctx, draft, ctx.t("err_notice_refused"), false, r.status);
    ctx.audit("notice.publish", decoded.value().id, draft.title_zh);
    ctx.redirect("/console/notices", "published");
}

void unpublish(PageContext& ctx) {
    const std::string id = ctx.path_id();
    const auto record = load_record(ctx.db, protocol::collection::notices, id);
    if (!record) return ctx.message_page("err_no_notice", 404);
    const auto notice = protocol::decode<protocol::Notice>(*record);
    if (!notice) return ctx.message_page("err_no_notice", 404);
    protocol::Notice ended = notice.value();
    // Expired now: the service publishes the tombstone, kiosks drop it at their next pull.
    ended.expires_at = std::max(ctx.now, ended.published_at + 1);
    ApiContext api = ctx.api();
    api.now = *ended.expires_at;
    notices::publish_notice(api, ended);
    ctx.audit("notice.unpublish", id, localized(ended.title, Lang::zh_cn));
    ctx.redirect("/console/notices", "unpublished");
}

} // namespace

void install_notice_pages(Console& console) {
    console.get("/console/notices", office, "notices", [](PageContext& ctx) { notices_page(ctx, Draft{}, "", false, 200); });
    console.post("/console/notices/preview", office, [](PageContext& ctx) {
        ctx.nav = "notices";
        notices_page(ctx, draft_of(ctx), "", true, 200);
    });
    console.post("/console/notices", office, publish);
    console.post(R"(/console/notices/(N-[0-9A-Za-z-]{1,40})/unpublish)", office, unpublish);
}

} // namespace lobby::server::console
