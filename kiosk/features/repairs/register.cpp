// The repairs service: report (emergency first), follow, accept and rate.
#include "features/repairs/register.hpp"

#include "app/feature_registry.hpp"
#include "features/repairs/core/repairs_feature.hpp"
#include "features/repairs/io/repairs_io.hpp"
#include "features/repairs/screen/repairs_screens.hpp"

namespace kiosk::repairs {

void register_repairs(app::FeatureRegistry& registry)
{
    // One lockout book shared by the core (which counts) and the io (which gives it the store).
    auto book = std::make_shared<household::StoreLockoutBook>();
    registry.add({repairs_core(ticket_secrets(), registry.config(), book), repairs_screens(), repairs_io(book)});
}

} // namespace kiosk::repairs
