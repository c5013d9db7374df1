// What the surveys screens may ask for (the payload of a FeatureRequest).
#pragma once

#include "features/surveys/core/survey_types.hpp"

#include <string>
#include <variant>

namespace kiosk::surveys {

// Start answering `survey` (as shown on the intro), anonymously or not.
struct RequestStart { SurveyInfo survey; bool anonymous = true; };
struct RequestPick { std::string choice_id; };  // single, rating: choose it; multiple: toggle it
struct RequestChoicePage { int page = 0; };     // 更多: the next group of choices
struct RequestNext {};                          // this question is done (or skipped)
struct RequestEdit { std::string question_id; };  // from the summary: change one answer
struct RequestSubmit {};

using SurveysRequest = std::variant<RequestStart, RequestPick, RequestChoicePage, RequestNext, RequestEdit, RequestSubmit>;

// The outbox payload of a finished survey: what the io encodes for
// POST /v1/survey-responses.
struct SurveySubmission {
    std::string survey_id;
    bool anonymous = true;
    std::string unit_id, verification_token;  // a household's answer only
    struct Item {
        std::string question_id;
        std::vector<std::string> choice_ids;
    };
    std::vector<Item> answers;  // the questions asked, in survey order
};

inline constexpr const char* submission_kind = "survey_response";

} // namespace kiosk::surveys
