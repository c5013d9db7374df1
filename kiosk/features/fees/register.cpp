// The fees service: what residents owe, what each fee covers, paying by QR.
#include "features/fees/register.hpp"

#include "app/feature_registry.hpp"
#include "features/fees/core/fees_feature.hpp"
#include "features/fees/io/fees_io.hpp"
#include "features/fees/screen/fees_screens.hpp"

namespace kiosk::fees {

void register_fees(app::FeatureRegistry& registry)
{
    registry.add({fees_core(registry.config()), fees_screens(), fees_io()});
}

} // namespace kiosk::fees
