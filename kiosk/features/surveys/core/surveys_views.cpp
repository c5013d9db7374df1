// Builds the surveys screen's view model: the intro (您说，我们做 first, then
// the open surveys), the question on screen with its progress, the read-back
// summary and the thanks.
#include "features/surveys/core/surveys_feature.hpp"

#include "features/surveys/core/survey_flow.hpp"
#include "core/text_lookup.hpp"
#include "protocol/time.hpp"

#include <algorithm>

namespace kiosk::surveys {
namespace {

using SurveysText = TextLookup;

std::string date_text(const SurveysText& t, std::int64_t utc)
{
    const auto local = lobby::protocol::to_shanghai(utc);
    return t("surveys.date", {{"y", std::to_string(local.year)},
                              {"m", std::to_string(local.month)},
                              {"d", std::to_string(local.day)}});
}

// What a choice says: a rating's point with its words ("1 · 很不满意").
std::string choice_label(const QuestionInfo& q, const ChoiceInfo& c, Language language)
{
    return q.kind == QuestionKind::Rating ? c.id + " · " + c.text.in(language) : c.text.in(language);
}

std::string choices_text(const SurveysText& t, const QuestionInfo& q, const Answer& answer)
{
    std::string out;
    for (const std::string& id : answer.choice_ids)
        for (const ChoiceInfo& c : q.choices)
            if (c.id == id)
                out += (out.empty() ? "" : t("surveys.list_separator")) + choice_label(q, c, t.language);
    return out;
}

// The answer read back: the choices, then the person's words in quotes
// (on their own line), so they can check what will be sent.
std::string answer_text(const SurveysText& t, const QuestionInfo& q, const Answer* answer)
{
    const std::string words = answer && takes_words(q) && !answer->words.empty()
                                  ? t("surveys.quoted", {{"text", answer->words}})
                                  : std::string{};
    if (q.kind == QuestionKind::Text)
        return words.empty() ? t("surveys.skipped") : words;
    const std::string picked = answer && !answer->choice_ids.empty() ? choices_text(t, q, *answer)
                                                                     : t("surveys.none_picked");
    return words.empty() ? picked : picked + "\n" + words;
}

void build_intro(const SurveysSession& s, const SurveysCache& cache, const FeatureViewInputs& in, const SurveysText& t,
                 SurveysView& view)
{
    view.actions_title = t("surveys.we_did_title");
    for (const ActionInfo& a : cache.actions)
        view.actions.push_back({date_text(t, a.done_utc), a.text.in(in.language)});
    view.surveys_title = t("surveys.open_title");
    for (const SurveyInfo& survey : cache.surveys) {
        if (!survey.open_at(in.now_utc_s) || survey.questions.empty())
            continue;
        StartView start;
        start.survey = survey;
        start.title = survey.title.in(in.language);
        start.about = t("surveys.about", {{"date", date_text(t, survey.closes_utc - 1)},
                                          {"n", std::to_string(asked_questions(survey, {}).size())}});
        // By position, so a script need not know the quarter's survey id.
        const std::string n = std::to_string(view.starts.size() + 1);
        start.household_id = "surveys.household." + n;
        start.household_label = t("surveys.start_household");
        if (survey.anonymous_allowed) {
            start.anonymous_id = "surveys.start." + n;
            start.anonymous_label = t("surveys.start_anonymous");
        }
        view.starts.push_back(std::move(start));
    }
    if (view.starts.empty())
        view.no_survey = t("surveys.no_survey");
    if (s.notice == SurveysNotice::OfflineHousehold) {
        view.message = t("surveys.offline_household");
        view.message_is_problem = true;
    }
}

void build_question(const SurveysSession& s, const FeatureViewInputs& in, const SurveysText& t, SurveysView& view)
{
    const QuestionInfo* q = find_question(*s.survey, s.current);
    if (!q)
        return;
    const auto asked = asked_questions(*s.survey, s.answers);
    const int at = position_of(asked, q->id);
    const auto answer = s.answers.find(q->id);
    view.survey_title = s.survey->title.in(in.language);
    view.progress = t("surveys.progress", {{"n", std::to_string(at + 1)}, {"total", std::to_string(asked.size())}});
    view.question = q->text.in(in.language);
    view.kind = q->kind;
    view.choice_page = s.choice_page;
    view.more_label = t("surveys.more");
    switch (q->kind) {
    case QuestionKind::Single: view.hint = t("surveys.hint_single"); break;
    case QuestionKind::Rating: view.hint = t("surveys.hint_rating"); break;
    case QuestionKind::Multiple: view.hint = t("surveys.hint_multiple"); break;
    case QuestionKind::Text: view.hint = t("surveys.hint_text"); break;
    }
    const bool has_words = answer != s.answers.end() && !answer->second.words.empty();
    if (takes_words(*q)) {
        view.takes_words = true;
        view.words = has_words ? answer->second.words : std::string{};
        // A text question's hint already says it; reasons say what the words are for.
        if (q->kind != QuestionKind::Text)
            view.words_label = t("surveys.words_label");
    }
    for (const ChoiceInfo& c : q->choices) {
        const bool selected = answer != s.answers.end() && std::find(answer->second.choice_ids.begin(),
                                                                      answer->second.choice_ids.end(),
                                                                      c.id) != answer->second.choice_ids.end();
        view.choices.push_back({c.id, "surveys.choice." + c.id, choice_label(*q, c, in.language), selected});
    }
    if (q->kind == QuestionKind::Multiple && answer != s.answers.end() && !answer->second.choice_ids.empty())
        view.picked_line = t("surveys.picked", {{"list", choices_text(t, *q, answer->second)}});
    const bool last = at + 1 == static_cast<int>(asked.size()) || s.back_to_review;
    const bool empty = answer == s.answers.end() || answer->second.choice_ids.empty();
    // Nothing picked and nothing written on an optional question: Next skips it.
    const bool skipping = (q->kind == QuestionKind::Text || q->kind == QuestionKind::Multiple) && empty && !has_words;
    view.next_label = skipping ? t(last ? "surveys.skip_to_review" : "surveys.skip")
                               : t(last ? "surveys.to_review" : "surveys.next");
    view.can_next = !needs_choice(*q) || !empty;
    if (s.notice == SurveysNotice::PickOne) {
        view.message = t("surveys.pick_one");
        view.message_is_problem = true;
    } else if (s.notice == SurveysNotice::WordsTooLong) {
        view.message = t("surveys.words_too_long", {{"max", std::to_string(words_max)}});
        view.message_is_problem = true;
    }
}

void build_review(const SurveysSession& s, const FeatureViewInputs& in, const SurveysText& t, SurveysView& view)
{
    view.survey_title = s.survey->title.in(in.language);
    view.review_title = t("surveys.review_title");
    view.review_note = t(s.anonymous ? "surveys.review_anonymous" : "surveys.review_household");
    view.edit_label = t("surveys.edit");
    view.submit_label = t("surveys.submit");
    const auto asked = asked_questions(*s.survey, s.answers);
    for (std::size_t i = 0; i < asked.size(); ++i) {
        const QuestionInfo& q = *asked[i];
        const auto answer = s.answers.find(q.id);
        view.rows.push_back({q.id, "surveys.edit." + q.id,
                             t("surveys.numbered", {{"n", std::to_string(i + 1)}, {"text", q.text.in(in.language)}}),
                             answer_text(t, q, answer != s.answers.end() ? &answer->second : nullptr)});
    }
    if (s.notice == SurveysNotice::StorageFull || s.notice == SurveysNotice::SaveFailed) {
        view.message = t(s.notice == SurveysNotice::StorageFull ? "surveys.storage_full" : "surveys.save_failed");
        view.message_is_problem = true;
    }
}

} // namespace

SurveysView SurveysFeature::build_view(const State& s, const Cache& cache, const FeatureViewInputs& in) const
{
    const SurveysText t{in.catalog, in.language};
    SurveysView view;
    view.step = s.step;
    switch (s.step) {
    case SurveysStep::Intro: build_intro(s, cache, in, t, view); break;
    case SurveysStep::Unit: view.picker = household::build_picker_view(s.picker, cache.units, in, "surveys"); break;
    case SurveysStep::Digits:
        view.keypad = household::build_keypad_view(s.verification, s.awaiting_call != 0,
                                                   household::unit_label(cache.units, s.verification.unit_id, in), in,
                                                   "surveys");
        break;
    case SurveysStep::Checking: view.checking_text = t("surveys.checking"); break;
    case SurveysStep::AlreadyAnswered:
        // Politely: the household's voice is already counted.
        view.done_title = t("surveys.already_answered");
        view.done_detail = t("surveys.already_answered_detail");
        view.home_label = t("surveys.home");
        break;
    case SurveysStep::Question:
        if (s.survey)
            build_question(s, in, t, view);
        break;
    case SurveysStep::Review:
        if (s.survey)
            build_review(s, in, t, view);
        break;
    case SurveysStep::Done:
        view.done_title = t("surveys.thanks");
        // Offline the answer waits in the outbox; say it will go by itself.
        view.done_detail = t(in.sync.online ? "surveys.sent_soon" : "surveys.saved_offline");
        view.home_label = t("surveys.home");
        break;
    }
    return view;
}

} // namespace kiosk::surveys
