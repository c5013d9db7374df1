// Survey responses: one verified answer per household, anonymous answers
// apart, validated against the questions (the attacks are in
// tests/security/surveys_test.cpp).
#include "api_client.hpp"

#include <set>
#include <utility>

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
// A household answer of `unit` (token: its verification), or anonymous when the token is empty.
nlohmann::json answer(const std::string& survey, const std::string& unit, const std::string& token = "") {
    return {{"survey_id", survey},
            {"unit_id", unit},
            {"anonymous", token.empty()},
            {"verification_token", token.empty() ? nlohmann::json() : nlohmann::json(token)},
            {"answers",
             {{{"question_id", "q1"}, {"choice_ids", {"1"}}},
              {{"question_id", "q2"}, {"choice_ids", {"repairs", "parking"}}},
              {{"question_id", "q3"}, {"choice_ids", {"4"}}},
              {{"question_id", "q5"}, {"choice_ids", {"phone"}}},
              {{"question_id", "q6"}, {"choice_ids", {"gym"}}},
              {{"question_id", "q7"}, {"choice_ids", {"yes"}}},
              {{"question_id", "q8"}, {"choice_ids", nlohmann::json::array()}, {"text", "希望晚上加强巡逻"}}}}};
}

} // namespace

TEST_CASE("the demo's open survey has every kind of question, and a low rating asks what was wrong") {
    Api api(shared_server().port(), lobby1_token);
    const auto s = find(api, true);
    std::set<std::string> kinds;
    for (const auto& q : s.questions) kinds.insert(q.kind);
    CHECK(kinds == std::set<std::string>{"single", "multiple", "rating", "text"});
    const auto& rating = s.questions.at(0);
    REQUIRE(rating.kind == "rating");
    REQUIRE(rating.choices.size() == 5);
    CHECK(rating.choices.front().text.zh_cn == "很不满意");
    CHECK(rating.choices.back().text.zh_cn == "很满意");
    const auto& follow = s.questions.at(1);
    CHECK(follow.text.zh_cn == "您对哪些方面不满意？");
    REQUIRE(follow.ask_if);
    CHECK(follow.ask_if->question_id == rating.id);
    CHECK(follow.ask_if->choice_ids == std::vector<std::string>{"1", "2"});
    CHECK(follow.remarks);
}

TEST_CASE("the feed carries what the office did after the last survey (您说，我们做)") {
    Api api(shared_server().port(), lobby1_token);
    std::vector<p::SurveyAction> actions;
    for (const auto& c : pull_feed(api))
        if (c.collection == "survey_actions" && !c.deleted) actions.push_back(p::decode<p::SurveyAction>(c.data).value());
    REQUIRE(actions.size() >= 3);
    bool slide = false;
    for (const auto& a : actions) slide = slide || a.text.zh_cn.find("儿童滑梯已安装") != std::string::npos;
    CHECK(slide);
}

TEST_CASE("a follow-up is answered only when its rating asks it; words only where a question takes them") {
    Api api(shared_server().port(), lobby2_token);
    const auto s = find(api, true);
    const auto refused = [&](const nlohmann::json& body, const std::string& words) {
        const Reply r = api.create("/v1/survey-responses", body);
        CHECK(r.status == 422);
        CHECK(r.error_code() == "invalid_field");
        CHECK(r.as<p::ErrorBody>().message.find(words) != std::string::npos);
    };
    // A low rating asks q2: leaving it out is refused.
    auto low_without_reasons = answer(s.id, "2-1-301");
    low_without_reasons["answers"].erase(1);
    refused(low_without_reasons, "'q2' must be answered");
    // A good rating does not ask q2: answering it is refused.
    auto good_with_reasons = answer(s.id, "2-1-301");
    good_with_reasons["answers"][0]["choice_ids"] = {"5"};
    refused(good_with_reasons, "only asked after 'q1'");
    // A rating is one of 1..5.
    auto six = answer(s.id, "2-1-301");
    six["answers"][2]["choice_ids"] = {"6"};
    refused(six, "unknown choice '6'");
    auto two_ratings = answer(s.id, "2-1-301");
    two_ratings["answers"][2]["choice_ids"] = {"3", "4"};
    refused(two_ratings, "exactly one");
    // A single choice takes no words; the follow-up (remarks) does.
    auto words_on_single = answer(s.id, "2-1-301");
    words_on_single["answers"][3]["text"] = "其实都行";
    refused(words_on_single, "takes none");
    auto reasons_with_words = answer(s.id, "2-1-301");
    reasons_with_words["answers"][1]["text"] = "车库太暗";
    CHECK(api.create("/v1/survey-responses", reasons_with_words).status == 201);
    // A good rating without q2 and without the optional text question.
    auto good = answer(s.id, "2-1-301");
    good["answers"][0]["choice_ids"] = {"4"};
    good["answers"].erase(6);
    good["answers"].erase(1);
    CHECK(api.create("/v1/survey-responses", good).status == 201);
}

TEST_CASE("staff publish surveys and 您说，我们做 items; a survey that does not hold together is refused") {
    OfficeServerProcess server;
    Api kiosk(server.port(), lobby1_token);
    Api staff(server.port(), staff_token);
    const auto base = find(kiosk, true);
    p::Survey s = base;
    s.id = "S-TEST-1";
    CHECK(kiosk.create("/v1/surveys", nlohmann::json(s)).status == 403);
    REQUIRE(staff.create("/v1/surveys", nlohmann::json(s)).status == 201);
    bool published = false;
    for (const auto& c : pull_feed(kiosk)) published = published || (c.collection == "surveys" && c.key == "S-TEST-1");
    CHECK(published);

    const auto refused = [&](p::Survey bad, const std::string& words) {
        const Reply r = staff.create("/v1/surveys", nlohmann::json(bad));
        CHECK(r.status == 422);
        CHECK(r.as<p::ErrorBody>().message.find(words) != std::string::npos);
    };
    p::Survey four_points = s;
    four_points.questions[0].choices.pop_back();
    refused(four_points, "\"1\" to \"5\"");
    p::Survey follows_later = s;
    std::swap(follows_later.questions[0], follows_later.questions[1]);
    refused(follows_later, "must be an earlier question");
    p::Survey follows_unknown = s;
    follows_unknown.questions[1].ask_if->choice_ids = {"9"};
    refused(follows_unknown, "unknown choice '9'");
    p::Survey text_with_choices = s;
    text_with_choices.questions[7].choices = s.questions[6].choices;
    refused(text_with_choices, "no choices");
    p::Survey twice = s;
    twice.questions[6].id = "q5";
    refused(twice, "appears twice");
    p::Survey backwards = s;
    backwards.closes_at = backwards.opens_at;
    refused(backwards, "closes_at");

    // Once answered, its questions stay as they were; its dates may move.
    REQUIRE(kiosk.create("/v1/survey-responses", answer("S-TEST-1", "1-1-801")).status == 201);
    p::Survey reworded = s;
    reworded.questions[4].choices.pop_back();
    refused(reworded, "already has answers");
    p::Survey longer = s;
    longer.closes_at += 86400;
    CHECK(staff.create("/v1/surveys", nlohmann::json(longer)).status == 201);

    const p::SurveyAction action{"A-test", std::string("S-TEST-1"), {"电梯已更换", "電梯已更換", "Lift replaced"}, p::now_utc()};
    CHECK(kiosk.create("/v1/survey-actions", nlohmann::json(action)).status == 403);
    CHECK(staff.create("/v1/survey-actions", nlohmann::json(action)).status == 201);
    p::SurveyAction orphan = action;
    orphan.survey_id = "S-NONE";
    CHECK(staff.create("/v1/survey-actions", nlohmann::json(orphan)).error_code() == "unknown_survey");
    bool action_published = false;
    for (const auto& c : pull_feed(kiosk)) action_published = action_published || (c.collection == "survey_actions" && c.key == "A-test");
    CHECK(action_published);
}

TEST_CASE("a verified household asks whether it has answered before it starts") {
    OfficeServerProcess server;
    Api kiosk(server.port(), lobby1_token);
    Api other(server.port(), lobby2_token);
    const auto s = find(kiosk, true);
    const std::string token = verification_token_for(kiosk, "1-1-801", "1234");
    const auto status = [&](Api& api, const std::string& unit, const std::string& t) {
        return api.post("/v1/survey-status", {{"survey_id", s.id}, {"unit_id", unit}, {"verification_token", t}});
    };
    Reply before = status(kiosk, "1-1-801", token);
    REQUIRE(before.status == 200);
    CHECK_FALSE(before.as<p::SurveyStatus>().answered);
    REQUIRE(kiosk.create("/v1/survey-responses", answer(s.id, "1-1-801", token)).status == 201);
    CHECK(status(kiosk, "1-1-801", token).as<p::SurveyStatus>().answered);
    // Another kiosk, or another unit, learns nothing without its own verification.
    CHECK(status(other, "1-1-801", token).error_code() == "verification_required");
    CHECK(status(kiosk, "3-2-1502", token).error_code() == "verification_required");
}

TEST_CASE("one answer per household: a second verified answer with another key gets 409") {
    Api api(shared_server().port(), lobby1_token);
    Api other(shared_server().port(), lobby2_token);
    const auto s = find(api, true);
    const Reply first = api.create("/v1/survey-responses", answer(s.id, "1-1-801", verification_token_for(api, "1-1-801", "1234")));
    REQUIRE(first.status == 201);
    CHECK(first.as<p::SurveyReceipt>().survey_id == s.id);
    const Reply second = other.create("/v1/survey-responses", answer(s.id, "1-1-801", verification_token_for(other, "1-1-801", "1234")));
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
    const std::string token = verification_token_for(api, "3-2-1502", "5678");
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
    two_for_single["answers"][3]["choice_ids"] = {"desk", "phone"};
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
    REQUIRE(kiosk.create("/v1/survey-responses", answer(s.id, "3-2-1502", verification_token_for(kiosk, "3-2-1502", "5678"))).status == 201);
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
        const bool picked = c.choice_id == "1";
        CHECK(c.picked.household == (picked ? 1 : 0));
        CHECK(c.picked.anonymous == (picked ? 2 : 0));
    }
    CHECK(results.questions[1].question_id == "q2");
    for (const auto& c : results.questions[1].choices) {
        CAPTURE(c.choice_id);
        const bool picked = c.choice_id == "repairs" || c.choice_id == "parking";
        CHECK(c.picked.household == (picked ? 1 : 0));
        CHECK(c.picked.anonymous == (picked ? 2 : 0));
    }
    CHECK(results.questions[7].texts.household == 1);
    CHECK(results.questions[7].texts.anonymous == 2);

    CHECK(kiosk.get("/v1/surveys/" + s.id + "/results").status == 403);
    CHECK(staff.get("/v1/surveys/S-1999-Q1/results").error_code() == "unknown_survey");
}

TEST_CASE("written words: stored as sent, refused clearly when too long or not text, read by staff without the unit") {
    OfficeServerProcess server;
    Api kiosk(server.port(), lobby1_token);
    Api staff(server.port(), staff_token);
    const auto s = find(kiosk, true);
    const auto refused = [&](const Reply& r, const std::string& words) {
        CHECK(r.status == 422);
        CHECK(r.error_code() == "invalid_field");
        CHECK(r.as<p::ErrorBody>().message.find(words) != std::string::npos);
    };
    // 500 characters (not bytes) is the most; one more is refused, naming the answer.
    std::string longest;
    for (int i = 0; i < 500; ++i) longest += "好";
    auto too_long = answer(s.id, "1-1-801");
    too_long["answers"][6]["text"] = longest + "好";
    refused(kiosk.create("/v1/survey-responses", too_long), "answers[6].text");
    refused(kiosk.create("/v1/survey-responses", too_long), "500 characters");
    // Not UTF-8, or with control characters (line breaks are fine).
    auto broken = answer(s.id, "1-1-801");
    broken["answers"][6]["text"] = "@@BROKEN@@";
    std::string raw = p::dump_json(broken);
    raw.replace(raw.find("@@BROKEN@@"), 10, "\xff\xfe\xfd");
    const Reply not_utf8 = kiosk.post("/v1/survey-responses", raw, Api::fresh_key());
    CHECK(not_utf8.status >= 400);
    CHECK(not_utf8.status < 500);
    auto bell = answer(s.id, "1-1-801");
    bell["answers"][6]["text"] = "响铃\a";
    refused(kiosk.create("/v1/survey-responses", bell), "control characters");
    // Words on a text question with choices are refused too.
    auto text_with_choice = answer(s.id, "1-1-801");
    text_with_choice["answers"][6]["choice_ids"] = {"yes"};
    CHECK(kiosk.create("/v1/survey-responses", text_with_choice).status == 422);
    // Nothing refused was stored.
    const Reply none = staff.get("/v1/surveys/" + s.id + "/results");
    REQUIRE(none.status == 200);
    CHECK(none.as<p::SurveyResults>().answers.anonymous == 0);

    // The longest words, two lines, and the follow-up's remarks: stored as sent.
    auto full = answer(s.id, "3-2-1502", verification_token_for(kiosk, "3-2-1502", "5678"));
    full["answers"][6]["text"] = longest;
    full["answers"][1]["text"] = "车库太暗\n晚上看不清";
    REQUIRE(kiosk.create("/v1/survey-responses", full).status == 201);
    auto short_words = answer(s.id, "1-1-801");
    short_words["answers"][6]["text"] = "希望加装路灯";
    REQUIRE(kiosk.create("/v1/survey-responses", short_words).status == 201);
    auto skipped = answer(s.id, "1-1-801");
    skipped["answers"].erase(6);  // the text question left out
    REQUIRE(kiosk.create("/v1/survey-responses", skipped).status == 201);

    const Reply r = staff.get("/v1/surveys/" + s.id + "/results");
    REQUIRE(r.status == 200);
    const auto results = r.as<p::SurveyResults>();
    REQUIRE(results.questions.size() == s.questions.size());
    const auto& q2 = results.questions[1];
    REQUIRE(q2.words.size() == 1);
    CHECK(q2.words[0].text == "车库太暗\n晚上看不清");
    CHECK_FALSE(q2.words[0].anonymous);
    const auto& q8 = results.questions[7];
    CHECK(q8.question_id == "q8");
    CHECK(q8.texts.household == 1);
    CHECK(q8.texts.anonymous == 1);
    REQUIRE(q8.words.size() == 2);  // the skipped answer wrote nothing
    CHECK(q8.words[0].text == longest);
    CHECK_FALSE(q8.words[0].anonymous);
    CHECK(q8.words[1].text == "希望加装路灯");
    CHECK(q8.words[1].anonymous);
    CHECK(q8.words[1].received_at > 0);
    // The results name no unit: the words cannot be tied to a household.
    CHECK(r.body.find("3-2-1502") == std::string::npos);
    CHECK(results.questions[0].words.empty());
}
