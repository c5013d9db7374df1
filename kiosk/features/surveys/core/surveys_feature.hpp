// The surveys service as a feature module: its typed state, requests, view
// and cache. Answers go through the outbox; the online calls verify a
// household (the shared household pieces) and ask whether it has answered.
#pragma once

#include "core/feature.hpp"
#include "features/surveys/core/surveys_requests.hpp"
#include "features/surveys/core/surveys_session.hpp"
#include "features/surveys/core/surveys_view.hpp"

#include <variant>

namespace kiosk::surveys {

inline const FeatureId feature_id = "surveys";

class SurveysFeature {
public:
    using State = SurveysSession;
    using Request = SurveysRequest;
    using Answer = SurveysAnswer;
    using View = SurveysView;
    using Cache = SurveysCache;

    SurveysFeature(const KioskConfig& config, std::shared_ptr<household::LockoutBook> book);

    void on_request(State& s, const Request& request, FeatureContext& ctx);
    void on_answer(State& s, std::uint64_t call_id, const Answer& answer, FeatureContext& ctx);
    bool on_tick(State& s, FeatureContext& ctx) { return m_verifier.on_tick(s.verification, ctx); }
    std::int64_t next_tick_ms(const State& s) const { return m_verifier.next_tick_ms(s.verification); }
    bool on_back(State& s, FeatureContext& ctx);
    int min_idle_timeout_s(const State&) const { return 0; }
    View build_view(const State& s, const Cache& cache, const FeatureViewInputs& in) const;  // surveys_views.cpp

private:
    void handle(State& s, const RequestStart& r, FeatureContext& ctx);
    void handle(State& s, const household::RequestBuilding& r, FeatureContext& ctx);
    void handle(State& s, const household::RequestEntrance& r, FeatureContext& ctx);
    void handle(State& s, const household::RequestRoomKey& r, FeatureContext& ctx);
    void handle(State& s, const household::RequestRoom& r, FeatureContext& ctx);
    void handle(State& s, const household::RequestKey& r, FeatureContext& ctx);
    void handle(State& s, const household::RequestSubmit& r, FeatureContext& ctx);
    void handle(State& s, const RequestPick& r, FeatureContext& ctx);
    void handle(State& s, const RequestChoicePage& r, FeatureContext& ctx);
    void handle(State& s, const RequestWords& r, FeatureContext& ctx);
    void handle(State& s, const RequestNext& r, FeatureContext& ctx);
    void handle(State& s, const RequestEdit& r, FeatureContext& ctx);
    void handle(State& s, const RequestSendAnswers& r, FeatureContext& ctx);
    void answered(State& s, const household::HouseholdVerified& a, FeatureContext& ctx);
    void answered(State& s, const SurveyStatusDone& a, FeatureContext& ctx);
    void show(State& s, const std::string& question_id);

    household::Verifier m_verifier;
};

// Without a book the wrong-digit counts live in memory (tests; the io
// passes the store's).
FeatureCore surveys_core(const KioskConfig& config, std::shared_ptr<household::LockoutBook> book = nullptr);

} // namespace kiosk::surveys
