// Fee data between the wire/cache (protocol types) and core's plain structs:
// units and fee kinds for the views, bills for an offline lookup.
#pragma once

#include "core/cached_data.hpp"
#include "core/live_calls.hpp"
#include "protocol/records.hpp"
#include "protocol/requests.hpp"

namespace kiosk::store {
class Store;
}

namespace kiosk::app {

UnitInfo to_unit_info(const lobby::protocol::Unit& unit);
FeeBill to_fee_bill(const lobby::protocol::Bill& bill);
FeeLookup to_fee_lookup(const lobby::protocol::FeeLookupResult& result);
PaymentOrderInfo to_order_info(const lobby::protocol::PaymentOrder& order);

// Reads cached units (sorted for the pickers) and fee kinds into `data`.
void read_fee_data(store::Store& store, CachedData& data);

// The offline fee lookup: checks the digits against the cached keyed hash,
// then reads the unit's cached bills (from_cache, never payable).
EventFeesLookupDone cached_fee_lookup(store::Store& store, const CallFeeLookup& call);

} // namespace kiosk::app
