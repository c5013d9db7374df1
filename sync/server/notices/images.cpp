// Notice pictures: staff upload PNG or JPEG (base64 in JSON, size-limited,
// the bytes must be the type they claim); kiosks fetch the bytes by id.
#include "notices/notices.hpp"

#include "router.hpp"

#include <sodium.h>

namespace lobby::server::notices {
namespace {

// Stored as the base64 text that arrived (checked), decoded when served.
std::optional<std::string> decode_base64(const std::string& text) {
    std::string out(text.size() / 4 * 3 + 3, '\0');
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), " \r\n",
                          &length, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size())
        return std::nullopt;
    out.resize(length);
    return out;
}

std::string encode_base64(const std::string& bytes) {
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

// Why these bytes cannot be a picture of this type; empty when they can.
std::string refusal_for(const std::string& content_type, const std::string& bytes) {
    if (bytes.empty())
        return "Field 'data_base64' holds no bytes.";
    if (bytes.size() > protocol::notice_image_max_bytes)
        return "The picture is " + std::to_string(bytes.size()) + " bytes; at most " +
               std::to_string(protocol::notice_image_max_bytes) + " are accepted.";
    if (protocol::sniff_image_type(bytes) != content_type)
        return "Field 'data_base64' is not a " + content_type + " picture (its first bytes say otherwise).";
    return {};
}

void save(Database& db, const std::string& id, const std::string& content_type, const std::string& base64,
          std::int64_t bytes, protocol::UtcSeconds now) {
    Statement upsert(db, R"sql(
        INSERT INTO notice_images(id, content_type, data_base64, bytes, created_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET content_type = excluded.content_type, data_base64 = excluded.data_base64,
                                      bytes = excluded.bytes, created_at = excluded.created_at)sql");
    upsert.bind(1, id).bind(2, content_type).bind(3, base64).bind(4, bytes).bind(5, now);
    upsert.run();
}

} // namespace

ApiResponse upload_image(ApiContext& ctx, const protocol::NoticeImageUpload& upload) {
    if (auto refused = require_staff(ctx, "Only office staff can upload notice pictures.")) return *refused;
    const auto bytes = decode_base64(upload.data_base64);
    if (!bytes)
        return api_error(422, protocol::error_code::invalid_field, "Field 'data_base64' is not valid base64.");
    if (bytes->size() > protocol::notice_image_max_bytes)
        return api_error(413, protocol::error_code::payload_too_large, refusal_for(upload.content_type, *bytes));
    if (const std::string why = refusal_for(upload.content_type, *bytes); !why.empty())
        return api_error(422, protocol::error_code::invalid_field, why);
    // Kept as the caller sent it: a picture replaced under the same id is
    // fetched again by kiosks only when a notice names a new id, so staff
    // give a changed picture a new id.
    save(ctx.db, upload.id, upload.content_type, upload.data_base64, static_cast<std::int64_t>(bytes->size()), ctx.now);
    return api_ok(201, protocol::NoticeImageInfo{upload.id, upload.content_type, static_cast<std::int64_t>(bytes->size())});
}

bool image_exists(Database& db, const std::string& id) {
    Statement query(db, "SELECT 1 FROM notice_images WHERE id = ?");
    query.bind(1, id);
    return query.step();
}

void store_image(Database& db, const std::string& id, const std::string& content_type, const std::string& bytes,
                 protocol::UtcSeconds now) {
    if (const std::string why = refusal_for(content_type, bytes); !why.empty())
        throw std::runtime_error("demo picture " + id + ": " + why);
    save(db, id, content_type, encode_base64(bytes), static_cast<std::int64_t>(bytes.size()), now);
}

void serve_image(Database& db, const std::string& id, httplib::Response& res) {
    Statement query(db, "SELECT content_type, data_base64 FROM notice_images WHERE id = ?");
    query.bind(1, id);
    if (!query.step())
        return send(res, api_error(404, protocol::error_code::unknown_image, "No notice picture has id '" + id + "'."));
    const std::string content_type = query.text(0);
    const auto bytes = decode_base64(query.text(1));
    if (!bytes)
        return send(res, api_error(500, protocol::error_code::internal_error, "The stored picture is unreadable."));
    res.status = 200;
    // Pictures never change under an id (see upload_image): kiosks may keep them.
    res.set_header("Cache-Control", "private, max-age=31536000, immutable");
    res.set_content(*bytes, content_type.c_str());
}

} // namespace lobby::server::notices
