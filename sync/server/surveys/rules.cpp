// What a survey must look like to be published, and what an answer must
// look like to count: kinds and their choices, follow-ups asked only after
// the answer they follow, words only where a question takes them.
#include "surveys/surveys.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace lobby::server::surveys {
namespace {

bool has_choice(const protocol::SurveyQuestion& q, const std::string& id) {
    return std::any_of(q.choices.begin(), q.choices.end(), [&](const protocol::SurveyChoice& c) { return c.id == id; });
}

std::string question_problem(const protocol::SurveyQuestion& q, const std::map<std::string, const protocol::SurveyQuestion*>& earlier) {
    const std::string where = "Question '" + q.id + "' ";
    std::set<std::string> ids;
    for (const auto& c : q.choices)
        if (!ids.insert(c.id).second) return where + "has the choice '" + c.id + "' twice.";
    if (q.kind == "text") {
        if (!q.choices.empty()) return where + "is a text question and must have no choices.";
        if (q.remarks) return where + "is a text question: 'remarks' is for choice questions.";
    } else if (q.kind == "rating") {
        // 1..5 in order, each with its words: the kiosk draws them as a scale.
        if (q.choices.size() != rating_points) return where + "is a rating and needs the choices \"1\" to \"5\".";
        for (std::size_t i = 0; i < q.choices.size(); ++i)
            if (q.choices[i].id != std::to_string(i + 1)) return where + "is a rating and needs the choices \"1\" to \"5\" in order.";
    } else if (q.choices.size() < 2) {
        return where + "needs at least two choices.";
    }
    if (q.ask_if) {
        const auto parent = earlier.find(q.ask_if->question_id);
        if (parent == earlier.end())
            return where + "follows '" + q.ask_if->question_id + "', which must be an earlier question.";
        if (q.ask_if->choice_ids.empty()) return where + "follows no choice: 'ask_if.choice_ids' is empty.";
        for (const auto& c : q.ask_if->choice_ids)
            if (!has_choice(*parent->second, c)) return where + "follows the unknown choice '" + c + "'.";
    }
    return {};
}

// Whether the answers ask `q`: always, or when its condition's answer picked one of its choices.
bool asked(const protocol::SurveyQuestion& q, const std::map<std::string, const protocol::SurveyAnswer*>& by_question) {
    if (!q.ask_if) return true;
    const auto a = by_question.find(q.ask_if->question_id);
    if (a == by_question.end()) return false;
    const auto& wanted = q.ask_if->choice_ids;
    return std::any_of(a->second->choice_ids.begin(), a->second->choice_ids.end(),
                       [&](const std::string& c) { return std::find(wanted.begin(), wanted.end(), c) != wanted.end(); });
}

} // namespace

std::string survey_problem(const protocol::Survey& survey) {
    if (survey.closes_at <= survey.opens_at) return "Field 'closes_at' must be later than opens_at.";
    std::map<std::string, const protocol::SurveyQuestion*> earlier;
    for (const auto& q : survey.questions) {
        if (earlier.count(q.id)) return "Question '" + q.id + "' appears twice.";
        if (std::string problem = question_problem(q, earlier); !problem.empty()) return problem;
        earlier[q.id] = &q;
    }
    return {};
}

std::string answers_problem(const protocol::Survey& survey, const std::vector<protocol::SurveyAnswer>& answers) {
    std::map<std::string, const protocol::SurveyAnswer*> by_question;
    for (std::size_t i = 0; i < answers.size(); ++i) {
        const auto& a = answers[i];
        const std::string where = "Field 'answers[" + std::to_string(i) + "]' ";
        const auto q = std::find_if(survey.questions.begin(), survey.questions.end(),
                                    [&](const protocol::SurveyQuestion& sq) { return sq.id == a.question_id; });
        if (q == survey.questions.end()) return where + "names an unknown question '" + a.question_id + "'.";
        if (!by_question.emplace(a.question_id, &a).second) return where + "answers question '" + a.question_id + "' twice.";
        for (const auto& c : a.choice_ids)
            if (!has_choice(*q, c)) return where + "names an unknown choice '" + c + "'.";
        if ((q->kind == "single" || q->kind == "rating") && a.choice_ids.size() != 1)
            return where + "must pick exactly one choice.";
        if (q->kind == "text" && !a.choice_ids.empty()) return where + "must not pick choices for a text question.";
        if (a.text && !a.text->empty() && q->kind != "text" && !q->remarks)
            return where + "has words, but question '" + q->id + "' takes none.";
    }
    for (const auto& q : survey.questions) {
        const bool is_asked = asked(q, by_question);
        if (!is_asked && by_question.count(q.id))
            return "Question '" + q.id + "' is only asked after '" + q.ask_if->question_id +
                   "' is answered with one of its choices; it must not be answered here.";
        if (is_asked && q.kind != "text" && !by_question.count(q.id)) return "Question '" + q.id + "' must be answered.";
    }
    return {};
}

} // namespace lobby::server::surveys
