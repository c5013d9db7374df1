// The survey flow: start, one question at a time (a follow-up appears after
// a low rating), Back through the questions, a read-back summary where any
// answer can be changed, and the submission to the outbox, once.
#include "features/surveys/core/surveys_feature.hpp"

#include "core/feature_adapter.hpp"
#include "core/text_rules.hpp"
#include "features/surveys/core/survey_flow.hpp"

#include <algorithm>

namespace kiosk::surveys {

SurveysFeature::SurveysFeature(const KioskConfig& config, std::shared_ptr<household::LockoutBook> book)
    : m_verifier(household::Verifier::rules_from(config),
                 book ? std::move(book) : std::make_shared<household::MemoryLockoutBook>())
{
}

FeatureCore surveys_core(const KioskConfig& config, std::shared_ptr<household::LockoutBook> book)
{
    return make_feature_core(std::make_shared<SurveysFeature>(config, std::move(book)), feature_id,
                             HomeTileSpec{"home.tile.surveys", "home.tile.surveys", "smile"}, "surveys.title");
}

void SurveysFeature::on_request(State& s, const Request& request, FeatureContext& ctx)
{
    std::visit([&](const auto& r) { handle(s, r, ctx); }, request);
}

void SurveysFeature::show(State& s, const std::string& question_id)
{
    s.step = SurveysStep::Question;
    s.current = question_id;
    s.choice_page = 0;
    s.notice = SurveysNotice::None;
}

void SurveysFeature::on_answer(State& s, std::uint64_t call_id, const Answer& answer, FeatureContext& ctx)
{
    if (call_id == 0 || call_id != s.awaiting_call)
        return;  // an answer for a person who left, or a step they left
    s.awaiting_call = 0;
    std::visit([&](const auto& a) { answered(s, a, ctx); }, answer);
}

void SurveysFeature::handle(State& s, const RequestStart& r, FeatureContext& ctx)
{
    if (s.step != SurveysStep::Intro || !r.survey.open_at(ctx.now_utc_s) || r.survey.questions.empty())
        return;
    if (r.anonymous && !r.survey.anonymous_allowed)
        return;
    SurveysSession fresh;
    fresh.verification = household::start_over(s.verification);  // this person's waits go on
    s = std::move(fresh);
    s.survey = r.survey;
    s.anonymous = r.anonymous;
    if (r.anonymous)
        show(s, r.survey.questions.front().id);
    else
        s.step = SurveysStep::Unit;  // which unit is theirs, then the digits
}

void SurveysFeature::handle(State& s, const household::RequestBuilding& r, FeatureContext&)
{
    if (s.step == SurveysStep::Unit)
        household::pick(s.picker, r);
}

void SurveysFeature::handle(State& s, const household::RequestEntrance& r, FeatureContext&)
{
    if (s.step == SurveysStep::Unit)
        household::pick(s.picker, r);
}

void SurveysFeature::handle(State& s, const household::RequestRoomKey& r, FeatureContext&)
{
    if (s.step == SurveysStep::Unit)
        household::pick(s.picker, r);
}

void SurveysFeature::handle(State& s, const household::RequestRoom& r, FeatureContext& ctx)
{
    if (s.step != SurveysStep::Unit || !household::pick(s.picker, r))
        return;
    m_verifier.begin(s.verification, s.picker.unit_id, ctx);
    s.step = SurveysStep::Digits;
}

void SurveysFeature::handle(State& s, const household::RequestKey& r, FeatureContext&)
{
    if (s.step == SurveysStep::Digits && s.awaiting_call == 0)
        m_verifier.key(s.verification, r.key);
}

void SurveysFeature::handle(State& s, const household::RequestSubmit&, FeatureContext& ctx)
{
    if (s.step != SurveysStep::Digits || s.awaiting_call != 0)
        return;
    if (const auto attempt = m_verifier.submit(s.verification, ctx))
        s.awaiting_call = ctx.call(SurveysCall{household::CallVerifyHousehold{*attempt}});
}

void SurveysFeature::answered(State& s, const household::HouseholdVerified& a, FeatureContext& ctx)
{
    if (s.step != SurveysStep::Digits || !s.survey || !m_verifier.answered(s.verification, a.answer, ctx))
        return;  // the keypad's message says why not
    if (s.verification.token.empty()) {
        // Verified from the cache: the office issued no token, so it would
        // refuse a household answer. Say so; answering anonymously stays open.
        s.verification = household::start_over(s.verification);
        s.picker = household::UnitPicker{};
        s.step = SurveysStep::Intro;
        s.notice = SurveysNotice::OfflineHousehold;
        return;
    }
    // Ask first whether the household has answered: the person learns it
    // now, not after every question.
    s.step = SurveysStep::Checking;
    s.awaiting_call = ctx.call(SurveysCall{CallSurveyStatus{s.survey->id, s.verification.verified_unit_id,
                                                            s.verification.token}});
}

void SurveysFeature::answered(State& s, const SurveyStatusDone& a, FeatureContext&)
{
    if (s.step != SurveysStep::Checking || !s.survey)
        return;
    if (a.outcome == StatusOutcome::Answered) {
        // Nothing of the verification stays: there is nothing more to do here.
        SurveysSession done;
        done.step = SurveysStep::AlreadyAnswered;
        done.verification = household::start_over(s.verification);
        s = std::move(done);
        return;
    }
    // Not answered, or the office could not say (the outbox delivers later;
    // a refusal then shows on the staff's screen): go on.
    show(s, s.survey->questions.front().id);
}

void SurveysFeature::handle(State& s, const RequestPick& r, FeatureContext&)
{
    if (s.step != SurveysStep::Question || !s.survey)
        return;
    const QuestionInfo* q = find_question(*s.survey, s.current);
    if (!q || std::none_of(q->choices.begin(), q->choices.end(), [&](const ChoiceInfo& c) { return c.id == r.choice_id; }))
        return;
    std::vector<std::string>& picked = s.answers[q->id].choice_ids;
    if (q->kind == QuestionKind::Multiple) {
        const auto it = std::find(picked.begin(), picked.end(), r.choice_id);
        if (it != picked.end()) {
            picked.erase(it);
        } else {
            picked.push_back(r.choice_id);
            // Kept in the survey's order, so the summary reads as the screen did.
            std::vector<std::string> ordered;
            for (const ChoiceInfo& c : q->choices)
                if (std::find(picked.begin(), picked.end(), c.id) != picked.end())
                    ordered.push_back(c.id);
            picked = std::move(ordered);
        }
    } else {
        picked = {r.choice_id};
    }
    s.notice = SurveysNotice::None;
}

void SurveysFeature::handle(State& s, const RequestChoicePage& r, FeatureContext&)
{
    if (s.step == SurveysStep::Question)
        s.choice_page = std::max(0, r.page);
}

// The person's own words from the pad, checked again with the pad's rules:
// a screen may send anything. Empty words take them back.
void SurveysFeature::handle(State& s, const RequestWords& r, FeatureContext&)
{
    if (s.step != SurveysStep::Question || !s.survey)
        return;
    const QuestionInfo* q = find_question(*s.survey, s.current);
    if (!q || !takes_words(*q))
        return;
    if (count_chars(r.text) > words_max) {
        s.notice = SurveysNotice::WordsTooLong;
        return;
    }
    s.answers[q->id].words = normalise_text(r.text, TextLimits{words_max});
    s.notice = SurveysNotice::None;
}

void SurveysFeature::handle(State& s, const RequestNext&, FeatureContext&)
{
    if (s.step != SurveysStep::Question || !s.survey)
        return;
    const QuestionInfo* q = find_question(*s.survey, s.current);
    if (!q)
        return;
    const auto it = s.answers.find(q->id);
    if (needs_choice(*q) && (it == s.answers.end() || it->second.choice_ids.empty())) {
        s.notice = SurveysNotice::PickOne;
        return;
    }
    s.answers[q->id];  // been past it: a multiple choice with nothing picked, or a skipped text
    const auto asked = asked_questions(*s.survey, s.answers);
    const int at = position_of(asked, q->id);
    for (std::size_t i = static_cast<std::size_t>(at) + 1; i < asked.size(); ++i) {
        // Changing one answer from the summary returns there, unless it
        // brought up a follow-up that has not been answered yet.
        if (s.back_to_review && s.answers.count(asked[i]->id))
            continue;
        show(s, asked[i]->id);
        return;
    }
    s.step = SurveysStep::Review;
    s.back_to_review = false;
    s.notice = SurveysNotice::None;
}

void SurveysFeature::handle(State& s, const RequestEdit& r, FeatureContext&)
{
    if (s.step != SurveysStep::Review || !s.survey || position_of(asked_questions(*s.survey, s.answers), r.question_id) < 0)
        return;
    show(s, r.question_id);
    s.back_to_review = true;
}

void SurveysFeature::handle(State& s, const RequestSendAnswers&, FeatureContext& ctx)
{
    if (s.step != SurveysStep::Review || !s.survey)
        return;
    switch (ctx.submit(submission_kind, make_submission(s))) {
    case SaveOutcome::Saved: {
        // Saved for good: nothing of the answers or the household's token
        // stays on screen or in memory.
        SurveysSession done;
        done.step = SurveysStep::Done;
        done.anonymous = s.anonymous;
        done.verification = household::start_over(s.verification);
        s = std::move(done);
        break;
    }
    case SaveOutcome::StorageFull: s.notice = SurveysNotice::StorageFull; break;
    case SaveOutcome::Failed: s.notice = SurveysNotice::SaveFailed; break;
    }
}

bool SurveysFeature::on_back(State& s, FeatureContext&)
{
    switch (s.step) {
    case SurveysStep::Intro:
    case SurveysStep::Done:
    case SurveysStep::AlreadyAnswered: return false;
    case SurveysStep::Unit:
        if (!household::pick_back(s.picker)) {
            s.step = SurveysStep::Intro;
            s.survey.reset();
        }
        return true;
    case SurveysStep::Digits:
        s.awaiting_call = 0;  // its answer no longer matters
        m_verifier.leave(s.verification);
        s.step = SurveysStep::Unit;
        return true;
    case SurveysStep::Checking:
        s.awaiting_call = 0;
        s.verification = household::start_over(s.verification);
        s.step = SurveysStep::Unit;
        return true;
    case SurveysStep::Review: {
        const auto asked = s.survey ? asked_questions(*s.survey, s.answers) : std::vector<const QuestionInfo*>{};
        if (asked.empty())
            s = SurveysSession{};
        else
            show(s, asked.back()->id);
        return true;
    }
    case SurveysStep::Question: {
        const auto asked = s.survey ? asked_questions(*s.survey, s.answers) : std::vector<const QuestionInfo*>{};
        const int at = position_of(asked, s.current);
        if (at > 0) {
            show(s, asked[static_cast<std::size_t>(at) - 1]->id);
        } else {
            // Before the first question: the intro again, answers and the
            // household's proof gone (this person's waits kept).
            SurveysSession fresh;
            fresh.verification = household::start_over(s.verification);
            s = std::move(fresh);
        }
        return true;
    }
    }
    return false;
}

} // namespace kiosk::surveys
