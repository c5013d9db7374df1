// JSON mapping of the notices messages.
#include "protocol/notices.hpp"

#include "protocol/rules.hpp"

namespace lobby::protocol {
namespace {

// base64 of notice_image_max_bytes, with room for line ends some encoders add.
constexpr TextRule base64_rule{4, (notice_image_max_bytes / 3 + 1) * 4 + 1024, false};

} // namespace

void decode_into(const nlohmann::json& j, Notice& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.one_of("kind", out.kind, {"outage", "safety", "event", "fee", "service"});
    r.boolean("urgent", out.urgent);
    r.object("title", out.title);
    r.object("body", out.body);
    r.time("published_at", out.published_at);
    r.time("expires_at", out.expires_at);
    // Older notices (and older servers) have no pictures.
    if (j.is_object() && j.contains("images"))
        r.text_array("images", out.images, notice_images_max, id_rule);
}

void to_json(nlohmann::json& j, const Notice& v) {
    j = nlohmann::json{{"id", v.id}, {"kind", v.kind}, {"urgent", v.urgent}, {"title", v.title}, {"body", v.body}};
    put_time(j, "published_at", v.published_at);
    put_time(j, "expires_at", v.expires_at);
    if (!v.images.empty())
        j["images"] = v.images;
}

void decode_into(const nlohmann::json& j, NoticeImageUpload& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.one_of("content_type", out.content_type, {"image/png", "image/jpeg"});
    r.text("data_base64", out.data_base64, base64_rule);
}

void to_json(nlohmann::json& j, const NoticeImageUpload& v) {
    j = nlohmann::json{{"id", v.id}, {"content_type", v.content_type}, {"data_base64", v.data_base64}};
}

void decode_into(const nlohmann::json& j, NoticeImageInfo& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.one_of("content_type", out.content_type, {"image/png", "image/jpeg"});
    r.integer("bytes", out.bytes, 1, static_cast<std::int64_t>(notice_image_max_bytes));
}

void to_json(nlohmann::json& j, const NoticeImageInfo& v) {
    j = nlohmann::json{{"id", v.id}, {"content_type", v.content_type}, {"bytes", v.bytes}};
}

void decode_into(const nlohmann::json& j, NoticeUnpublished& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.boolean("deleted", out.deleted);
}

void to_json(nlohmann::json& j, const NoticeUnpublished& v) {
    j = nlohmann::json{{"id", v.id}, {"deleted", v.deleted}};
}

std::string sniff_image_type(std::string_view bytes) {
    if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8))
        return "image/png";
    if (bytes.size() >= 3 && bytes.substr(0, 3) == std::string_view("\xff\xd8\xff", 3))
        return "image/jpeg";
    return "";
}

} // namespace lobby::protocol
