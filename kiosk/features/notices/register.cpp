// The notices service: what residents need to know, by category, the urgent
// ones on home, and the attract screen of an idle kiosk.
#include "features/notices/register.hpp"

#include "app/feature_registry.hpp"
#include "features/notices/core/notices_feature.hpp"
#include "features/notices/io/notices_io.hpp"
#include "features/notices/screen/notices_screens.hpp"

namespace kiosk::notices {

void register_notices(app::FeatureRegistry& registry)
{
    registry.add({notices_core(), notices_screens(), notices_io()});
}

} // namespace kiosk::notices
