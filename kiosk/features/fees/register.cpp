// The fees service: what residents owe, what each fee covers, paying by QR.
#include "features/fees/register.hpp"

#include "app/feature_registry.hpp"
#include "features/fees/core/fees_feature.hpp"
#include "features/fees/io/fees_io.hpp"
#include "features/fees/screen/fees_screens.hpp"

namespace kiosk::fees {

void register_fees(app::FeatureRegistry& registry)
{
    // One lockout book shared by the core (which counts) and the io (which
    // gives it the store).
    auto book = std::make_shared<household::StoreLockoutBook>();
    registry.add({fees_core(registry.config(), book), fees_screens(), fees_io(book)});
}

} // namespace kiosk::fees
