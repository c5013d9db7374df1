// The repairs service: report (emergency first), follow, accept and rate.
#include "features/repairs/register.hpp"

#include "app/feature_registry.hpp"
#include "features/repairs/core/repairs_feature.hpp"
#include "features/repairs/io/repairs_io.hpp"
#include "features/repairs/screen/repairs_screens.hpp"

#include "protocol/follow_code.hpp"
#include "protocol/uuid.hpp"

namespace kiosk::repairs {

void register_repairs(app::FeatureRegistry& registry)
{
    namespace p = lobby::protocol;
    TicketSecrets secrets{p::make_follow_code, p::make_status_token, p::make_uuid_v4};
    registry.add({repairs_core(std::move(secrets)), repairs_screens(), repairs_io()});
}

} // namespace kiosk::repairs
