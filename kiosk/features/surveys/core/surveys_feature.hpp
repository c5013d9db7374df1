// The surveys service as a feature module: its typed state, requests, view
// and cache. It makes no online calls (answers go through the outbox).
#pragma once

#include "core/feature.hpp"
#include "features/surveys/core/surveys_requests.hpp"
#include "features/surveys/core/surveys_session.hpp"
#include "features/surveys/core/surveys_view.hpp"

#include <variant>

namespace kiosk::surveys {

inline const FeatureId feature_id = "surveys";

// No online calls yet: the answer type is a placeholder the adapter needs.
struct NoAnswer {};

class SurveysFeature {
public:
    using State = SurveysSession;
    using Request = SurveysRequest;
    using Answer = NoAnswer;
    using View = SurveysView;
    using Cache = SurveysCache;

    void on_request(State& s, const Request& request, FeatureContext& ctx);
    void on_answer(State&, std::uint64_t, const Answer&, FeatureContext&) {}
    bool on_tick(State&, FeatureContext&) { return false; }
    std::int64_t next_tick_ms(const State&) const { return INT64_MAX; }
    bool on_back(State& s, FeatureContext& ctx);
    int min_idle_timeout_s(const State&) const { return 0; }
    View build_view(const State& s, const Cache& cache, const FeatureViewInputs& in) const;  // surveys_views.cpp

private:
    void handle(State& s, const RequestStart& r, FeatureContext& ctx);
    void handle(State& s, const RequestPick& r, FeatureContext& ctx);
    void handle(State& s, const RequestChoicePage& r, FeatureContext& ctx);
    void handle(State& s, const RequestNext& r, FeatureContext& ctx);
    void handle(State& s, const RequestEdit& r, FeatureContext& ctx);
    void handle(State& s, const RequestSubmit& r, FeatureContext& ctx);
    void show(State& s, const std::string& question_id);
};

FeatureCore surveys_core();

} // namespace kiosk::surveys
