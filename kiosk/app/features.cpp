// The services of this kiosk, in home-screen order: one line each.
#include "app/feature_registry.hpp"

#include "features/fees/register.hpp"
#include "features/repairs/register.hpp"
#include "features/visitors/register.hpp"
#include "features/notices/register.hpp"
#include "features/surveys/register.hpp"

namespace kiosk::app {

void register_features(FeatureRegistry& registry)
{
    fees::register_fees(registry);
    repairs::register_repairs(registry);
    visitors::register_visitors(registry);
    notices::register_notices(registry);
    surveys::register_surveys(registry);
}

} // namespace kiosk::app
