// Notices: requests, Back, and the record the shell uses (with the banner,
// open-item, expiry and attract hooks).
#include "features/notices/core/notices_feature.hpp"

#include "core/feature_adapter.hpp"

#include <algorithm>
#include <climits>
#include <memory>

namespace kiosk::notices {

std::int64_t next_expiry_utc(const NoticesCache& cache, std::int64_t now_utc)
{
    std::int64_t next = INT64_MAX;
    for (const NoticeItem& notice : cache.notices)
        if (notice.expires_utc > now_utc)
            next = std::min(next, notice.expires_utc);
    return next;
}

void NoticesFeature::on_request(State& state, const Request& request, FeatureContext&)
{
    if (const auto* r = std::get_if<RequestCategory>(&request)) {
        state.category = r->kind;
        state.open_id.clear();
    } else if (const auto* open = std::get_if<RequestOpen>(&request)) {
        state.open_id = open->id;
    } else if (std::holds_alternative<RequestClose>(request)) {
        state.open_id.clear();
    }
}

bool NoticesFeature::on_back(State& state, FeatureContext&)
{
    if (state.open_id.empty())
        return false;
    state.open_id.clear();  // from a notice, Back goes to the list
    return true;
}

FeatureCore notices_core()
{
    auto feature = std::make_shared<NoticesFeature>();
    FeatureCore core = make_feature_core(feature, feature_id, {"home.tile.notices", "home.tile.notices", "bullhorn"},
                                         "notices.title");
    static const NoticesCache no_cache;
    const auto cache_of = [](const std::any& cache) {
        const NoticesCache* typed = std::any_cast<NoticesCache>(&cache);
        return typed ? typed : &no_cache;
    };
    core.home_banner = [feature, cache_of](const FeatureViewInputs& in) {
        return feature->home_banner(*cache_of(in.cache), in);
    };
    core.open_item = [](std::any& state, const std::string& item, FeatureContext&) {
        if (auto* s = std::any_cast<NoticesSession>(&state))
            *s = NoticesSession{{}, item};
    };
    core.cache_changes_at_utc = [cache_of](const std::any& cache, std::int64_t now_utc) {
        return next_expiry_utc(*cache_of(cache), now_utc);
    };
    core.build_attract = [feature, cache_of](const FeatureViewInputs& in, int slide) -> std::any {
        if (auto view = feature->attract(*cache_of(in.cache), in, slide))
            return *view;
        return {};
    };
    core.same_attract = [](const std::any& a, const std::any& b) {
        const AttractView* x = std::any_cast<AttractView>(&a);
        const AttractView* y = std::any_cast<AttractView>(&b);
        return x && y && *x == *y;
    };
    return core;
}

} // namespace kiosk::notices
