// JSON mapping of the pull feed page.
#include "protocol/changes.hpp"

namespace lobby::protocol {

void decode_into(const nlohmann::json& j, Change& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.integer("seq", out.seq, 1, INT64_MAX);
    r.text("collection", out.collection, TextRule{1, 64, false});
    r.text("key", out.key, TextRule{1, 128, false});
    r.boolean("deleted", out.deleted, false);
    // A tombstone carries no data; a live record must.
    if (r.ok() && !out.deleted) r.any_object("data", out.data);
}

void to_json(nlohmann::json& j, const Change& v) {
    j = nlohmann::json{{"seq", v.seq}, {"collection", v.collection}, {"key", v.key}, {"deleted", v.deleted}};
    if (!v.deleted) j["data"] = v.data;
}

void decode_into(const nlohmann::json& j, ChangesPage& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.array("changes", out.changes, static_cast<std::size_t>(changes_max_limit));
    r.integer("next_since", out.next_since, 0, INT64_MAX);
    r.boolean("has_more", out.has_more);
}

void to_json(nlohmann::json& j, const ChangesPage& v) {
    j = nlohmann::json{{"changes", v.changes}, {"next_since", v.next_since}, {"has_more", v.has_more}};
}

} // namespace lobby::protocol
