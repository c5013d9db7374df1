// Notices (feed collection "notices"; staff publish them with POST /v1/notices,
// unpublish them with DELETE /v1/notices/{id}, and upload their pictures with
// POST /v1/notice-images; kiosks fetch a picture with GET /v1/notice-images/{id}).
#pragma once

#include "protocol/codec.hpp"
#include "protocol/common.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lobby::protocol {

// The five categories a resident filters by (停水停电/电梯维保, 安全,
// 社区活动, 缴费提醒, 服务说明).
inline constexpr const char* notice_kinds[] = {"outage", "safety", "event", "fee", "service"};

// Pictures: PNG or JPEG, at most this many bytes each, at most this many per notice.
inline constexpr std::size_t notice_image_max_bytes = 44 * 1024;  // fits the server's 64 KiB body as base64
inline constexpr std::size_t notice_images_max = 4;

// collection "notices", key = id. Expired and unpublished notices arrive as tombstones.
struct Notice {
    std::string id;    // "N-17"
    std::string kind;  // outage, safety, event, fee, service
    bool urgent = false;
    LocalizedText title;
    LocalizedText body;  // CommonMark written by staff (headings, lists, bold); kiosks render it, never show markup
    UtcSeconds published_at = 0;
    std::optional<UtcSeconds> expires_at;
    std::vector<std::string> images = {};  // ids of uploaded pictures, shown under the text; may be absent
};
LOBBY_PROTOCOL_CODEC(Notice);

// POST /v1/notice-images (staff): one picture, base64 in JSON like every other body.
struct NoticeImageUpload {
    std::string id;            // "IMG-lift-map"
    std::string content_type;  // image/png, image/jpeg (the bytes must say the same)
    std::string data_base64;
};
LOBBY_PROTOCOL_CODEC(NoticeImageUpload);

// The answer to an upload.
struct NoticeImageInfo {
    std::string id;
    std::string content_type;
    std::int64_t bytes = 0;
};
LOBBY_PROTOCOL_CODEC(NoticeImageInfo);

// The answer to DELETE /v1/notices/{id}: kiosks get its tombstone at their next pull.
struct NoticeUnpublished {
    std::string id;
    bool deleted = true;
};
LOBBY_PROTOCOL_CODEC(NoticeUnpublished);

// What the first bytes of a picture say it is: "image/png", "image/jpeg" or "".
std::string sniff_image_type(std::string_view bytes);

} // namespace lobby::protocol
