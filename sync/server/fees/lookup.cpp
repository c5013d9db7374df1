// Fee lookup: the household check (household_check.hpp: the same waits and
// lock as every household verification), then the unit's bills with a
// verification token for a payment order.
#include "fees/fees.hpp"

#include "fees/bills.hpp"
#include "household_check.hpp"
#include "verification.hpp"

namespace lobby::server::fees {
namespace {

HouseholdClaim claim_of(const protocol::FeeLookupRequest& req) {
    return HouseholdClaim{req.unit_id, req.phone_last4, req.session_id};
}

ApiResponse bills_of(ApiContext& ctx, const protocol::Unit& unit) {
    protocol::FeeLookupResult result;
    result.verification_token = issue_unit_verification(ctx, unit.id);
    result.unit = unit;
    result.bills = unit_bills(ctx.db, unit.id, ctx.now);
    for (const auto& b : result.bills) {
        const std::int64_t due = b.amount_fen - b.paid_fen;
        result.total_due_fen += due;
        if (b.late) result.late_due_fen += due;
        if (due > 0) ++result.unpaid_count;
    }
    return api_ok(200, result);
}

} // namespace

std::optional<ApiResponse> lookup_fees_read_only(ApiContext& ctx, const protocol::FeeLookupRequest& req) {
    // A failure must be counted, a success must reset the session's count,
    // and a success issues a verification token: all need the write path.
    return household_refusal_read_only(ctx, claim_of(req));
}

ApiResponse lookup_fees(ApiContext& ctx, const protocol::FeeLookupRequest& req) {
    auto checked = check_household(ctx, claim_of(req));
    if (auto* refusal = std::get_if<ApiResponse>(&checked)) return *refusal;
    return bills_of(ctx, std::get<protocol::Unit>(checked));
}

} // namespace lobby::server::fees
