// The order of a survey's questions for one person's answers: which are
// asked (a follow-up only after the answer it follows), which comes next,
// and what is sent. Pure functions, shared by the controller and the views.
#pragma once

#include "features/surveys/core/surveys_requests.hpp"
#include "features/surveys/core/surveys_session.hpp"

#include <string>
#include <vector>

namespace kiosk::surveys {

// Whether `q` is asked, given the answers so far.
bool is_asked(const QuestionInfo& q, const std::map<std::string, Answer>& answers);

// The questions asked, in survey order (follow-ups appear and go as the
// answers they follow change).
std::vector<const QuestionInfo*> asked_questions(const SurveyInfo& survey, const std::map<std::string, Answer>& answers);

const QuestionInfo* find_question(const SurveyInfo& survey, const std::string& id);

// Where `id` is among the asked questions (0-based); -1 when not asked.
int position_of(const std::vector<const QuestionInfo*>& asked, const std::string& id);

// A single or rating question needs one choice before Next.
bool needs_choice(const QuestionInfo& q);

// A text question, or a choice question with remarks: takes the person's own words.
bool takes_words(const QuestionInfo& q);

// What goes to the office: the asked questions' answers, in order, with
// their words. A text question left empty (skipped) is left out.
SurveySubmission make_submission(const SurveysSession& session);

} // namespace kiosk::surveys
