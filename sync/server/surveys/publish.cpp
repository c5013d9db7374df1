// Staff publish surveys and 您说，我们做 items; both reach kiosks through the feed.
#include "surveys/surveys.hpp"

#include "feed.hpp"

#include "protocol/changes.hpp"

namespace lobby::server::surveys {
namespace {

bool has_answers(Database& db, const std::string& survey_id) {
    Statement st(db, "SELECT 1 FROM survey_responses WHERE survey_id = ? LIMIT 1");
    st.bind(1, survey_id);
    return st.step();
}

} // namespace

ApiResponse publish_survey(ApiContext& ctx, const protocol::Survey& survey) {
    if (auto refused = require_staff(ctx, "Only office staff can publish surveys.")) return *refused;
    if (const std::string problem = survey_problem(survey); !problem.empty())
        return api_error(422, protocol::error_code::invalid_field, problem);
    // Answers name questions and choices: once there are answers, changing
    // them would change what those answers meant. Dates and title may move.
    if (const auto old = find_survey(ctx.db, survey.id);
        old && nlohmann::json(old->questions) != nlohmann::json(survey.questions) && has_answers(ctx.db, survey.id))
        return api_error(422, protocol::error_code::invalid_field,
                         "Field 'questions' cannot change: survey " + survey.id + " already has answers.");
    publish(ctx.db, protocol::collection::surveys, survey.id, survey);
    return api_ok(201, survey);
}

ApiResponse publish_survey_action(ApiContext& ctx, const protocol::SurveyAction& action) {
    if (auto refused = require_staff(ctx, "Only office staff can publish what the office did.")) return *refused;
    if (action.survey_id && !find_survey(ctx.db, *action.survey_id))
        return api_error(404, protocol::error_code::unknown_survey, "Survey " + *action.survey_id + " does not exist.");
    publish(ctx.db, protocol::collection::survey_actions, action.id, action);
    return api_ok(201, action);
}

ApiResponse survey_status(ApiContext& ctx, const protocol::SurveyStatusRequest& req) {
    // The person stands at the kiosk: the online window, like a payment order.
    if (!unit_verified(ctx, req.verification_token, req.unit_id, VerificationUse::online))
        return api_error(403, protocol::error_code::verification_required,
                         "Whether a household has answered is told only with the verification_token of this kiosk's "
                         "verification of unit " + req.unit_id + ".");
    if (!find_survey(ctx.db, req.survey_id))
        return api_error(404, protocol::error_code::unknown_survey, "Survey " + req.survey_id + " does not exist.");
    Statement st(ctx.db, "SELECT 1 FROM survey_responses WHERE survey_id = ? AND unit_id = ?");
    st.bind(1, req.survey_id).bind(2, req.unit_id);
    return api_ok(200, protocol::SurveyStatus{req.survey_id, st.step()});
}

} // namespace lobby::server::surveys
