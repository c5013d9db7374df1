// The visitors service: visitor codes, walk-in registration, move-out releases.
#include "features/visitors/register.hpp"

#include "app/feature_registry.hpp"
#include "features/visitors/core/visitors_feature.hpp"
#include "features/visitors/io/visitors_io.hpp"
#include "features/visitors/screen/visitors_screens.hpp"

namespace kiosk::visitors {

void register_visitors(app::FeatureRegistry& registry)
{
    registry.add({visitors_core(), visitors_screens(), visitors_io()});
}

} // namespace kiosk::visitors
