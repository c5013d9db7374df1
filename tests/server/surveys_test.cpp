// Survey responses: one per household, validated against the questions.
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

nlohmann::json answer(const std::string& survey, const std::string& unit) {
    return {{"survey_id", survey},
            {"unit_id", unit},
            {"anonymous", true},
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

TEST_CASE("one answer per household: a second answer with another key gets 409") {
    Api api(shared_server().port(), lobby1_token);
    Api other(shared_server().port(), lobby2_token);
    const auto s = find(api, true);
    const Reply first = api.create("/v1/survey-responses", answer(s.id, "2-1-301"));
    REQUIRE(first.status == 201);
    CHECK(first.as<p::SurveyReceipt>().survey_id == s.id);
    const Reply second = other.create("/v1/survey-responses", answer(s.id, "2-1-301"));
    CHECK(second.status == 409);
    CHECK(second.error_code() == "already_answered");
    CHECK(db_int(shared_server().db_path(), "SELECT COUNT(*) FROM survey_responses WHERE unit_id = '2-1-301'") == 1);
}

TEST_CASE("survey refusals: closed, unknown survey, unknown unit, answers that do not fit") {
    Api api(shared_server().port(), lobby1_token);
    const auto open = find(api, true);
    const auto closed = find(api, false);
    const Reply late = api.create("/v1/survey-responses", answer(closed.id, "2-1-302"));
    CHECK(late.status == 422);
    CHECK(late.error_code() == "survey_closed");
    CHECK(api.create("/v1/survey-responses", answer("S-1999-Q1", "2-1-302")).error_code() == "unknown_survey");
    CHECK(api.create("/v1/survey-responses", answer(open.id, "0-0-000")).error_code() == "unknown_unit");

    auto two_for_single = answer(open.id, "2-1-302");
    two_for_single["answers"][0]["choice_ids"] = {"satisfied", "ok"};
    CHECK(api.create("/v1/survey-responses", two_for_single).status == 422);
    auto unknown_choice = answer(open.id, "2-1-302");
    unknown_choice["answers"][1]["choice_ids"] = {"unicorns"};
    CHECK(api.create("/v1/survey-responses", unknown_choice).as<p::ErrorBody>().message.find("unicorns") !=
          std::string::npos);
    auto missing_q1 = answer(open.id, "2-1-302");
    missing_q1["answers"].erase(0);
    CHECK(api.create("/v1/survey-responses", missing_q1).status == 422);
    auto no_answers = answer(open.id, "2-1-302");
    no_answers["answers"] = nlohmann::json::array();
    CHECK(api.create("/v1/survey-responses", no_answers).status == 422);
    // None of the refusals took the household's one answer.
    CHECK(api.create("/v1/survey-responses", answer(open.id, "2-1-302")).status == 201);
}
