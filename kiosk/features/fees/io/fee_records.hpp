// Fee data between the wire/cache (protocol types) and the fees core's plain
// structs: units and fee kinds for the views, bills for an offline lookup.
#pragma once

#include "features/fees/core/fees_calls.hpp"
#include "store/types.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace lobby::protocol {
struct Unit;
struct Bill;
struct FeeLookupResult;
struct PaymentOrder;
struct PaymentOrderRequest;
}
namespace kiosk::store {
class Store;
}

namespace kiosk::fees {

UnitInfo to_unit_info(const lobby::protocol::Unit& unit);
FeeBill to_fee_bill(const lobby::protocol::Bill& bill);
FeeLookup to_fee_lookup(const lobby::protocol::FeeLookupResult& result);
PaymentOrderInfo to_order_info(const lobby::protocol::PaymentOrder& order);
// The server's verification token of an online lookup ("" when it sent none).
std::string verification_token_of(const lobby::protocol::FeeLookupResult& result);
// The body of POST /v1/payment-orders, with this session's verification token.
lobby::protocol::PaymentOrderRequest payment_order_request(const CallCreateOrder& call);

// The cached units, sorted for the pickers. The store's version moves on
// every pull page, but decoding 5,000 units takes ~15 ms of a frame: re-read
// only when the units collection itself changed (its row count or newest seq).
class UnitsMemo {
public:
    const std::vector<UnitInfo>& units(store::Store& store);

private:
    store::CollectionStamp m_stamp{-1, -1};
    std::vector<UnitInfo> m_units;
};

// What the fees views read: cached units (sorted for the pickers) and fee kinds.
FeesCache read_fees_cache(store::Store& store, UnitsMemo& memo);

// The offline fee lookup: checks the digits against the cached keyed hash,
// then reads the unit's cached bills (from_cache, never payable).
LookupDone cached_fee_lookup(store::Store& store, const CallFeeLookup& call);

} // namespace kiosk::fees
