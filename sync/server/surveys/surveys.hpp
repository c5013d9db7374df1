// The surveys feature: surveys in the feed, one verified answer per
// household, anonymous answers counted apart, results for staff.
// Internal to the feature; the server sees only register_surveys().
#pragma once

#include "api.hpp"
#include "feature.hpp"

#include "protocol/surveys.hpp"
#include "verification.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lobby::server::surveys {

// A rating's scale: the choices "1" to "5".
inline constexpr std::size_t rating_points = 5;

// rules.cpp: empty when fine, else the problem in words.
std::string survey_problem(const protocol::Survey& survey);
std::string answers_problem(const protocol::Survey& survey, const std::vector<protocol::SurveyAnswer>& answers);

// publish.cpp
ApiResponse publish_survey(ApiContext& ctx, const protocol::Survey& survey);          // staff
ApiResponse publish_survey_action(ApiContext& ctx, const protocol::SurveyAction& a);  // staff
ApiResponse survey_status(ApiContext& ctx, const protocol::SurveyStatusRequest& req);  // a verified household

// surveys.cpp
std::optional<protocol::Survey> find_survey(Database& db, const std::string& survey_id);
ApiResponse answer_survey(ApiContext& ctx, const protocol::SurveyResponseRequest& req);

// results.cpp (staff only)
ApiResponse survey_results(ApiContext& ctx, const std::string& survey_id);

void seed_surveys(DemoSeed& seed);  // demo.cpp

} // namespace lobby::server::surveys
