// Contract decoders: round trips, field-naming errors, hostile text.
#include "protocol/protocol.hpp"

#include <doctest/doctest.h>

using namespace lobby::protocol;

TEST_CASE("repair request round-trips through JSON") {
    RepairRequest in;
    in.unit_id = "3-2-1502";
    in.category = "plumbing";
    in.description = "厨房水龙头漏水";
    in.location = "own_unit";
    in.contact_phone = "13812345678";
    in.preferred_slot = TimeSlot{parse_utc("2026-11-24T01:00:00Z").value(), parse_utc("2026-11-24T04:00:00Z").value()};
    const std::string text = dump_json(nlohmann::json(in));
    auto out = decode_text<RepairRequest>(text);
    REQUIRE(out.ok());
    CHECK(out.value().description == in.description);
    CHECK(out.value().preferred_slot->end == in.preferred_slot->end);
    CHECK(dump_json(nlohmann::json(out.value())) == text);
}

TEST_CASE("a missing field is named in the error") {
    auto out = decode_text<RepairRequest>(R"({"unit_id":"3-2-1502","category":"plumbing","location":"public"})");
    REQUIRE_FALSE(out.ok());
    CHECK(out.error().kind == DecodeError::Kind::Field);
    CHECK(out.error().field == "description");
    CHECK(out.error().message == "Field 'description' is required.");
}

TEST_CASE("a wrong type deep inside is named with its path") {
    auto out = decode_text<SurveyResponseRequest>(
        R"({"survey_id":"S-1","unit_id":"1-1-101","answers":[{"question_id":"q1","choice_ids":["a"]},{"question_id":"q2","choice_ids":[7]}]})");
    REQUIRE_FALSE(out.ok());
    CHECK(out.error().field == "answers[1].choice_ids[0]");
}

TEST_CASE("text that is not JSON, not UTF-8 or too deep is a syntax error") {
    CHECK(decode_text<Heartbeat>("{").error().kind == DecodeError::Kind::Syntax);
    CHECK(decode_text<Heartbeat>("").error().kind == DecodeError::Kind::Syntax);
    CHECK(decode_text<Heartbeat>("{\"kiosk_version\":\"\xff\xfe\"}").error().kind == DecodeError::Kind::Syntax);
    std::string deep(100000, '[');
    CHECK(decode_text<Heartbeat>(deep).error().kind == DecodeError::Kind::Syntax);
    CHECK(decode_text<Heartbeat>("[1]").error().kind == DecodeError::Kind::Field);
}

TEST_CASE("out-of-range and malformed values are refused") {
    CHECK_FALSE(decode_text<RatingRequest>(R"({"score":6,"solved":true})").ok());
    CHECK_FALSE(decode_text<RatingRequest>(R"({"score":2.5,"solved":true})").ok());
    CHECK_FALSE(decode_text<FeeLookupRequest>(R"({"unit_id":"3-2-1502","phone_last4":"56a8"})").ok());
    CHECK_FALSE(decode_text<VisitorRequest>(
                    R"({"name":"王芳","phone":"23812345678","unit_id":"1-1-101","purpose":"family","people":2})")
                    .ok());
    CHECK_FALSE(decode_text<Heartbeat>(R"({"kiosk_version":"1.0","outbox_size":1,"last_sync":"2026-02-30T00:00:00Z"})").ok());
    CHECK_FALSE(decode_text<Heartbeat>(R"({"kiosk_version":"1.0","outbox_size":18446744073709551615})").ok());
}

TEST_CASE("tombstones carry no data, live changes must") {
    auto tomb = decode_text<ChangesPage>(
        R"({"changes":[{"seq":5,"collection":"notices","key":"N-1","deleted":true}],"next_since":5,"has_more":false})");
    REQUIRE(tomb.ok());
    CHECK(tomb.value().changes[0].deleted);
    CHECK_FALSE(decode_text<ChangesPage>(
                    R"({"changes":[{"seq":5,"collection":"notices","key":"N-1","deleted":false}],"next_since":5,"has_more":false})")
                    .ok());
}

TEST_CASE("utc times format and parse exactly") {
    CHECK(format_utc(0) == "1970-01-01T00:00:00Z");
    CHECK(parse_utc("2026-11-23T08:00:00Z").value() == 1795420800);
    CHECK(format_utc(1795420800) == "2026-11-23T08:00:00Z");
    CHECK_FALSE(parse_utc("2026-11-23 08:00:00Z"));
    CHECK(is_valid_date("2028-02-29"));
    CHECK_FALSE(is_valid_date("2026-02-29"));
}

TEST_CASE("utf8 length rejects overlongs and surrogates") {
    CHECK(utf8_length("翠湖花园").value() == 4);
    CHECK_FALSE(utf8_length("\xc0\xaf"));
    CHECK_FALSE(utf8_length("\xed\xa0\x80"));
    CHECK_FALSE(utf8_length("\xe7\xbf"));
}

TEST_CASE("unit records carry verifiers of the residents' last-4, never the digits") {
    const std::string a(64, 'a'), b(64, '0');
    auto unit = decode_text<Unit>(
        R"({"id":"5-3-2202","building":5,"entrance":3,"floor":22,"room":"2202","area_m2":89.5,"owner_masked":"李*英",)"
        R"("resident_last4_hmacs":[")" + a + R"(",")" + b + R"("],"resident_1_phone_last4":"2468"})");
    REQUIRE(unit.ok());
    CHECK(unit.value().resident_last4_hmacs == std::vector<std::string>{a, b});
    const auto j = nlohmann::json(unit.value());
    CHECK(j["resident_last4_hmacs"][1] == b);
    CHECK_FALSE(j.contains("resident_1_phone_last4"));  // an old field is not carried on
    CHECK_FALSE(decode_text<Unit>(R"({"id":"1","building":1,"entrance":1,"floor":1,"room":"101","area_m2":80,)"
                                  R"("owner_masked":"","resident_last4_hmacs":["5678"]})")
                    .ok());
    CHECK_FALSE(decode_text<Unit>(R"({"id":"1","building":1,"entrance":1,"floor":1,"room":"101","area_m2":80,)"
                                  R"("owner_masked":"","resident_last4_hmacs":[")" + std::string(64, 'G') + R"("]})")
                    .ok());
    // Keyed with the kiosk's key and bound to the unit.
    CHECK(last4_verifier("k1", "3-2-1502", "5678") != last4_verifier("k2", "3-2-1502", "5678"));
    CHECK(last4_verifier("k1", "3-2-1502", "5678") != last4_verifier("k1", "3-2-1503", "5678"));
    CHECK(is_verifier_text(last4_verifier("k1", "3-2-1502", "5678")));
}

TEST_CASE("a body that is not an object says so in a sentence") {
    auto out = decode_text<Heartbeat>("[1]");
    REQUIRE_FALSE(out.ok());
    CHECK(out.error().message == "The body must be a JSON object, not an array.");
    auto nested = decode_text<RepairRequest>(
        R"({"unit_id":"1-1-101","category":"plumbing","description":"x","location":"public","preferred_slot":7})");
    REQUIRE_FALSE(nested.ok());
    CHECK(nested.error().message == "Field 'preferred_slot' must be a JSON object, not a number.");
}
