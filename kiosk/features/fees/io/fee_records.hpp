// Fee data between the wire/cache (protocol types) and the fees core's plain
// structs: units and fee kinds for the views, bills for an offline lookup.
#pragma once

#include "features/fees/core/fees_calls.hpp"
#include "household/core/verification.hpp"
#include "household/io/units_memo.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace lobby::protocol {
struct Bill;
struct FeeLookupResult;
struct PaymentOrder;
struct PaymentOrderRequest;
}
namespace kiosk::store {
class Store;
}

namespace kiosk::fees {

FeeBill to_fee_bill(const lobby::protocol::Bill& bill);
FeeLookup to_fee_lookup(const lobby::protocol::FeeLookupResult& result);
PaymentOrderInfo to_order_info(const lobby::protocol::PaymentOrder& order);
// The server's verification token of an online lookup ("" when it sent none).
std::string verification_token_of(const lobby::protocol::FeeLookupResult& result);
// The body of POST /v1/payment-orders, with this session's verification token.
lobby::protocol::PaymentOrderRequest payment_order_request(const CallCreateOrder& call);

// What the fees views read: cached units (sorted for the pickers) and fee kinds.
FeesCache read_fees_cache(store::Store& store, household::UnitsMemo& memo);

// A refused verification as a fees outcome.
CallOutcome to_call_outcome(household::Outcome outcome);

// The offline fee lookup: checks the digits as household::offline_check does,
// then reads the unit's cached bills (from_cache, never payable).
LookupDone cached_fee_lookup(store::Store& store, const CallFeeLookup& call);

} // namespace kiosk::fees
