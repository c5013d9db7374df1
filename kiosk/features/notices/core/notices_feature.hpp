// The notices service as a feature module: the list by category, a notice's
// detail, the urgent home banner that opens it, the attract screen's slides,
// and the moment cached notices change by time alone (their end).
#pragma once

#include "core/feature.hpp"
#include "features/notices/core/notice_types.hpp"
#include "features/notices/core/notices_requests.hpp"
#include "features/notices/core/notices_session.hpp"
#include "features/notices/core/notices_view.hpp"

#include <optional>

namespace kiosk::notices {

inline const FeatureId feature_id = "notices";

class NoticesFeature {
public:
    using State = NoticesSession;
    using Request = NoticesRequest;
    using Answer = NoticesAnswer;
    using View = NoticesView;
    using Cache = NoticesCache;

    void on_request(State& state, const Request& request, FeatureContext& ctx);
    void on_answer(State&, std::uint64_t, const Answer&, FeatureContext&) {}
    bool on_tick(State&, FeatureContext&) { return false; }
    std::int64_t next_tick_ms(const State&) const { return INT64_MAX; }
    bool on_back(State& state, FeatureContext& ctx);
    int min_idle_timeout_s(const State&) const { return 0; }
    View build_view(const State& state, const Cache& cache, const FeatureViewInputs& in) const;  // notices_views.cpp

    // The newest current urgent notice, as home's banner.
    std::optional<HomeBanner> home_banner(const Cache& cache, const FeatureViewInputs& in) const;
    // Slide `slide` of the attract screen: the current notices in list order, round and round.
    std::optional<AttractView> attract(const Cache& cache, const FeatureViewInputs& in, int slide) const;
};

FeatureCore notices_core();

} // namespace kiosk::notices
