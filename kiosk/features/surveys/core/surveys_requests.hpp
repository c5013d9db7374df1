// What the surveys screens may ask for (the payload of a FeatureRequest).
#pragma once

#include "features/surveys/core/survey_types.hpp"
#include "household/core/household.hpp"

#include <cstddef>
#include <string>
#include <variant>

namespace kiosk::surveys {

// Start answering `survey` (as shown on the intro), anonymously or not.
struct RequestStart { SurveyInfo survey; bool anonymous = true; };
struct RequestPick { std::string choice_id; };  // single, rating: choose it; multiple: toggle it
struct RequestChoicePage { int page = 0; };     // 更多: the next group of choices
struct RequestWords { std::string text; };      // the question's own words (empty: none)
struct RequestNext {};                          // this question is done (or skipped)
struct RequestEdit { std::string question_id; };  // from the summary: change one answer
struct RequestSendAnswers {};

// The unit and the digits of a household answer: the shared household requests.
using SurveysRequest = std::variant<RequestStart, household::RequestBuilding, household::RequestEntrance,
                                    household::RequestRoomKey, household::RequestRoom, household::RequestKey, household::RequestSubmit,
                                    RequestPick, RequestChoicePage, RequestWords, RequestNext, RequestEdit, RequestSendAnswers>;

// Online: POST /v1/survey-status, whether the verified household has answered.
struct CallSurveyStatus {
    std::string survey_id, unit_id, verification_token;
};
enum class StatusOutcome { NotAnswered, Answered, Unknown };  // Unknown: no usable answer
struct SurveyStatusDone {
    StatusOutcome outcome = StatusOutcome::Unknown;
};

using SurveysCall = std::variant<household::CallVerifyHousehold, CallSurveyStatus>;
using SurveysAnswer = std::variant<household::HouseholdVerified, SurveyStatusDone>;

// The outbox payload of a finished survey: what the io encodes for
// POST /v1/survey-responses.
struct SurveySubmission {
    std::string survey_id;
    bool anonymous = true;
    std::string unit_id, verification_token;  // a household's answer only
    struct Item {
        std::string question_id;
        std::vector<std::string> choice_ids;
        std::string words;  // empty: none (a skipped text question is not sent at all)
    };
    std::vector<Item> answers;  // the questions asked, in survey order
};

inline constexpr const char* submission_kind = "survey_response";

// The most characters of a person's own words for one question: a few
// sentences typed on the pad, well within what the office takes (500).
inline constexpr std::size_t words_max = 200;

} // namespace kiosk::surveys
