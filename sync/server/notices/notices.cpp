// Staff publishing and unpublishing notices; a notice reaches kiosks through
// the feed and turns into a tombstone when it expires or is unpublished.
#include "notices/notices.hpp"

#include "feed.hpp"

#include "protocol/changes.hpp"

namespace lobby::server::notices {

ApiResponse publish_notice(ApiContext& ctx, const protocol::Notice& notice) {
    if (auto refused = require_staff(ctx, "Only office staff can publish notices.")) return *refused;
    if (notice.expires_at && *notice.expires_at <= notice.published_at)
        return api_error(422, protocol::error_code::invalid_field, "Field 'expires_at' must be later than published_at.");
    // A picture is uploaded first: a kiosk must never wait for one that does not exist.
    for (const std::string& image : notice.images)
        if (!image_exists(ctx.db, image))
            return api_error(422, protocol::error_code::invalid_field,
                             "Field 'images' names picture '" + image + "', which was not uploaded (POST /v1/notice-images).");
    PublishOptions options;
    options.refresh_at = notice.expires_at;
    if (notice.expires_at && *notice.expires_at <= ctx.now) {
        publish_tombstone(ctx.db, protocol::collection::notices, notice.id);
    } else {
        publish(ctx.db, protocol::collection::notices, notice.id, notice, options);
    }
    return api_ok(201, notice);
}

ApiResponse unpublish_notice(ApiContext& ctx, const std::string& id) {
    if (auto refused = require_staff(ctx, "Only office staff can unpublish notices.")) return *refused;
    if (!load_record(ctx.db, protocol::collection::notices, id))
        return api_error(404, protocol::error_code::unknown_notice, "No published notice has id '" + id + "'.");
    // Kiosks delete their copy at the next pull.
    publish_tombstone(ctx.db, protocol::collection::notices, id);
    return api_ok(200, protocol::NoticeUnpublished{id, true});
}

} // namespace lobby::server::notices
