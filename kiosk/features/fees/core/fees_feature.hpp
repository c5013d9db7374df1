// The fees service as a feature module: its typed state, requests, answers,
// view and cache. The unit picker and the verification with its rules on
// wrong digits are the shared household pieces. fees_core() makes
// its FeatureCore record.
#pragma once

#include "core/feature.hpp"
#include "features/fees/core/fees_calls.hpp"
#include "features/fees/core/fees_requests.hpp"
#include "features/fees/core/fees_session.hpp"
#include "features/fees/core/fees_view.hpp"

namespace kiosk::fees {

// The wrong-digit counts are the shared household guard's.
using household::LockoutBook;
using household::MemoryLockoutBook;

inline const FeatureId feature_id = "fees";

class FeesFeature {
public:
    using State = FeesSession;
    using Request = FeesRequest;
    using Answer = FeesAnswer;
    using View = FeesView;
    using Cache = FeesCache;

    FeesFeature(const KioskConfig& config, std::shared_ptr<LockoutBook> book);

    void on_request(State& fees, const Request& request, FeatureContext& ctx);
    void on_answer(State& fees, std::uint64_t call_id, const Answer& answer, FeatureContext& ctx);
    bool on_tick(State& fees, FeatureContext& ctx);
    std::int64_t next_tick_ms(const State& fees) const;
    bool on_back(State& fees, FeatureContext& ctx);
    int min_idle_timeout_s(const State& fees) const;
    View build_view(const State& fees, const Cache& cache, const FeatureViewInputs& in) const;  // fees_views.cpp

    // No-touch time allowed while a payment QR code is shown.
    static constexpr int paying_idle_timeout_s = 180;

private:
    void handle(State& fees, const RequestBuilding& r, FeatureContext& ctx);
    void handle(State& fees, const RequestEntrance& r, FeatureContext& ctx);
    void handle(State& fees, const RequestRoomKey& r, FeatureContext& ctx);
    void handle(State& fees, const RequestRoom& r, FeatureContext& ctx);
    void handle(State& fees, const RequestKey& r, FeatureContext& ctx);
    void handle(State& fees, const RequestSubmit& r, FeatureContext& ctx);
    void handle(State& fees, const RequestExplain& r, FeatureContext& ctx);
    void handle(State& fees, const RequestTogglePaidHistory& r, FeatureContext& ctx);
    void handle(State& fees, const RequestChoose& r, FeatureContext& ctx);
    void handle(State& fees, const RequestToggleBill& r, FeatureContext& ctx);
    void handle(State& fees, const RequestChooseAll& r, FeatureContext& ctx);
    void handle(State& fees, const RequestChooseKind& r, FeatureContext& ctx);
    void handle(State& fees, const RequestPay& r, FeatureContext& ctx);
    void handle(State& fees, const RequestChangeChoice& r, FeatureContext& ctx);
    void handle(State& fees, const RequestRestart& r, FeatureContext& ctx);
    void answered(State& fees, const LookupDone& e, FeatureContext& ctx);
    void answered(State& fees, const OrderDone& e, FeatureContext& ctx);
    void lookup_again(State& fees, FeatureContext& ctx);

    household::Verifier m_verifier;
};

// The record the shell's Controller and views use. Without a book the
// lockout counts live in memory (tests; the io passes the store's).
FeatureCore fees_core(const KioskConfig& config, std::shared_ptr<LockoutBook> book = nullptr);

} // namespace kiosk::fees
