// Visitor data between protocol types and the core; the offline code check.
#include "features/visitors/io/visitor_records.hpp"

#include "protocol/decode.hpp"
#include "protocol/visitors.hpp"
#include "store/store.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::visitors {
namespace p = lobby::protocol;

PassInfo to_pass_info(const p::VisitorPass& pass)
{
    return PassInfo{pass.id, pass.code, pass.kind, pass.unit_id, pass.visitor_masked, pass.status, pass.valid_until,
                    false};
}

ReleaseInfo to_release_info(const p::MoveOut& m)
{
    return ReleaseInfo{m.release_code.value_or(""), m.unit_id, m.status, m.planned_date, m.decided_at.value_or(0)};
}

p::VisitorRequest visitor_request(const WalkInForm& form)
{
    p::VisitorRequest r;
    r.phone = form.phone;
    r.unit_id = form.unit_id;
    r.purpose = form.purpose;
    r.people = form.people;
    // Only what the purpose asked (a courier gives no name, a walker no plate).
    if (!form.surname.empty())
        r.name = form.surname;
    if (!form.car_plate.empty())
        r.car_plate = form.car_plate;
    return r;
}

p::MoveOutRequest move_out_request(const CallRequestRelease& call)
{
    p::MoveOutRequest r;
    r.unit_id = call.form.unit_id;
    r.requester_phone = call.form.phone;
    r.relation = call.form.relation;
    r.items = call.items_text;
    r.planned_date = call.planned_date;
    return r;
}

PassDone redeem_offline(store::Store& store, const std::string& code, std::int64_t now_utc)
{
    PassDone done;
    auto found = store.visitor_code(code);
    if (!found) {
        spdlog::warn("visitors: offline code check failed: {}", store::to_string(found.error().code));
        done.outcome = Outcome::Offline;
        return done;
    }
    if (!*found) {
        // Walk-in numbers (6 digits) are never cached: only the office knows them.
        if (code.size() != p::pre_registered_code_digits) {
            done.outcome = Outcome::Offline;
            return done;
        }
        // Without its key this kiosk got no verifiers: it cannot tell.
        auto cached = store.records("visitor_codes");
        const bool keyed = cached && !cached->empty() && cached->front().data.contains("code_verifier");
        done.outcome = keyed ? Outcome::UnknownCode : Outcome::NoOfflineCheck;
        return done;
    }
    auto record = p::decode<p::VisitorCodeRecord>((*found)->data);
    if (!record) {
        done.outcome = Outcome::ServerError;
        return done;
    }
    const p::VisitorCodeRecord& r = record.value();
    if (now_utc > r.valid_until) {
        done.outcome = Outcome::Expired;
        return done;
    }
    if (now_utc < r.valid_from) {
        done.outcome = Outcome::NotYetValid;
        return done;
    }
    auto used = store.visitor_code_used_here(r.id);
    if (r.uses_left <= 0 || !used || *used) {
        done.outcome = Outcome::AlreadyUsed;
        return done;
    }
    p::RedeemRequest report{code, now_utc};
    auto queued = store.use_visitor_code_offline(r.id, now_utc, offline_use_kind, redeem_path, nlohmann::json(report));
    if (!queued) {
        // A use already recorded (the key refused it) or a full disk: never a second entry.
        spdlog::warn("visitors: offline use not recorded: {}", store::to_string(queued.error().code));
        auto now_used = store.visitor_code_used_here(r.id);
        done.outcome = now_used && *now_used ? Outcome::AlreadyUsed : Outcome::ServerError;
        return done;
    }
    done.outcome = Outcome::Ok;
    done.pass = PassInfo{r.id, code, "pre_registered", r.unit_id, r.visitor_masked, "valid", r.valid_until, true};
    return done;
}

} // namespace kiosk::visitors
