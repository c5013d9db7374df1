// JSON mapping of the notices messages.
#include "protocol/notices.hpp"

#include "protocol/rules.hpp"

namespace lobby::protocol {

void decode_into(const nlohmann::json& j, Notice& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.one_of("kind", out.kind, {"outage", "safety", "event", "fee", "service"});
    r.boolean("urgent", out.urgent);
    r.object("title", out.title);
    r.object("body", out.body);
    r.time("published_at", out.published_at);
    r.time("expires_at", out.expires_at);
}

void to_json(nlohmann::json& j, const Notice& v) {
    j = nlohmann::json{{"id", v.id}, {"kind", v.kind}, {"urgent", v.urgent}, {"title", v.title}, {"body", v.body}};
    put_time(j, "published_at", v.published_at);
    put_time(j, "expires_at", v.expires_at);
}

} // namespace lobby::protocol
