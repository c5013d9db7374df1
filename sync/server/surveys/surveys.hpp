// The surveys feature: surveys in the feed, one verified answer per
// household, anonymous answers counted apart, results for staff.
// Internal to the feature; the server sees only register_surveys().
#pragma once

#include "api.hpp"
#include "feature.hpp"

#include "protocol/surveys.hpp"

#include <optional>
#include <string>

namespace lobby::server::surveys {

// surveys.cpp
std::optional<protocol::Survey> find_survey(Database& db, const std::string& survey_id);
ApiResponse answer_survey(ApiContext& ctx, const protocol::SurveyResponseRequest& req);

// results.cpp (staff only)
ApiResponse survey_results(ApiContext& ctx, const std::string& survey_id);

void seed_surveys(DemoSeed& seed);  // demo.cpp

} // namespace lobby::server::surveys
