// Notices on the office server: pictures (upload checked for type and size,
// served as bytes with their content type), notices naming them, unpublishing
// into a tombstone, and the demo notices (every category, a long Markdown one
// with a picture, an urgent one).
#include "api_client.hpp"
#include "in_process_server.hpp"

#include "protocol/notices.hpp"

#include <sodium.h>

#include <map>
#include <set>

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

std::string base64(const std::string& bytes) {
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);
    return out;
}

const std::string png_head("\x89PNG\r\n\x1a\n", 8);

nlohmann::json upload(const std::string& id, const std::string& type, const std::string& bytes) {
    return nlohmann::json(p::NoticeImageUpload{id, type, base64(bytes)});
}

std::map<std::string, p::Change> notices_in(const std::vector<p::Change>& changes) {
    std::map<std::string, p::Change> out;
    for (const auto& c : changes)
        if (c.collection == "notices") out[c.key] = c;
    return out;
}

} // namespace

TEST_CASE("notice pictures: staff upload PNG/JPEG within the limit, kiosks fetch the bytes with the type") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    Api kiosk(server.port(), lobby1_token);
    const std::string bytes = png_head + std::string(300, 'x');
    const Reply made = staff.create("/v1/notice-images", upload("IMG-test", "image/png", bytes));
    REQUIRE(made.status == 201);
    CHECK(made.as<p::NoticeImageInfo>().bytes == static_cast<std::int64_t>(bytes.size()));

    const Reply got = kiosk.get("/v1/notice-images/IMG-test");
    REQUIRE(got.status == 200);
    CHECK(got.body == bytes);
    CHECK(got.headers.find("Content-Type")->second == "image/png");

    const Reply missing = kiosk.get("/v1/notice-images/IMG-none");
    CHECK(missing.status == 404);
    CHECK(missing.error_code() == "unknown_image");
    CHECK(Api(server.port(), "wrong").get("/v1/notice-images/IMG-test").status == 401);

    // Kiosks cannot upload; a type the bytes do not have, too large, not base64: refused, server up.
    CHECK(kiosk.create("/v1/notice-images", upload("IMG-k", "image/png", bytes)).status == 403);
    const Reply lying = staff.create("/v1/notice-images", upload("IMG-lie", "image/jpeg", bytes));
    CHECK(lying.status == 422);
    CHECK(lying.error_code() == "invalid_field");
    const Reply big = staff.create("/v1/notice-images",
                                   upload("IMG-big", "image/png", png_head + std::string(p::notice_image_max_bytes, 'x')));
    CHECK((big.status == 413 || big.status == 422));  // over the picture limit (or, larger still, the body limit)
    nlohmann::json garbled = upload("IMG-b64", "image/png", bytes);
    garbled["data_base64"] = "!!!not base64!!!";
    CHECK(staff.create("/v1/notice-images", garbled).status == 422);
    CHECK(kiosk.get("/v1/notice-images/IMG-lie").status == 404);
    CHECK(kiosk.get("/v1/health").status == 200);
}

TEST_CASE("a notice names only uploaded pictures, and the feed carries their ids") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    Api kiosk(server.port(), lobby1_token);
    std::int64_t cursor = 0;
    pull_feed(kiosk, 0, 1000, &cursor);
    const auto now = server.clock().now();
    p::Notice n{"N-pic", "event", false, {"活动", "", ""}, {"## 标题\n\n- 一\n- 二", "", ""}, now - 10, now + 3600,
                {"IMG-not-there"}};
    const Reply refused = staff.create("/v1/notices", nlohmann::json(n));
    CHECK(refused.status == 422);
    CHECK(refused.body.find("IMG-not-there") != std::string::npos);
    REQUIRE(staff.create("/v1/notice-images", upload("IMG-there", "image/jpeg", std::string("\xff\xd8\xff\xe0", 4) + "jfif"))
                .status == 201);
    n.images = {"IMG-there"};
    REQUIRE(staff.create("/v1/notices", nlohmann::json(n)).status == 201);
    const auto fresh = notices_in(pull_feed(kiosk, cursor, 1000, &cursor));
    REQUIRE(fresh.count("N-pic"));
    const auto decoded = p::decode<p::Notice>(fresh.at("N-pic").data);
    REQUIRE(decoded.ok());
    CHECK(decoded.value().images == std::vector<std::string>{"IMG-there"});
    CHECK(decoded.value().body.zh_cn == "## 标题\n\n- 一\n- 二");  // Markdown travels as written
}

TEST_CASE("staff unpublish a notice: a tombstone at the next pull; unknown ids are 404, kiosks 403") {
    InProcessServer server;
    Api staff(server.port(), staff_token);
    Api kiosk(server.port(), lobby1_token);
    std::int64_t cursor = 0;
    const auto first = notices_in(pull_feed(kiosk, 0, 1000, &cursor));
    REQUIRE(first.count("N-6"));
    CHECK_FALSE(first.at("N-6").deleted);
    CHECK(kiosk.del("/v1/notices/N-6").status == 403);
    const Reply gone = staff.del("/v1/notices/N-6");
    CHECK(gone.status == 200);
    const auto later = notices_in(pull_feed(kiosk, cursor, 1000, &cursor));
    REQUIRE(later.count("N-6"));
    CHECK(later.at("N-6").deleted);
    CHECK(later.at("N-6").data.is_null());
    const Reply again = staff.del("/v1/notices/N-6");
    CHECK(again.status == 404);
    CHECK(again.error_code() == "unknown_notice");
    CHECK(staff.del("/v1/notices/N-nothing").status == 404);
}

TEST_CASE("demo notices: every category, one urgent, one long Markdown notice with a picture that decodes") {
    InProcessServer server;
    Api kiosk(server.port(), lobby1_token);
    std::set<std::string> kinds;
    int urgent = 0;
    std::optional<p::Notice> with_picture;
    for (const auto& [key, change] : notices_in(pull_feed(kiosk, 0, 1000))) {
        if (change.deleted) continue;
        const auto n = p::decode<p::Notice>(change.data);
        REQUIRE(n.ok());
        kinds.insert(n.value().kind);
        urgent += n.value().urgent ? 1 : 0;
        if (!n.value().images.empty()) with_picture = n.value();
    }
    CHECK(kinds == std::set<std::string>{"outage", "safety", "event", "fee", "service"});
    CHECK(urgent == 1);
    REQUIRE(with_picture);
    CHECK(with_picture->body.zh_cn.size() > 600);
    CHECK(with_picture->body.zh_cn.find("## ") != std::string::npos);
    const Reply picture = kiosk.get("/v1/notice-images/" + with_picture->images.at(0));
    REQUIRE(picture.status == 200);
    CHECK(p::sniff_image_type(picture.body) == "image/png");
    CHECK(picture.body.size() <= p::notice_image_max_bytes);
}
