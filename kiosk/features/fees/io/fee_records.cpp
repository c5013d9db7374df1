// Conversions from protocol records to core's fee structs, and the cache read.
#include "features/fees/io/fee_records.hpp"

#include "household/io/verify_io.hpp"
#include "protocol/decode.hpp"
#include "protocol/estate.hpp"
#include "protocol/fees.hpp"
#include "store/store.hpp"

#include <spdlog/spdlog.h>


namespace kiosk::fees {
namespace p = lobby::protocol;

using household::to_unit_info;

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
    return {order.id,         order.bill_ids,     order.amount_fen,           order.status,
            order.qr_payload, order.expires_at,   order.paid_at.value_or(0), order.receipt_url.value_or(std::string())};
}

std::string verification_token_of(const p::FeeLookupResult& result)
{
    return result.verification_token.value_or(std::string());
}

p::PaymentOrderRequest payment_order_request(const CallCreateOrder& call)
{
    p::PaymentOrderRequest req{call.unit_id, call.bill_ids, std::nullopt};
    if (!call.verification_token.empty())
        req.verification_token = call.verification_token;
    return req;
}

CallOutcome to_call_outcome(household::Outcome outcome)
{
    switch (outcome) {
    case household::Outcome::Ok: return CallOutcome::Ok;
    case household::Outcome::WrongDigits: return CallOutcome::WrongDigits;
    case household::Outcome::Wait: return CallOutcome::Wait;
    case household::Outcome::Locked: return CallOutcome::Locked;
    case household::Outcome::UnknownUnit: return CallOutcome::UnknownUnit;
    case household::Outcome::NotCached: return CallOutcome::NotCached;
    case household::Outcome::NoOfflineCheck: return CallOutcome::NoOfflineCheck;
    case household::Outcome::ServerError: break;
    }
    return CallOutcome::ServerError;
}

FeesCache read_fees_cache(store::Store& store, household::UnitsMemo& memo)
{
    FeesCache data;
    data.units = memo.units(store);
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
    return data;
}

LookupDone cached_fee_lookup(store::Store& store, const CallFeeLookup& call)
{
    const household::VerifyAnswer checked = household::offline_check(&store, call.unit_id, call.last4);
    LookupDone done;
    done.outcome = to_call_outcome(checked.outcome);
    done.attempts_left = checked.attempts_left;
    done.offline = true;
    if (checked.outcome != household::Outcome::Ok)
        return done;
    auto unit = store.record("units", call.unit_id);
    if (!unit || !unit.value()) {
        done.outcome = CallOutcome::NotCached;
        return done;
    }
    auto decoded_unit = p::decode<p::Unit>(unit.value()->data);
    auto bills = store.bills_for_unit(call.unit_id);
    if (!decoded_unit || !bills) {
        done.outcome = CallOutcome::ServerError;
        return done;
    }
    FeeLookup lookup;
    lookup.unit = to_unit_info(decoded_unit.value());
    lookup.from_cache = true;
    for (const auto& record : bills.value()) {
        auto bill = p::decode<p::Bill>(record.data);
        if (!bill)
            continue;
        lookup.bills.push_back(to_fee_bill(bill.value()));
        // Offline the cache is all we have; the view labels it "as of".
        lookup.total_due_fen += lookup.bills.back().due_fen();
        if (lookup.bills.back().late)
            lookup.late_due_fen += lookup.bills.back().due_fen();
    }
    done.outcome = CallOutcome::Ok;
    done.lookup = std::move(lookup);
    return done;
}

} // namespace kiosk::fees
