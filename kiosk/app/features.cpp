// The services of this kiosk, in home-screen order: one line each.
#include "app/feature_registry.hpp"

#include "features/fees/register.hpp"
#include "features/repairs/register.hpp"

namespace kiosk::app {

void register_features(FeatureRegistry& registry)
{
    fees::register_fees(registry);
    repairs::register_repairs(registry);
}

} // namespace kiosk::app
