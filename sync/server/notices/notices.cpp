// Staff publishing a notice; it reaches kiosks through the feed and turns
// into a tombstone when it expires.
#include "notices/notices.hpp"

#include "feed.hpp"

#include "protocol/changes.hpp"

namespace lobby::server::notices {

ApiResponse publish_notice(ApiContext& ctx, const protocol::Notice& notice) {
    if (ctx.caller.role != "staff")
        return api_error(403, protocol::error_code::forbidden, "Only office staff can publish notices.");
    if (notice.expires_at && *notice.expires_at <= notice.published_at)
        return api_error(422, protocol::error_code::invalid_field, "Field 'expires_at' must be later than published_at.");
    PublishOptions options;
    options.refresh_at = notice.expires_at;
    if (notice.expires_at && *notice.expires_at <= ctx.now) {
        publish_tombstone(ctx.db, protocol::collection::notices, notice.id);
    } else {
        publish(ctx.db, protocol::collection::notices, notice.id, notice, options);
    }
    return api_ok(201, notice);
}

} // namespace lobby::server::notices
