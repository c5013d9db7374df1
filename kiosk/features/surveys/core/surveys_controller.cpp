// The survey flow: start, one question at a time (a follow-up appears after
// a low rating), Back through the questions, a read-back summary where any
// answer can be changed, and the submission to the outbox, once.
#include "features/surveys/core/surveys_feature.hpp"

#include "core/feature_adapter.hpp"
#include "features/surveys/core/survey_flow.hpp"

#include <algorithm>

namespace kiosk::surveys {

FeatureCore surveys_core()
{
    return make_feature_core(std::make_shared<SurveysFeature>(), feature_id,
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

void SurveysFeature::handle(State& s, const RequestStart& r, FeatureContext& ctx)
{
    if (s.step != SurveysStep::Intro || !r.survey.open_at(ctx.now_utc_s) || r.survey.questions.empty())
        return;
    if (r.anonymous && !r.survey.anonymous_allowed)
        return;
    s = SurveysSession{};
    s.survey = r.survey;
    s.anonymous = r.anonymous;
    show(s, r.survey.questions.front().id);
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

void SurveysFeature::handle(State& s, const RequestSubmit&, FeatureContext& ctx)
{
    if (s.step != SurveysStep::Review || !s.survey)
        return;
    switch (ctx.submit(submission_kind, make_submission(s))) {
    case SaveOutcome::Saved: {
        // Saved for good: nothing of the answers stays on screen or in memory.
        SurveysSession done;
        done.step = SurveysStep::Done;
        done.anonymous = s.anonymous;
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
    case SurveysStep::Done: return false;
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
            // Before the first question: the intro again, answers gone.
            s = SurveysSession{};
        }
        return true;
    }
    }
    return false;
}

} // namespace kiosk::surveys
