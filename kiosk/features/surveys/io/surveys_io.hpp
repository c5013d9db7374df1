// The surveys io as the shell's registry holds it, and its conversions
// (protocol <-> the core's plain survey data), public for the tests.
#pragma once

#include "features/surveys/core/surveys_requests.hpp"
#include "net/feature_io.hpp"

#include <optional>

namespace lobby::protocol {
struct Survey;
struct SurveyAction;
struct SurveyResponseRequest;
}
namespace kiosk::store {
class Store;
}

namespace kiosk::surveys {

SurveyInfo to_survey_info(const lobby::protocol::Survey& survey);
ActionInfo to_action_info(const lobby::protocol::SurveyAction& action);
// The body of POST /v1/survey-responses.
lobby::protocol::SurveyResponseRequest survey_response_request(const SurveySubmission& submission);

// Cached surveys (closing soonest first) and 您说，我们做 items (newest first).
SurveysCache read_surveys_cache(store::Store& store);

net::FeatureIo surveys_io();

} // namespace kiosk::surveys
