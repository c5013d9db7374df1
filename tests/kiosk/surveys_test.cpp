// Surveys: the flow through every question type, the follow-up a low rating
// asks, Back and changes from the summary, the one submission, and the words
// of each step in the three languages.
#include "core/controller.hpp"
#include "core/feature_adapter.hpp"
#include "core/views.hpp"
#include "features/surveys/core/surveys_feature.hpp"
#include "recording_effects.hpp"
#include "test_config.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::surveys;

namespace {

constexpr std::int64_t now_utc = 1795449600;

ChoiceInfo choice(const char* id, const char* zh) { return {id, {zh, "", ""}}; }

QuestionInfo rating(const char* id, const char* zh)
{
    return {id, QuestionKind::Rating, {zh, "", ""},
            {choice("1", "很不满意"), choice("2", "不满意"), choice("3", "一般"), choice("4", "满意"), choice("5", "很满意")},
            {}, {}, false};
}

// The demo's shape: a rating followed (when 1-2) by reasons, single, multiple, text.
SurveyInfo survey(bool anonymous_allowed = true)
{
    SurveyInfo s{"S-1", {"满意度调查", "滿意度調查", "Survey"}, now_utc - 3600, now_utc + 3600, anonymous_allowed, {}};
    s.questions = {
        rating("q1", "总体满意吗？"),
        {"q2", QuestionKind::Multiple, {"您对哪些方面不满意？", "", ""},
         {choice("cleaning", "保洁"), choice("repairs", "维修"), choice("parking", "停车")}, "q1", {"1", "2"}, true},
        {"q3", QuestionKind::Single, {"怎么联系物业？", "", ""}, {choice("desk", "前台"), choice("phone", "电话")}, {}, {}, false},
        {"q4", QuestionKind::Multiple, {"增加哪些设施？", "", ""}, {choice("gym", "健身"), choice("lockers", "快递柜")}, {}, {}, false},
        {"q5", QuestionKind::Text, {"其他意见", "", ""}, {}, {}, {}, false},
    };
    return s;
}

struct Kiosk {
    KioskConfig config = test_kiosk_config();
    RecordingEffects effects;
    Controller c;
    Catalog catalog;
    SurveysCache cache;
    SyncStatus sync;
    Kiosk() : c(config, {surveys_core(config)}, effects)
    {
        c.set_utc_clock([] { return now_utc; });
        auto loaded = Catalog::load(std::string(LOBBY_SOURCE_DIR) + "/locale");
        REQUIRE(loaded.ok());
        catalog = loaded.value();
        cache.surveys = {survey()};
        cache.actions = {{"A-1", {"应业主要求，儿童滑梯已安装", "應業主要求，兒童滑梯已安裝", "A slide, as you asked"}, now_utc - 86400}};
        c.apply(RequestOpenScreen{feature_id}, 0);
    }
    const SurveysSession& s() const { return *typed_state<SurveysSession>(c.feature_state(feature_id)); }
    void apply(SurveysRequest r) { c.apply(FeatureRequest{feature_id, std::move(r)}, 0); }
    void back() { c.apply(RequestBack{}, 0); }
    SurveysView view(Language language = Language::ZhCN)
    {
        const std::vector<FeatureCore> features{surveys_core(config)};
        CachedData data;
        data.features[feature_id] = cache;
        AppState state = c.state();
        state.session.language = language;
        const Views views = build_views({state, features, config, catalog, sync, data, now_utc, 0, 60});
        REQUIRE(views.feature == feature_id);
        return std::any_cast<SurveysView>(views.feature_view);
    }
    // The online calls asked for since the last take, with their ids.
    std::vector<std::pair<std::uint64_t, SurveysCall>> take_calls()
    {
        std::vector<std::pair<std::uint64_t, SurveysCall>> out;
        for (auto& call : effects.take_calls())
            out.emplace_back(call.id, std::any_cast<SurveysCall>(call.payload));
        return out;
    }
    void answer(std::uint64_t id, SurveysAnswer a) { c.apply_answer(CallAnswer{id, feature_id, std::move(a)}, 0); }
    // Starts the household answer and types 1234 for 1-1-801; returns the verification call's id.
    std::uint64_t verify_household()
    {
        apply(RequestStart{survey(), false});
        apply(household::RequestBuilding{1});
        apply(household::RequestEntrance{1});
        apply(household::RequestRoom{"1-1-801"});
        for (char key : {'1', '2', '3', '4'})
            apply(household::RequestKey{key});
        apply(household::RequestSubmit{});
        auto calls = take_calls();
        REQUIRE(calls.size() == 1);
        const auto& verify = std::get<household::CallVerifyHousehold>(calls[0].second);
        CHECK(verify.attempt.unit_id == "1-1-801");
        CHECK(verify.attempt.last4 == "1234");
        return calls[0].first;
    }
    // The office verified the household online (a token).
    std::uint64_t verified_online(std::uint64_t verify_call)
    {
        household::HouseholdVerified ok;
        ok.answer.outcome = household::Outcome::Ok;
        ok.answer.token = "token-801";
        answer(verify_call, ok);
        auto calls = take_calls();
        REQUIRE(calls.size() == 1);
        const auto& status = std::get<CallSurveyStatus>(calls[0].second);
        CHECK(status.unit_id == "1-1-801");
        CHECK(status.verification_token == "token-801");
        return calls[0].first;
    }
    void pick_next(const char* choice_id)
    {
        apply(RequestPick{choice_id});
        apply(RequestNext{});
    }
};

} // namespace

TEST_CASE("surveys: the intro shows 您说，我们做 first, then the open survey to start anonymously")
{
    Kiosk k;
    k.cache.surveys.push_back(survey());
    k.cache.surveys.back().id = "S-old";
    k.cache.surveys.back().closes_utc = now_utc - 60;  // closed: not offered
    const SurveysView v = k.view();
    CHECK(v.step == SurveysStep::Intro);
    CHECK(v.actions_title == "您说，我们做");
    REQUIRE(v.actions.size() == 1);
    CHECK(v.actions[0].text == "应业主要求，儿童滑梯已安装");
    REQUIRE(v.starts.size() == 1);
    CHECK(v.starts[0].survey.id == "S-1");
    CHECK(v.starts[0].anonymous_id == "surveys.start.1");
    CHECK(v.starts[0].about.find("共 4 题") != std::string::npos);  // the follow-up only comes with a low rating
}

TEST_CASE("surveys: every question type, one a screen, with progress that grows with a follow-up")
{
    Kiosk k;
    k.apply(RequestStart{survey(), true});
    SurveysView v = k.view();
    CHECK(v.step == SurveysStep::Question);
    CHECK(v.progress == "第 1 题，共 4 题");
    CHECK(v.kind == QuestionKind::Rating);
    REQUIRE(v.choices.size() == 5);
    CHECK(v.choices[0].label == "1 · 很不满意");
    CHECK(v.choices[4].label == "5 · 很满意");
    CHECK_FALSE(v.can_next);

    // A rating needs a choice: Next says so and stays.
    k.apply(RequestNext{});
    CHECK(k.s().current == "q1");
    CHECK(k.view().message == "请先选择一项，再点“下一题”。");
    // A rating takes one point: a second pick replaces the first.
    k.apply(RequestPick{"1"});
    k.apply(RequestPick{"2"});
    CHECK(k.s().answers.at("q1").choice_ids == std::vector<std::string>{"2"});
    CHECK(k.view().message.empty());
    k.apply(RequestNext{});

    // 2: the follow-up, asked after a 2; the total grew to 5.
    v = k.view();
    CHECK(k.s().current == "q2");
    CHECK(v.progress == "第 2 题，共 5 题");
    CHECK(v.question == "您对哪些方面不满意？");
    CHECK(v.next_label == "跳过");  // nothing picked yet: optional
    // Multiple: toggles, kept in the survey's order.
    k.apply(RequestPick{"parking"});
    k.apply(RequestPick{"cleaning"});
    k.apply(RequestPick{"repairs"});
    k.apply(RequestPick{"repairs"});
    CHECK(k.s().answers.at("q2").choice_ids == std::vector<std::string>{"cleaning", "parking"});
    v = k.view();
    CHECK(v.next_label == "下一题");
    CHECK(v.picked_line == "已选：保洁、停车");
    k.apply(RequestPick{"unicorns"});  // not a choice of this question: ignored
    CHECK(k.s().answers.at("q2").choice_ids.size() == 2);
    k.apply(RequestNext{});

    // 3: single choice: one at a time.
    k.apply(RequestPick{"desk"});
    k.apply(RequestPick{"phone"});
    CHECK(k.s().answers.at("q3").choice_ids == std::vector<std::string>{"phone"});
    k.apply(RequestNext{});
    // 4: multiple with nothing picked is an answer (none).
    CHECK(k.s().current == "q4");
    k.apply(RequestNext{});
    // 5: free text: a field for the pad, optional, so Next skips it.
    v = k.view();
    CHECK(v.kind == QuestionKind::Text);
    CHECK(v.progress == "第 5 题，共 5 题");
    CHECK(v.takes_words);
    CHECK(v.words.empty());
    CHECK(v.hint.find("不想写可以跳过") != std::string::npos);
    CHECK(v.next_label == "跳过，核对回答");
    k.apply(RequestNext{});

    // The summary reads every answer back.
    v = k.view();
    CHECK(v.step == SurveysStep::Review);
    REQUIRE(v.rows.size() == 5);
    CHECK(v.rows[0].answer == "2 · 不满意");
    CHECK(v.rows[1].answer == "保洁、停车");
    CHECK(v.rows[2].answer == "电话");
    CHECK(v.rows[3].answer == "（没有选择）");
    CHECK(v.rows[4].answer == "（跳过）");
    CHECK(v.review_note.find("匿名提交") != std::string::npos);
}

TEST_CASE("surveys: changing the rating from the summary removes or brings back its follow-up")
{
    Kiosk k;
    k.apply(RequestStart{survey(), true});
    k.pick_next("5");
    CHECK(k.s().current == "q3");  // a good rating: no follow-up
    k.pick_next("desk");
    k.apply(RequestNext{});  // q4: none
    k.apply(RequestNext{});  // q5: skipped
    REQUIRE(k.s().step == SurveysStep::Review);
    CHECK(k.view().rows.size() == 4);

    // Change to a low rating from the summary: the follow-up comes next,
    // then straight back to the summary.
    k.apply(RequestEdit{"q1"});
    CHECK(k.s().current == "q1");
    k.pick_next("1");
    CHECK(k.s().current == "q2");
    k.pick_next("repairs");
    CHECK(k.s().step == SurveysStep::Review);
    CHECK(k.view().rows.size() == 5);

    // And back to a good one: the follow-up and its answer are not sent.
    k.apply(RequestEdit{"q1"});
    k.pick_next("4");
    CHECK(k.s().step == SurveysStep::Review);
    CHECK(k.view().rows.size() == 4);
    k.apply(RequestSendAnswers{});
    REQUIRE(k.effects.submissions.size() == 1);
    const auto& sent = std::any_cast<const SurveySubmission&>(k.effects.submissions[0].payload);
    std::vector<std::string> ids;
    for (const auto& item : sent.answers)
        ids.push_back(item.question_id);
    CHECK(ids == std::vector<std::string>{"q1", "q3", "q4"});  // no q2, and the skipped text question is not sent
    CHECK(sent.answers[0].choice_ids == std::vector<std::string>{"4"});
}

TEST_CASE("surveys: the text question and the follow-up's remarks carry the person's words to the outbox")
{
    Kiosk k;
    k.apply(RequestStart{survey(), true});
    k.pick_next("1");
    // The follow-up takes words besides its reasons; words alone answer it.
    SurveysView v = k.view();
    CHECK(v.takes_words);
    CHECK(v.words_label.find("可不填") != std::string::npos);
    k.apply(RequestWords{"  车库太暗　"});  // the pad's rules again: trimmed
    CHECK(k.s().answers.at("q2").words == "车库太暗");
    CHECK(k.view().next_label == "下一题");  // no reason picked, but words: not a skip
    k.apply(RequestNext{});
    // A single choice takes no words: a stray request changes nothing.
    CHECK(k.s().current == "q3");
    CHECK_FALSE(k.view().takes_words);
    k.apply(RequestWords{"其实都行"});
    CHECK(k.s().answers.count("q3") == 0);
    k.pick_next("desk");
    k.apply(RequestNext{});  // q4: none
    // The text question: more than it takes is refused and said; nothing kept.
    REQUIRE(k.s().current == "q5");
    k.apply(RequestWords{std::string(words_max + 1, 'a')});
    CHECK(k.view().message == "最多写 200 个字，请删掉一些。");
    CHECK(k.view().message_is_problem);
    CHECK(k.s().answers.count("q5") == 0);
    k.apply(RequestWords{"希望加装路灯\x07"});  // a control character dropped
    v = k.view();
    CHECK(v.message.empty());
    CHECK(v.words == "希望加装路灯");
    CHECK(v.next_label == "核对回答");
    k.apply(RequestNext{});

    // The summary reads the words back, quoted, under the reasons.
    v = k.view();
    REQUIRE(v.step == SurveysStep::Review);
    REQUIRE(v.rows.size() == 5);
    CHECK(v.rows[1].answer == "（没有选择）\n“车库太暗”");
    CHECK(v.rows[4].answer == "“希望加装路灯”");
    CHECK(k.view(Language::ZhHK).rows[4].answer == "「希望加装路灯」");

    // Changed from the summary; emptied words take them back.
    k.apply(RequestEdit{"q5"});
    k.apply(RequestWords{"希望加装路灯和监控"});
    k.apply(RequestNext{});
    CHECK(k.view().rows[4].answer == "“希望加装路灯和监控”");

    k.apply(RequestSendAnswers{});
    REQUIRE(k.effects.submissions.size() == 1);
    const auto& sent = std::any_cast<const SurveySubmission&>(k.effects.submissions[0].payload);
    REQUIRE(sent.answers.size() == 5);
    CHECK(sent.answers[1].question_id == "q2");
    CHECK(sent.answers[1].choice_ids.empty());
    CHECK(sent.answers[1].words == "车库太暗");
    CHECK(sent.answers[2].words.empty());
    CHECK(sent.answers[4].question_id == "q5");
    CHECK(sent.answers[4].words == "希望加装路灯和监控");
    // Nothing of the words stays in the session once saved.
    CHECK(k.s().answers.empty());
}

TEST_CASE("surveys: words taken back leave the text question skipped and unsent")
{
    Kiosk k;
    k.apply(RequestStart{survey(), true});
    k.pick_next("5");
    k.pick_next("desk");
    k.apply(RequestNext{});
    k.apply(RequestWords{"随便写写"});
    k.apply(RequestWords{""});
    CHECK(k.view().next_label == "跳过，核对回答");
    k.apply(RequestNext{});
    CHECK(k.view().rows.back().answer == "（跳过）");
    k.apply(RequestSendAnswers{});
    REQUIRE(k.effects.submissions.size() == 1);
    const auto& sent = std::any_cast<const SurveySubmission&>(k.effects.submissions[0].payload);
    CHECK(sent.answers.size() == 3);  // q1, q3, q4: the empty text question is not sent
    CHECK(sent.answers.back().question_id == "q4");
}

TEST_CASE("surveys: Back steps through the questions keeping the answers, and from the first to the intro")
{
    Kiosk k;
    k.apply(RequestStart{survey(), true});
    k.pick_next("2");
    k.pick_next("cleaning");
    CHECK(k.s().current == "q3");
    k.back();
    CHECK(k.s().current == "q2");
    CHECK(k.view().choices[0].selected);
    k.back();
    CHECK(k.s().current == "q1");
    CHECK(k.view().choices[1].selected);
    k.back();
    CHECK(k.s().step == SurveysStep::Intro);
    CHECK(k.s().answers.empty());
    k.back();  // leaves the screen
    CHECK(k.c.state().session.screen() != feature_id);
}

TEST_CASE("surveys: submit goes to the outbox once, anonymous, and nothing of the answers stays")
{
    Kiosk k;
    k.apply(RequestStart{survey(), true});
    k.pick_next("1");
    k.pick_next("parking");
    k.pick_next("desk");
    k.pick_next("gym");
    k.apply(RequestNext{});
    k.apply(RequestSendAnswers{});
    REQUIRE(k.effects.submissions.size() == 1);
    CHECK(k.effects.submissions[0].feature == feature_id);
    CHECK(k.effects.submissions[0].kind == "survey_response");
    const auto& sent = std::any_cast<const SurveySubmission&>(k.effects.submissions[0].payload);
    CHECK(sent.survey_id == "S-1");
    CHECK(sent.anonymous);
    CHECK(sent.unit_id.empty());
    REQUIRE(sent.answers.size() == 4);
    CHECK(sent.answers[1].question_id == "q2");
    CHECK(sent.answers[1].choice_ids == std::vector<std::string>{"parking"});
    CHECK(k.s().step == SurveysStep::Done);
    CHECK(k.s().answers.empty());
    CHECK_FALSE(k.s().survey);
    k.apply(RequestSendAnswers{});  // a second tap sends nothing
    CHECK(k.effects.submissions.size() == 1);

    // Offline, the thanks say it goes by itself, once.
    CHECK(k.view().done_detail.find("网络恢复后自动提交") != std::string::npos);
    k.sync.online = true;
    CHECK(k.view().done_detail.find("正在提交") != std::string::npos);
}

TEST_CASE("surveys: a full disk keeps the answers on screen and says so")
{
    Kiosk k;
    k.apply(RequestStart{survey(), true});
    k.pick_next("4");
    k.pick_next("desk");
    k.apply(RequestNext{});
    k.apply(RequestNext{});
    k.effects.next_save = SaveOutcome::StorageFull;
    k.apply(RequestSendAnswers{});
    CHECK(k.s().step == SurveysStep::Review);
    CHECK(k.view().message.find("存储空间已满") != std::string::npos);
    CHECK(k.s().answers.at("q1").choice_ids == std::vector<std::string>{"4"});
    k.effects.next_save = SaveOutcome::Saved;
    k.apply(RequestSendAnswers{});
    CHECK(k.s().step == SurveysStep::Done);
    CHECK(k.effects.submissions.size() == 2);  // the first was refused by the store, nothing written
}

TEST_CASE("surveys: a survey that takes no anonymous answers offers only the household's answer")
{
    Kiosk k;
    k.cache.surveys = {survey(false)};
    const SurveysView v = k.view();
    REQUIRE(v.starts.size() == 1);
    CHECK(v.starts[0].anonymous_id.empty());
    CHECK(v.starts[0].household_id == "surveys.household.1");
    k.apply(RequestStart{survey(false), true});
    CHECK(k.s().step == SurveysStep::Intro);
    // Nor a closed one.
    SurveyInfo closed = survey();
    closed.closes_utc = now_utc;
    k.apply(RequestStart{closed, true});
    CHECK(k.s().step == SurveysStep::Intro);
}

TEST_CASE("surveys: Home and the idle timeout clear every answer")
{
    Kiosk k;
    k.apply(RequestStart{survey(), true});
    k.pick_next("1");
    k.c.apply(RequestHome{}, 0);
    k.c.apply(RequestOpenScreen{feature_id}, 0);
    CHECK(k.s().step == SurveysStep::Intro);
    CHECK(k.s().answers.empty());
}

TEST_CASE("surveys: each step's words in zh-CN, zh-HK and en")
{
    Kiosk k;
    CHECK(k.view(Language::ZhHK).actions_title == "您說，我們做");
    CHECK(k.view(Language::En).actions_title == "You asked, we did");
    CHECK(k.view(Language::En).actions[0].text == "A slide, as you asked");
    k.apply(RequestStart{survey(), true});
    CHECK(k.view(Language::ZhHK).progress == "第 1 題，共 4 題");
    CHECK(k.view(Language::En).progress == "Question 1 of 4");
    k.apply(RequestNext{});
    CHECK(k.view(Language::ZhHK).message == "請先選擇一項，再點「下一題」。");
    CHECK(k.view(Language::En).message == "Please choose one first, then tap Next.");
    k.pick_next("5");
    k.pick_next("desk");
    k.apply(RequestNext{});
    k.apply(RequestNext{});
    CHECK(k.view(Language::ZhHK).review_title == "請核對您的回答");
    CHECK(k.view(Language::En).submit_label == "Submit");
    k.apply(RequestSendAnswers{});
    CHECK(k.view(Language::ZhHK).done_title == "感謝您的參與！");
    CHECK(k.view(Language::En).done_title == "Thank you for taking part!");
}

TEST_CASE("surveys: a household answer: pick the unit, the digits, the office says not yet answered, then the questions")
{
    Kiosk k;
    k.cache.units = {{"1-1-801", 1, 1, 8, "801", 90, "王*"}};
    const std::uint64_t verify = k.verify_household();
    CHECK(k.s().step == SurveysStep::Digits);
    CHECK(k.view().keypad.busy);
    const std::uint64_t status = k.verified_online(verify);
    CHECK(k.s().step == SurveysStep::Checking);
    CHECK(k.view().checking_text.find("是否已经参与") != std::string::npos);
    k.answer(status, SurveyStatusDone{StatusOutcome::NotAnswered});
    REQUIRE(k.s().step == SurveysStep::Question);
    k.pick_next("4");
    k.pick_next("desk");
    k.apply(RequestNext{});
    k.apply(RequestNext{});
    CHECK(k.view().review_note.find("每户只能提交一次") != std::string::npos);
    k.apply(RequestSendAnswers{});
    REQUIRE(k.effects.submissions.size() == 1);
    const auto& sent = std::any_cast<const SurveySubmission&>(k.effects.submissions[0].payload);
    CHECK_FALSE(sent.anonymous);
    CHECK(sent.unit_id == "1-1-801");
    CHECK(sent.verification_token == "token-801");
    // The proof goes with the answer, not with the person's session.
    CHECK(k.s().verification.token.empty());
    CHECK(k.s().verification.verified_unit_id.empty());
}

TEST_CASE("surveys: a household that has answered is told at once, politely, before any question")
{
    Kiosk k;
    const std::uint64_t status = k.verified_online(k.verify_household());
    k.answer(status, SurveyStatusDone{StatusOutcome::Answered});
    CHECK(k.s().step == SurveysStep::AlreadyAnswered);
    CHECK(k.s().answers.empty());
    CHECK(k.s().verification.token.empty());
    const SurveysView v = k.view();
    CHECK(v.done_title == "您家已经参与过本次调查，谢谢！");
    CHECK(k.view(Language::En).done_title == "Your household has already answered this survey. Thank you!");
    k.apply(RequestSendAnswers{});
    CHECK(k.effects.submissions.empty());
}

TEST_CASE("surveys: when the office cannot say, the household goes on (the outbox's refusal, if any, reaches staff)")
{
    Kiosk k;
    const std::uint64_t status = k.verified_online(k.verify_household());
    k.answer(status, SurveyStatusDone{StatusOutcome::Unknown});
    CHECK(k.s().step == SurveysStep::Question);
}

TEST_CASE("surveys: a household verified offline (no token) cannot answer in its name; anonymous stays open")
{
    Kiosk k;
    const std::uint64_t verify = k.verify_household();
    household::HouseholdVerified offline;
    offline.answer.outcome = household::Outcome::Ok;
    offline.answer.offline = true;
    k.answer(verify, offline);
    CHECK(k.take_calls().empty());  // no status call, no questions
    CHECK(k.s().step == SurveysStep::Intro);
    const SurveysView v = k.view();
    CHECK(v.message.find("无法以住户名义作答") != std::string::npos);
    CHECK_FALSE(v.starts.at(0).anonymous_id.empty());
}

TEST_CASE("surveys: wrong digits are the shared guard's; Back walks from the keypad to the picker to the intro")
{
    Kiosk k;
    const std::uint64_t verify = k.verify_household();
    household::HouseholdVerified wrong;
    wrong.answer.outcome = household::Outcome::WrongDigits;
    wrong.answer.attempts_left = 2;
    k.answer(verify, wrong);
    CHECK(k.s().step == SurveysStep::Digits);
    CHECK(k.s().verification.notice == household::Notice::WrongDigits);
    CHECK_FALSE(k.view().keypad.message.empty());
    k.back();
    CHECK(k.s().step == SurveysStep::Unit);
    k.back();
    k.back();
    k.back();
    CHECK(k.s().step == SurveysStep::Intro);
    CHECK_FALSE(k.s().survey);
}
