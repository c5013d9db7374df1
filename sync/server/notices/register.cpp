// Registers the notices feature: its schema step (pictures), routes and demo
// seed. Expired notices need no refresh handler: the feed turns rows without
// one into tombstones.
#include "notices/notices.hpp"
#include "router.hpp"

namespace lobby::server {

void register_notices(FeatureRegistry& registry) {
    Feature f;
    f.name = "notices";
    // Pictures kept as the base64 staff sent (checked on upload, decoded when served).
    f.schema = {{11, R"sql(
        CREATE TABLE notice_images(
            id           TEXT PRIMARY KEY,
            content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
            data_base64  TEXT NOT NULL,
            bytes        INTEGER NOT NULL,
            created_at   INTEGER NOT NULL);
    )sql"}};
    f.seed_activity = notices::seed_notices;
    f.routes = [](RouteContext& r) {
        r.http.Post("/v1/notices", r.api->idempotent_post<protocol::Notice>(body_only(notices::publish_notice)));
        r.http.Delete(std::string("/v1/notices/") + id_segment, r.api->remove(by_path_id(notices::unpublish_notice)));
        r.http.Post("/v1/notice-images",
                    r.api->idempotent_post<protocol::NoticeImageUpload>(body_only(notices::upload_image)));
        // Bytes, not JSON: Router::get answers JSON only.
        r.http.Get(std::string("/v1/notice-images/") + id_segment,
                   [api = r.api](const httplib::Request& http, httplib::Response& res) {
                       ApiResponse refusal;
                       auto scope = api->open(http, refusal);
                       if (!scope) return send(res, refusal);
                       Transaction read(scope->lease->db(), TxMode::Deferred);
                       notices::serve_image(scope->lease->db(), http.matches[1].str(), res);
                       read.commit();
                   });
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
