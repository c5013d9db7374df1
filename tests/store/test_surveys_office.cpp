// Surveys through the real Effects port (kiosk/net: NetEffects, the outbox,
// the sync worker) against the real office-server: a survey answered on the
// kiosk core (with written words) while the office does not answer arrives
// exactly once when it is back, and its words leave the kiosk; a household's second answer is refused for good and stays in the
// outbox as failed, with the server's reason, for staff to see.
#include "core/controller.hpp"
#include "core/feature_adapter.hpp"
#include "features/surveys/core/surveys_feature.hpp"
#include "features/surveys/io/surveys_io.hpp"
#include "office_kiosk.hpp"
#include "store_test_util.hpp"
#include "support/office_server_process.hpp"
#include "sync_test_util.hpp"

#include <doctest/doctest.h>
#include <httplib.h>

#include <csignal>

using namespace kiosk;
using namespace kiosk::surveys;

namespace {

// The kiosk's network side with the surveys io, as lobby-1.
struct SurveyKiosk : test::OfficeKiosk {
    SurveyKiosk(const std::string& db, const std::string& url)
        : test::OfficeKiosk(test::open_store(db), test::with_token(test::fast_config(url), "demo-lobby-1-token"),
                            surveys_io(std::make_shared<household::StoreLockoutBook>()))
    {
    }
};

// The open demo survey, as the kiosk cached it.
SurveyInfo cached_open_survey(store::Store& store)
{
    for (const SurveyInfo& s : read_surveys_cache(store).surveys)
        if (s.open_at(lobby::protocol::now_utc()))
            return s;
    FAIL("no open survey in the kiosk's cache");
    return {};
}

} // namespace

TEST_CASE("surveys: answered while the office does not answer, the answer arrives exactly once when it is back")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    SurveyKiosk kiosk(dir.file("kiosk.db"), office.base_url());
    REQUIRE(test::wait_until([&] { return kiosk.worker->status().last_sync_utc > 0; }, 30000));
    const SurveyInfo survey = cached_open_survey(kiosk.ui);
    CHECK_FALSE(read_surveys_cache(kiosk.ui).actions.empty());  // 您说，我们做 came with the pull

    // The person answers on the kiosk core; the office is frozen (the port
    // open, nobody answering: every request times out).
    KioskConfig config;
    Controller c(config, {surveys_core(config)}, *kiosk.effects);
    c.set_utc_clock([] { return lobby::protocol::now_utc(); });
    const auto ask = [&](SurveysRequest r) { c.apply(FeatureRequest{feature_id, std::move(r)}, 0); };
    c.apply(RequestOpenScreen{feature_id}, 0);
    office.freeze();
    ask(RequestStart{survey, true});
    for (const char* pick : {"2", "lifts", "5", "kiosk", "gym", "yes"}) {
        ask(RequestPick{pick});
        if (std::string(pick) == "lifts")
            ask(RequestWords{"电梯晚上停运"});  // the follow-up's own words
        ask(RequestNext{});
    }
    ask(RequestWords{"希望加装路灯"});  // the text question
    ask(RequestNext{});
    ask(RequestSendAnswers{});
    ask(RequestSendAnswers{});  // a second tap on the thanks: nothing more
    CHECK(typed_state<SurveysSession>(c.feature_state(feature_id))->step == SurveysStep::Done);
    const bool retried = test::wait_until([&] {
        const auto items = kiosk.ui.outbox_items(5);
        return items && items->size() == 1 && items->front().attempts >= 2 && !kiosk.worker->status().online;
    });
    office.thaw();
    REQUIRE(retried);

    REQUIRE(test::wait_until([&] { return kiosk.ui.outbox_counts()->done == 1; }));
    CHECK(kiosk.ui.outbox_counts()->pending == 0);
    CHECK(test::count_in(office.db_path(), "SELECT count(*) FROM survey_responses") == 1);
    CHECK(test::count_in(office.db_path(),
                         "SELECT count(*) FROM survey_responses WHERE anonymous = 1 AND unit_id IS NULL AND "
                         "answers LIKE '%{\"choice_ids\":[\"lifts\"],\"question_id\":\"q2\"%'") == 1);
    // The words arrive once, each with its question.
    CHECK(test::count_in(office.db_path(),
                         "SELECT count(*) FROM survey_responses WHERE "
                         "answers LIKE '%\"question_id\":\"q2\",\"text\":\"电梯晚上停运\"%' AND "
                         "answers LIKE '%{\"choice_ids\":[],\"question_id\":\"q8\",\"text\":\"希望加装路灯\"}%'") == 1);
    CHECK(!kiosk.ui.outbox_items(1)->front().body);  // the answers, words too, leave the kiosk once delivered
}

TEST_CASE("surveys: a household's second answer is refused for good and kept as failed with the reason")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    SurveyKiosk kiosk(dir.file("kiosk.db"), office.base_url());
    REQUIRE(test::wait_until([&] { return kiosk.worker->status().last_sync_utc > 0; }, 30000));
    const SurveyInfo survey = cached_open_survey(kiosk.ui);

    // The household verified at this kiosk (the token its outbox answers carry).
    httplib::Client http("127.0.0.1", office.port());
    const auto lookup = http.Post("/v1/fees/lookup", {{"Authorization", "Bearer demo-lobby-1-token"}},
                                  R"({"unit_id":"1-1-801","phone_last4":"1234"})", "application/json");
    REQUIRE(lookup);
    REQUIRE(lookup->status == 200);
    const std::string token = nlohmann::json::parse(lookup->body).at("verification_token");

    SurveySubmission answer{survey.id, false, "1-1-801", token,
                            {{"q1", {"4"}, ""}, {"q3", {"5"}, ""}, {"q5", {"desk"}, ""}, {"q6", {}, ""}, {"q7", {"no"}, ""}}};
    REQUIRE(kiosk.effects->enqueue(Submission{feature_id, submission_kind, answer}) == SaveOutcome::Saved);
    REQUIRE(test::wait_until([&] { return kiosk.ui.outbox_counts()->done == 1; }));
    // The same household again (another person of it, later): refused, not retried, not dropped.
    answer.answers[0].choice_ids = {"1"};
    answer.answers.insert(answer.answers.begin() + 1, SurveySubmission::Item{"q2", {"parking"}, ""});
    REQUIRE(kiosk.effects->enqueue(Submission{feature_id, submission_kind, answer}) == SaveOutcome::Saved);
    REQUIRE(test::wait_until([&] { return kiosk.ui.outbox_counts()->failed == 1; }));
    const auto failed = kiosk.ui.outbox_items(1)->front();
    CHECK(failed.state == store::OutboxState::failed);
    CHECK(failed.http_status == 409);
    REQUIRE(failed.last_error);
    CHECK(failed.last_error->find("already answered") != std::string::npos);
    CHECK(!failed.body);  // the answers themselves are gone from the kiosk
    REQUIRE(test::wait_until([&] { return kiosk.worker->status().outbox_failed == 1; }));  // the admin screen's count
    CHECK(test::count_in(office.db_path(), "SELECT count(*) FROM survey_responses WHERE unit_id = '1-1-801'") == 1);
}
