// Registers the surveys feature: its routes and demo seed (no schema step:
// surveys and 您说，我们做 items live in the feed as documents).
#include "router.hpp"
#include "surveys/surveys.hpp"

namespace lobby::server {

void register_surveys(FeatureRegistry& registry) {
    Feature f;
    f.name = "surveys";
    f.seed_activity = surveys::seed_surveys;
    f.routes = [](RouteContext& r) {
        r.http.Post("/v1/survey-responses",
                    r.api->idempotent_post<protocol::SurveyResponseRequest>(body_only(surveys::answer_survey)));
        r.http.Post("/v1/surveys", r.api->idempotent_post<protocol::Survey>(body_only(surveys::publish_survey)));
        r.http.Post("/v1/survey-actions",
                    r.api->idempotent_post<protocol::SurveyAction>(body_only(surveys::publish_survey_action)));
        // A read: no Idempotency-Key.
        r.http.Post("/v1/survey-status", r.api->post<protocol::SurveyStatusRequest>(body_only(surveys::survey_status)));
        r.http.Get(R"(/v1/surveys/([A-Za-z0-9-]{1,64})/results)", r.api->get(by_path_id(surveys::survey_results)));
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
