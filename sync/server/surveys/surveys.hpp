// The surveys feature: surveys in the feed and one answer per household.
// Internal to the feature; the server sees only register_surveys().
#pragma once

#include "api.hpp"
#include "feature.hpp"

#include "protocol/surveys.hpp"

namespace lobby::server::surveys {

ApiResponse answer_survey(ApiContext& ctx, const protocol::SurveyResponseRequest& req);  // surveys.cpp
void seed_surveys(DemoSeed& seed);                                                       // demo.cpp

} // namespace lobby::server::surveys
