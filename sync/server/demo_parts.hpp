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

// Fills the empty estate `db` with a copy of every record of the estate at
// `template_location` (Estates::location) except its kiosks, staff,
// codes and stored responses, in one transaction that also runs `then`
// (the copy's own kiosks and name). Inside the database: one INSERT ...
// SELECT a table, identity and feed sequences moved past the copied rows.
void copy_estate_records(Database& db, const std::string& template_location, const std::function<void()>& then);

} // namespace lobby::server::demo
