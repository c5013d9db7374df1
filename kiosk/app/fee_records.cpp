// Conversions from protocol records to core's fee structs, and the cache read.
#include "app/fee_records.hpp"

#include "protocol/decode.hpp"
#include "store/store.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <tuple>

namespace kiosk::app {
namespace p = lobby::protocol;

UnitInfo to_unit_info(const p::Unit& unit)
{
    return {unit.id, static_cast<int>(unit.building), static_cast<int>(unit.entrance), static_cast<int>(unit.floor),
            unit.room, unit.area_m2, unit.owner_masked};
}

FeeBill to_fee_bill(const p::Bill& bill)
{
    return {bill.id, bill.fee_kind, bill.period, bill.amount_fen, bill.paid_fen, bill.status, bill.due_date, bill.late};
}

FeeLookup to_fee_lookup(const p::FeeLookupResult& result)
{
    FeeLookup lookup;
    lookup.unit = to_unit_info(result.unit);
    for (const p::Bill& bill : result.bills)
        lookup.bills.push_back(to_fee_bill(bill));
    lookup.total_due_fen = result.total_due_fen;  // the office's figure is the authority
    lookup.late_due_fen = result.late_due_fen;
    return lookup;
}

PaymentOrderInfo to_order_info(const p::PaymentOrder& order)
{
    return {order.id, order.bill_ids, order.amount_fen, order.status, order.qr_payload, order.expires_at};
}

void read_fee_data(store::Store& store, CachedData& data)
{
    if (auto units = store.units()) {
        for (const auto& record : units.value()) {
            auto decoded = p::decode<p::Unit>(record.data);
            if (decoded)
                data.units.push_back(to_unit_info(decoded.value()));
            else
                spdlog::warn("cache: unit {} unreadable: {}", record.key, decoded.error().message);
        }
        std::sort(data.units.begin(), data.units.end(), [](const UnitInfo& a, const UnitInfo& b) {
            return std::tie(a.building, a.entrance, a.floor, a.room) < std::tie(b.building, b.entrance, b.floor, b.room);
        });
    }
    if (auto kinds = store.fee_kinds()) {
        for (const auto& record : kinds.value()) {
            auto decoded = p::decode<p::FeeKind>(record.data);
            if (!decoded)
                continue;
            const auto& k = decoded.value();
            data.fee_kinds.push_back({k.code,
                                      {k.name.zh_cn, k.name.zh_hk, k.name.en},
                                      {k.covers.zh_cn, k.covers.zh_hk, k.covers.en},
                                      {k.not_covered.zh_cn, k.not_covered.zh_hk, k.not_covered.en}});
        }
    }
}

} // namespace kiosk::app
