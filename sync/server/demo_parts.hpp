// The core parts of the demo seed (estate record, units and residents); the
// features add theirs through the registry (feature.hpp).
#pragma once

#include "feature.hpp"

#include <functional>

namespace lobby::server::demo {

void seed_estate_record(DemoSeed& seed);
// Units and their residents; `on_unit` runs right after each unit is published.
void seed_units(DemoSeed& seed, const std::function<void(const DemoUnit&)>& on_unit);

} // namespace lobby::server::demo
