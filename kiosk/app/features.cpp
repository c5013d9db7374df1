// The services of this kiosk, in home-screen order: one line each.
#include "app/feature_registry.hpp"

#include "features/fees/register.hpp"
#include "features/visitors/register.hpp"
#include "features/surveys/register.hpp"
#include "features/notices/register.hpp"

namespace kiosk::app {

void register_features(FeatureRegistry& registry)
{
    fees::register_fees(registry);
    visitors::register_visitors(registry);
    surveys::register_surveys(registry);
    notices::register_notices(registry);
}

} // namespace kiosk::app
