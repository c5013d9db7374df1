// Survey responses: one verified answer per household, anonymous answers
// apart, validated against the questions (the attacks are in
// tests/security/surveys_test.cpp).
#include "api_client.hpp"

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

std::vector<p::Survey> surveys(Api& api) {
    std::vector<p::Survey> out;
    for (const auto& c : pull_feed(api))
        if (c.collection == "surveys" && !c.deleted) out.push_back(p::decode<p::Survey>(c.data).value());
    return out;
}

p::Survey find(Api& api, bool open) {
    const auto now = p::now_utc();
    for (const auto& s : surveys(api))
        if ((now >= s.opens_at && now < s.closes_at) == open) return s;
    FAIL("no " << (open ? "open" : "closed") << " survey in the demo");
    return {};
}

// The verification token of this kiosk's fee lookup of `unit`.
std::string verify(Api& api, const std::string& unit, const std::string& last4) {
    const Reply r = api.post("/v1/fees/lookup", {{"unit_id", unit}, {"phone_last4", last4}});
    REQUIRE(r.status == 200);
    return r.as<p::FeeLookupResult>().verification_token.value_or("");
}

// A household answer of `unit` (token: its verification), or anonymous when the token is empty.
nlohmann::json answer(const std::string& survey, const std::string& unit, const std::string& token = "") {
    return {{"survey_id", survey},
            {"unit_id", unit},
            {"anonymous", token.empty()},
            {"verification_token", token.empty() ? nlohmann::json() : nlohmann::json(token)},
            {"answers",
             {{{"question_id", "q1"}, {"choice_ids", {"dissatisfied"}}},
              {{"question_id", "q2"}, {"choice_ids", {"repairs", "parking"}}},
              {{"question_id", "q3"}, {"choice_ids", {"slide"}}},
              {{"question_id", "q4"}, {"choice_ids", nlohmann::json::array()}, {"text", "希望晚上加强巡逻"}}}}};
}

} // namespace

TEST_CASE("the open survey asks what residents are dissatisfied with") {
    Api api(shared_server().port(), lobby1_token);
    const auto s = find(api, true);
    bool has_dissatisfied = false;
    for (const auto& q : s.questions)
        for (const auto& c : q.choices) has_dissatisfied = has_dissatisfied || c.text.zh_cn == "不满意";
    CHECK(has_dissatisfied);
}

TEST_CASE("one answer per household: a second verified answer with another key gets 409") {
    Api api(shared_server().port(), lobby1_token);
    Api other(shared_server().port(), lobby2_token);
    const auto s = find(api, true);
    const Reply first = api.create("/v1/survey-responses", answer(s.id, "1-1-801", verify(api, "1-1-801", "1234")));
    REQUIRE(first.status == 201);
    CHECK(first.as<p::SurveyReceipt>().survey_id == s.id);
    const Reply second = other.create("/v1/survey-responses", answer(s.id, "1-1-801", verify(other, "1-1-801", "1234")));
    CHECK(second.status == 409);
    CHECK(second.error_code() == "already_answered");
    CHECK(db_int(shared_server().db_path(), "SELECT COUNT(*) FROM survey_responses WHERE unit_id = '1-1-801'") == 1);
}

TEST_CASE("anonymous answers keep no unit, need no verification and are not limited to one") {
    Api api(shared_server().port(), lobby2_token);
    const auto s = find(api, true);
    const auto before = db_int(shared_server().db_path(), "SELECT COUNT(*) FROM survey_responses WHERE unit_id IS NULL");
    CHECK(api.create("/v1/survey-responses", answer(s.id, "2-1-301")).status == 201);
    auto no_unit = answer(s.id, "2-1-301");
    no_unit.erase("unit_id");
    CHECK(api.create("/v1/survey-responses", no_unit).status == 201);
    CHECK(db_int(shared_server().db_path(), "SELECT COUNT(*) FROM survey_responses WHERE unit_id IS NULL") == before + 2);
    CHECK(db_int(shared_server().db_path(), "SELECT COUNT(*) FROM survey_responses WHERE unit_id = '2-1-301'") == 0);
    // A household answer must name its unit.
    auto household_without_unit = answer(s.id, "2-1-301", "0123456789abcdef0123456789abcdef");
    household_without_unit.erase("unit_id");
    const Reply r = api.create("/v1/survey-responses", household_without_unit);
    CHECK(r.status == 422);
    CHECK(r.error_code() == "invalid_field");
}

TEST_CASE("survey refusals: closed, unknown survey, unverified or unknown unit, answers that do not fit") {
    Api api(shared_server().port(), lobby1_token);
    const auto open = find(api, true);
    const auto closed = find(api, false);
    const std::string token = verify(api, "3-2-1502", "5678");
    const Reply late = api.create("/v1/survey-responses", answer(closed.id, "3-2-1502", token));
    CHECK(late.status == 422);
    CHECK(late.error_code() == "survey_closed");
    CHECK(api.create("/v1/survey-responses", answer("S-1999-Q1", "3-2-1502", token)).error_code() == "unknown_survey");
    // The token is checked first, so an unknown unit is refused like any unit this kiosk did not verify.
    CHECK(api.create("/v1/survey-responses", answer(open.id, "0-0-000", token)).error_code() == "verification_required");
    auto unverified = answer(open.id, "3-2-1502");
    unverified["anonymous"] = false;
    CHECK(api.create("/v1/survey-responses", unverified).error_code() == "verification_required");

    auto two_for_single = answer(open.id, "3-2-1502", token);
    two_for_single["answers"][0]["choice_ids"] = {"satisfied", "ok"};
    CHECK(api.create("/v1/survey-responses", two_for_single).status == 422);
    auto unknown_choice = answer(open.id, "3-2-1502", token);
    unknown_choice["answers"][1]["choice_ids"] = {"unicorns"};
    CHECK(api.create("/v1/survey-responses", unknown_choice).as<p::ErrorBody>().message.find("unicorns") !=
          std::string::npos);
    auto missing_q1 = answer(open.id, "3-2-1502", token);
    missing_q1["answers"].erase(0);
    CHECK(api.create("/v1/survey-responses", missing_q1).status == 422);
    auto no_answers = answer(open.id, "3-2-1502", token);
    no_answers["answers"] = nlohmann::json::array();
    CHECK(api.create("/v1/survey-responses", no_answers).status == 422);
    // None of the refusals took the household's one answer.
    CHECK(api.create("/v1/survey-responses", answer(open.id, "3-2-1502", token)).status == 201);
}

TEST_CASE("staff read a survey's results with household and anonymous answers counted apart") {
    OfficeServerProcess server;
    Api kiosk(server.port(), lobby1_token);
    Api staff(server.port(), staff_token);
    const auto s = find(kiosk, true);
    REQUIRE(kiosk.create("/v1/survey-responses", answer(s.id, "3-2-1502", verify(kiosk, "3-2-1502", "5678"))).status == 201);
    REQUIRE(kiosk.create("/v1/survey-responses", answer(s.id, "3-2-1502")).status == 201);
    REQUIRE(kiosk.create("/v1/survey-responses", answer(s.id, "1-1-801")).status == 201);

    const Reply r = staff.get("/v1/surveys/" + s.id + "/results");
    REQUIRE(r.status == 200);
    const auto results = r.as<p::SurveyResults>();
    CHECK(results.survey_id == s.id);
    CHECK(results.answers.household == 1);
    CHECK(results.answers.anonymous == 2);
    REQUIRE(results.questions.size() == s.questions.size());
    CHECK(results.questions[0].question_id == "q1");
    for (const auto& c : results.questions[0].choices) {
        CAPTURE(c.choice_id);
        const bool picked = c.choice_id == "dissatisfied";
        CHECK(c.picked.household == (picked ? 1 : 0));
        CHECK(c.picked.anonymous == (picked ? 2 : 0));
    }
    CHECK(results.questions[3].texts.household == 1);
    CHECK(results.questions[3].texts.anonymous == 2);

    CHECK(kiosk.get("/v1/surveys/" + s.id + "/results").status == 403);
    CHECK(staff.get("/v1/surveys/S-1999-Q1/results").error_code() == "unknown_survey");
}
