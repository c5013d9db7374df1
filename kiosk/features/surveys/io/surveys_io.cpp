// Surveys between the cache/wire (protocol types) and the core's plain
// structs, and the outbox encoding of a finished survey.
#include "features/surveys/io/surveys_io.hpp"

#include "household/io/units_memo.hpp"
#include "household/io/verify_io.hpp"
#include "protocol/changes.hpp"
#include "protocol/decode.hpp"
#include "protocol/surveys.hpp"
#include "store/store.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kiosk::surveys {
namespace p = lobby::protocol;
namespace {

LocalText local(const p::LocalizedText& text) { return {text.zh_cn, text.zh_hk, text.en}; }

QuestionKind kind_of(const std::string& kind)
{
    return kind == "multiple" ? QuestionKind::Multiple
           : kind == "rating" ? QuestionKind::Rating
           : kind == "text"   ? QuestionKind::Text
                              : QuestionKind::Single;
}

} // namespace

SurveyInfo to_survey_info(const p::Survey& survey)
{
    SurveyInfo out{survey.id, local(survey.title), survey.opens_at, survey.closes_at, survey.anonymous_allowed, {}};
    for (const p::SurveyQuestion& q : survey.questions) {
        QuestionInfo question;
        question.id = q.id;
        question.kind = kind_of(q.kind);
        question.text = local(q.text);
        for (const p::SurveyChoice& c : q.choices)
            question.choices.push_back({c.id, local(c.text)});
        if (q.ask_if) {
            question.ask_if_question = q.ask_if->question_id;
            question.ask_if_choices = q.ask_if->choice_ids;
        }
        question.remarks = q.remarks;
        out.questions.push_back(std::move(question));
    }
    return out;
}

ActionInfo to_action_info(const p::SurveyAction& action) { return {action.id, local(action.text), action.done_at}; }

p::SurveyResponseRequest survey_response_request(const SurveySubmission& submission)
{
    p::SurveyResponseRequest req;
    req.survey_id = submission.survey_id;
    req.anonymous = submission.anonymous;
    if (!submission.anonymous) {
        req.unit_id = submission.unit_id;
        req.verification_token = submission.verification_token;
    }
    for (const SurveySubmission::Item& item : submission.answers)
        req.answers.push_back({item.question_id, item.choice_ids,
                               item.words.empty() ? std::nullopt : std::optional<std::string>(item.words)});
    return req;
}

SurveysCache read_surveys_cache(store::Store& store, household::UnitsMemo* units)
{
    SurveysCache cache;
    if (units)
        cache.units = units->units(store);
    if (auto records = store.surveys()) {
        for (const auto& record : records.value()) {
            auto decoded = p::decode<p::Survey>(record.data);
            if (decoded)
                cache.surveys.push_back(to_survey_info(decoded.value()));
            else
                spdlog::warn("cache: survey {} unreadable: {}", record.key, decoded.error().message);
        }
    }
    if (auto records = store.records(p::collection::survey_actions)) {
        for (const auto& record : records.value()) {
            auto decoded = p::decode<p::SurveyAction>(record.data);
            if (decoded)
                cache.actions.push_back(to_action_info(decoded.value()));
        }
    }
    std::sort(cache.surveys.begin(), cache.surveys.end(),
              [](const SurveyInfo& a, const SurveyInfo& b) { return a.closes_utc < b.closes_utc; });
    std::sort(cache.actions.begin(), cache.actions.end(),
              [](const ActionInfo& a, const ActionInfo& b) { return a.done_utc > b.done_utc; });
    return cache;
}

SurveyStatusDone survey_status(const CallSurveyStatus& call, net::LiveContext& ctx)
{
    const nlohmann::json body = p::SurveyStatusRequest{call.survey_id, call.unit_id, call.verification_token};
    const net::ApiReply r = ctx.api.send("POST", "/v1/survey-status", body.dump());
    if (r.judged.verdict != net::Verdict::success) {
        spdlog::info("surveys: status not known ({})", r.summary());
        return {};
    }
    const auto status = p::decode_text<p::SurveyStatus>(r.http.body);
    if (!status)
        return {};
    return {status.value().answered ? StatusOutcome::Answered : StatusOutcome::NotAnswered};
}

net::FeatureIo surveys_io(std::shared_ptr<household::StoreLockoutBook> book)
{
    net::FeatureIo io;
    io.attach = [book](store::Store& store) { book->attach(store); };
    // The memo lives as long as the registry: units are re-decoded only
    // when their collection changed.
    auto units = std::make_shared<household::UnitsMemo>();
    io.read_cache = [units](store::Store& store, std::int64_t) { return std::any(read_surveys_cache(store, units.get())); };
    io.perform = [](const std::any& call, net::LiveContext& ctx) -> std::any {
        const SurveysCall* c = std::any_cast<SurveysCall>(&call);
        if (!c)
            return {};
        if (const auto* verify = std::get_if<household::CallVerifyHousehold>(c))
            return SurveysAnswer{household::verify_household(*verify, ctx)};
        return SurveysAnswer{survey_status(std::get<CallSurveyStatus>(*c), ctx)};
    };
    io.encode = [](const Submission& submission) -> std::optional<net::EncodedSubmission> {
        const SurveySubmission* s = std::any_cast<SurveySubmission>(&submission.payload);
        if (!s || submission.kind != submission_kind)
            return std::nullopt;
        return net::EncodedSubmission{"/v1/survey-responses", nlohmann::json(survey_response_request(*s))};
    };
    return io;
}

} // namespace kiosk::surveys
