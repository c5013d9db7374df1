// The core parts of the demo seed (estate record, units and residents); the
// features add theirs through the registry (feature.hpp).
#pragma once

#include "feature.hpp"

#include "protocol/estate.hpp"

#include <functional>

namespace lobby::server::demo {

// 翠湖花园, or the same record under another name (the other demo estates).
void seed_estate_record(DemoSeed& seed, const protocol::LocalizedText* name = nullptr);
// How many units the demo plan has (the activity refers to some of them:
// a smaller estate gets none).
int plan_units();
// Units and their residents; `on_unit` runs right after each unit is published.
void seed_units(DemoSeed& seed, const std::function<void(const DemoUnit&)>& on_unit);

} // namespace lobby::server::demo
