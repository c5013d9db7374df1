// The notices as the feature's io read them from the local cache: plain
// values, already decoded, urgent first then newest first.
#pragma once

#include "core/cached_data.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::notices {

struct NoticeItem {
    std::string id;
    std::string kind;  // outage, safety, event, fee, service
    bool urgent = false;
    LocalText title, body;  // body: CommonMark
    std::int64_t published_utc = 0;
    std::int64_t expires_utc = 0;  // 0: no end
    std::vector<std::string> images;

    bool current_at(std::int64_t now_utc) const { return expires_utc == 0 || expires_utc > now_utc; }
};

// Picture bytes as cached (PNG or JPEG; decoding is the screen's business).
using ImageBytes = std::shared_ptr<const std::string>;

struct NoticesCache {
    std::vector<NoticeItem> notices;  // not expired when read; urgent first, newest first
    std::int64_t synced_utc = 0;      // when the cache last heard from the office (0: never)
    std::map<std::string, ImageBytes> images;  // the pictures already fetched, by id
};

// The categories in the order the filter shows them.
inline const std::vector<std::string>& notice_kinds()
{
    static const std::vector<std::string> kinds{"outage", "safety", "event", "fee", "service"};
    return kinds;
}

// The first moment after now_utc at which a cached notice ends (INT64_MAX: none).
std::int64_t next_expiry_utc(const NoticesCache& cache, std::int64_t now_utc);

} // namespace kiosk::notices
