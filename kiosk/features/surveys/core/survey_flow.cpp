// The survey's question order for one person's answers.
#include "features/surveys/core/survey_flow.hpp"

#include <algorithm>

namespace kiosk::surveys {

bool is_asked(const QuestionInfo& q, const std::map<std::string, Answer>& answers)
{
    if (q.ask_if_question.empty())
        return true;
    const auto it = answers.find(q.ask_if_question);
    if (it == answers.end())
        return false;
    for (const std::string& picked : it->second.choice_ids)
        if (std::find(q.ask_if_choices.begin(), q.ask_if_choices.end(), picked) != q.ask_if_choices.end())
            return true;
    return false;
}

std::vector<const QuestionInfo*> asked_questions(const SurveyInfo& survey, const std::map<std::string, Answer>& answers)
{
    std::vector<const QuestionInfo*> out;
    for (const QuestionInfo& q : survey.questions)
        if (is_asked(q, answers))
            out.push_back(&q);
    return out;
}

const QuestionInfo* find_question(const SurveyInfo& survey, const std::string& id)
{
    for (const QuestionInfo& q : survey.questions)
        if (q.id == id)
            return &q;
    return nullptr;
}

int position_of(const std::vector<const QuestionInfo*>& asked, const std::string& id)
{
    for (std::size_t i = 0; i < asked.size(); ++i)
        if (asked[i]->id == id)
            return static_cast<int>(i);
    return -1;
}

bool needs_choice(const QuestionInfo& q)
{
    return q.kind == QuestionKind::Single || q.kind == QuestionKind::Rating;
}

bool takes_words(const QuestionInfo& q)
{
    return q.kind == QuestionKind::Text || q.remarks;
}

SurveySubmission make_submission(const SurveysSession& session)
{
    SurveySubmission out;
    if (!session.survey)
        return out;
    out.survey_id = session.survey->id;
    out.anonymous = session.anonymous;
    if (!session.anonymous) {
        out.unit_id = session.verification.verified_unit_id;
        out.verification_token = session.verification.token;
    }
    for (const QuestionInfo* q : asked_questions(*session.survey, session.answers)) {
        const auto it = session.answers.find(q->id);
        const Answer answer = it != session.answers.end() ? it->second : Answer{};
        if (q->kind == QuestionKind::Text && answer.words.empty())
            continue;
        out.answers.push_back({q->id, answer.choice_ids, takes_words(*q) ? answer.words : std::string{}});
    }
    return out;
}

} // namespace kiosk::surveys
