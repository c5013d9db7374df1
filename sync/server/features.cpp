// The one place that lists the server's features: one line per feature.
#include "feature.hpp"

namespace lobby::server {

void register_notices(FeatureRegistry& registry);   // notices/register.cpp
void register_surveys(FeatureRegistry& registry);   // surveys/register.cpp
void register_fees(FeatureRegistry& registry);      // fees/register.cpp
void register_households(FeatureRegistry& registry);  // household_routes.cpp
void register_repairs(FeatureRegistry& registry);   // repairs/register.cpp
void register_visitors(FeatureRegistry& registry);  // visitors/register.cpp
void register_kiosks(FeatureRegistry& registry);    // kiosks/register.cpp
void register_console(FeatureRegistry& registry);   // console/register.cpp
void register_company(FeatureRegistry& registry);   // company/register.cpp

const FeatureRegistry& server_features() {
    static const FeatureRegistry registry = [] {
        FeatureRegistry r;
        register_notices(r);
        register_surveys(r);
        register_fees(r);
        register_households(r);
        register_repairs(r);
        register_visitors(r);
        register_kiosks(r);
        register_console(r);
        register_company(r);
        return r;
    }();
    return registry;
}

} // namespace lobby::server
