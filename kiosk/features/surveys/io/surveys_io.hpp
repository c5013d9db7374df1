// The surveys io as the shell's registry holds it, and its conversions
// (protocol <-> the core's plain survey data), public for the tests.
#pragma once

#include "features/surveys/core/surveys_requests.hpp"
#include "household/io/store_lockout_book.hpp"
#include "net/feature_io.hpp"

#include <memory>

#include <optional>

namespace lobby::protocol {
struct Survey;
struct SurveyAction;
struct SurveyResponseRequest;
}
namespace kiosk::store {
class Store;
}

namespace kiosk::household {
class UnitsMemo;
}

namespace kiosk::surveys {

SurveyInfo to_survey_info(const lobby::protocol::Survey& survey);
ActionInfo to_action_info(const lobby::protocol::SurveyAction& action);
// The body of POST /v1/survey-responses.
lobby::protocol::SurveyResponseRequest survey_response_request(const SurveySubmission& submission);

// Cached surveys (closing soonest first), 您说，我们做 items (newest first)
// and, with a memo, the units for the picker.
SurveysCache read_surveys_cache(store::Store& store, household::UnitsMemo* units = nullptr);

// `book` is the one the surveys core counts wrong digits in; attach() gives it the store.
net::FeatureIo surveys_io(std::shared_ptr<household::StoreLockoutBook> book);

} // namespace kiosk::surveys
