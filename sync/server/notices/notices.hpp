// The notices feature: staff publish and unpublish notices and upload their
// pictures; kiosks pull notices from the feed (a tombstone when one expires
// or is unpublished) and fetch the pictures by id. Internal to the feature;
// the server sees only register_notices().
#pragma once

#include "api.hpp"
#include "feature.hpp"

#include "protocol/notices.hpp"

#include <httplib.h>

namespace lobby::server::notices {

// notices.cpp (staff)
ApiResponse publish_notice(ApiContext& ctx, const protocol::Notice& notice);
ApiResponse unpublish_notice(ApiContext& ctx, const std::string& id);

// images.cpp
ApiResponse upload_image(ApiContext& ctx, const protocol::NoticeImageUpload& upload);  // staff
// The picture's bytes with its content type, or a JSON error (kiosks and staff).
void serve_image(Database& db, const std::string& id, httplib::Response& res);
bool image_exists(Database& db, const std::string& id);
// Stores a picture the server made itself (the demo seed); bytes are checked as an upload's.
void store_image(Database& db, const std::string& id, const std::string& content_type, const std::string& bytes,
                 protocol::UtcSeconds now);

void seed_notices(DemoSeed& seed);  // demo.cpp
// A small PNG for the demo's long notice (demo_image.cpp).
std::string demo_lift_plan_png();

} // namespace lobby::server::notices
