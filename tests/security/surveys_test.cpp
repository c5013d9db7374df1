// Survey attacks (issue 10): any kiosk token answered for any household
// (lobby-2 answered for 6-1-101, whose own answer was then refused). Now a
// household answer needs that household's verification, and anonymous
// answers carry no unit and are counted apart.
#include "../server/api_client.hpp"
#include "../server/in_process_server.hpp"

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

std::string open_survey(Api& api) {
    const auto now = p::now_utc();
    for (const auto& c : pull_feed(api)) {
        if (c.collection != "surveys" || c.deleted) continue;
        const auto s = p::decode<p::Survey>(c.data).value();
        if (now >= s.opens_at && now < s.closes_at) return s.id;
    }
    FAIL("no open survey in the demo");
    return {};
}

nlohmann::json answer(const std::string& survey, const std::string& unit, bool anonymous, const std::string& token,
                      const char* q1 = "1") {
    nlohmann::json j{{"survey_id", survey},
                     {"unit_id", unit},
                     {"anonymous", anonymous},
                     {"answers",
                      {{{"question_id", "q1"}, {"choice_ids", {q1}}},
                       {{"question_id", "q3"}, {"choice_ids", {"4"}}},
                       {{"question_id", "q5"}, {"choice_ids", {"desk"}}},
                       {{"question_id", "q6"}, {"choice_ids", nlohmann::json::array()}},
                       {{"question_id", "q7"}, {"choice_ids", {"maybe"}}}}}};
    // A low rating (1 or 2) is followed by what was wrong.
    if (std::string(q1) == "1" || std::string(q1) == "2")
        j["answers"].insert(j["answers"].begin() + 1,
                            nlohmann::json::object({{"question_id", "q2"}, {"choice_ids", {"security"}}}));
    if (!token.empty()) j["verification_token"] = token;
    return j;
}

p::SurveyResults results(Api& staff, const std::string& survey) {
    const Reply r = staff.get("/v1/surveys/" + survey + "/results");
    REQUIRE(r.status == 200);
    return r.as<p::SurveyResults>();
}

} // namespace

TEST_CASE("attack: a forged household answer is refused and the real household can still answer") {
    // Before: lobby-2's answer for the unit was taken (201), and the
    // household's own answer then got 409 already_answered.
    OfficeServerProcess server;
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    const std::string s = open_survey(lobby1);
    const std::string db = server.db_path();
    const long long rows = db_int(db, "SELECT count(*) FROM idempotency");

    SUBCASE("forgeries") {
        const std::string forged_by_lobby1 = verification_token_for(lobby1, "3-2-1502", "5678");  // stolen from another kiosk
        const std::string other_unit = verification_token_for(lobby2, "1-1-801", "1234");         // this kiosk, another unit
        for (const std::string& token : {std::string(), std::string(32, 'a'), forged_by_lobby1, other_unit}) {
            CAPTURE(token);
            const Reply r = lobby2.create("/v1/survey-responses", answer(s, "3-2-1502", false, token));
            CHECK(r.status == 403);
            CHECK(r.error_code() == "verification_required");
        }
        CHECK(db_int(db, "SELECT count(*) FROM survey_responses") == 0);
        CHECK(db_int(db, "SELECT count(*) FROM idempotency") == rows);  // refusals store nothing
    }
    SUBCASE("an anonymous answer naming the unit does not speak for it") {
        CHECK(lobby2.create("/v1/survey-responses", answer(s, "3-2-1502", true, "")).status == 201);
        CHECK(db_int(db, "SELECT count(*) FROM survey_responses WHERE unit_id IS NOT NULL") == 0);
    }
    // The household, verified at its own lobby, answers; once.
    const Reply own = lobby1.create("/v1/survey-responses", answer(s, "3-2-1502", false, verification_token_for(lobby1, "3-2-1502", "5678")));
    CHECK(own.status == 201);
    const Reply twice = lobby1.create("/v1/survey-responses", answer(s, "3-2-1502", false, verification_token_for(lobby1, "3-2-1502", "5678")));
    CHECK(twice.status == 409);
    CHECK(twice.error_code() == "already_answered");
}

TEST_CASE("attack: anonymous answers are counted apart from households'") {
    // A token holder can still post anonymous answers, as many as it likes:
    // they never block a household and never pass for households' answers.
    OfficeServerProcess server;
    Api lobby1(server.port(), lobby1_token);
    Api lobby2(server.port(), lobby2_token);
    Api staff(server.port(), staff_token);
    const std::string s = open_survey(lobby1);
    for (int i = 0; i < 20; ++i)
        REQUIRE(lobby2.create("/v1/survey-responses", answer(s, "1-1-801", true, "", "1")).status == 201);
    REQUIRE(lobby1.create("/v1/survey-responses", answer(s, "1-1-801", false, verification_token_for(lobby1, "1-1-801", "1234"), "5"))
                .status == 201);
    REQUIRE(lobby1.create("/v1/survey-responses", answer(s, "3-2-1502", false, verification_token_for(lobby1, "3-2-1502", "5678"), "5"))
                .status == 201);
    const auto r = results(staff, s);
    CHECK(r.answers.household == 2);
    CHECK(r.answers.anonymous == 20);
    for (const auto& c : r.questions.at(0).choices) {
        CAPTURE(c.choice_id);
        if (c.choice_id == "5") CHECK((c.picked.household == 2 && c.picked.anonymous == 0));
        if (c.choice_id == "1") CHECK((c.picked.household == 0 && c.picked.anonymous == 20));
    }
    CHECK(lobby2.get("/v1/surveys/" + s + "/results").status == 403);
}

TEST_CASE("attack: an answer the outbox delivers hours later counts; after a day it needs a new verification") {
    InProcessServer server;
    Api lobby1(server.port(), lobby1_token);
    const std::string s = open_survey(lobby1);
    const std::string token = verification_token_for(lobby1, "3-2-1502", "5678");
    const std::string stale = verification_token_for(lobby1, "1-1-801", "1234");
    server.clock().advance(3 * 3600);  // the network was down all afternoon
    CHECK(lobby1.create("/v1/survey-responses", answer(s, "3-2-1502", false, token)).status == 201);
    server.clock().advance(21 * 3600 + 1);
    const Reply late = lobby1.create("/v1/survey-responses", answer(s, "1-1-801", false, stale));
    CHECK(late.status == 403);
    CHECK(late.error_code() == "verification_required");
}
