// Registers the surveys feature: its routes and demo seed.
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
        r.http.Get(R"(/v1/surveys/([A-Za-z0-9-]{1,64})/results)", r.api->get(by_path_id(surveys::survey_results)));
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
