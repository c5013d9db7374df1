// The visitors flow: which errand, what is typed, what the office answered.
// Network work is only asked for (online calls through the context); the
// answers come back to on_answer with the id of the call they answer.
#include "features/visitors/core/visitors_feature.hpp"

#include "core/feature_adapter.hpp"
#include "core/text_rules.hpp"
#include "protocol/time.hpp"
#include "protocol/uuid.hpp"

#include <algorithm>
#include <climits>

namespace kiosk::visitors {
namespace {

VisitorsNotice notice_of(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Ok: return VisitorsNotice::None;
    case Outcome::UnknownCode: return VisitorsNotice::UnknownCode;
    case Outcome::AlreadyUsed: return VisitorsNotice::AlreadyUsed;
    case Outcome::Expired: return VisitorsNotice::Expired;
    case Outcome::NotYetValid: return VisitorsNotice::NotYetValid;
    case Outcome::TooMany: return VisitorsNotice::TooMany;
    case Outcome::NoOfflineCheck: return VisitorsNotice::NoOfflineCheck;
    case Outcome::Offline: return VisitorsNotice::NeedsNetwork;
    case Outcome::Refused: return VisitorsNotice::Refused;
    case Outcome::ServerError: return VisitorsNotice::ServerError;
    }
    return VisitorsNotice::ServerError;
}

bool valid_phone(const std::string& digits) { return digits.size() == phone_digits && digits[0] == '1'; }

} // namespace

VisitorsFeature::WalkInFields VisitorsFeature::walk_in_fields(const std::string& purpose)
{
    // A courier hands over a parcel at the door: no name, no party, no car
    // (their scooter stays outside). Everyone else may come several and by car.
    if (purpose == "courier")
        return {false, false, false};
    return {true, true, true};
}

FeatureCore visitors_core()
{
    return make_feature_core(std::make_shared<VisitorsFeature>(), feature_id,
                             HomeTileSpec{"home.tile.visitors", "home.tile.visitors", "id-card"}, "visitors.title");
}

void VisitorsFeature::on_request(State& s, const Request& request, FeatureContext& ctx)
{
    std::visit([&](const auto& r) { handle(s, r, ctx); }, request);
}

void VisitorsFeature::on_answer(State& s, std::uint64_t call_id, const Answer& answer, FeatureContext& ctx)
{
    if (call_id == 0 || call_id != s.awaiting_call)
        return;  // an answer for a person who left, or a step they left
    s.awaiting_call = 0;
    std::visit([&](const auto& e) { answered(s, e, ctx); }, answer);
}

bool VisitorsFeature::on_tick(State& s, FeatureContext& ctx)
{
    if (s.step != VisitorsStep::Waiting || s.next_poll_ms == 0 || ctx.now_ms < s.next_poll_ms || s.awaiting_call != 0)
        return false;
    s.next_poll_ms = 0;  // until this answer is in
    s.awaiting_call = ctx.call(VisitorsCall{CallPollPass{s.pass->id}});
    return false;
}

std::int64_t VisitorsFeature::next_tick_ms(const State& s) const
{
    return s.step == VisitorsStep::Waiting && s.next_poll_ms != 0 ? s.next_poll_ms : INT64_MAX;
}

int VisitorsFeature::min_idle_timeout_s(const State& s) const
{
    return s.step == VisitorsStep::Waiting ? waiting_idle_timeout_s : 0;
}

bool VisitorsFeature::on_back(State& s, FeatureContext&)
{
    s.awaiting_call = 0;  // an answer to what was left no longer matters
    s.notice = VisitorsNotice::None;
    const bool walk_in = s.errand == Errand::WalkIn;
    switch (s.step) {
    case VisitorsStep::Menu: return false;
    case VisitorsStep::Code:
    case VisitorsStep::Purpose:
    case VisitorsStep::ReleaseCode:
        s = VisitorsSession{};
        return true;
    case VisitorsStep::Unit:
        if (household::pick_back(s.picker))
            return true;
        if (walk_in) {
            s.step = VisitorsStep::Purpose;
            return true;
        }
        s = VisitorsSession{};
        return true;
    case VisitorsStep::Surname: s.step = VisitorsStep::Unit; return true;
    case VisitorsStep::Phone:
        s.phone.clear();
        s.step = !walk_in                                     ? VisitorsStep::MoveWho
                 : walk_in_fields(s.walk_in.purpose).surname ? VisitorsStep::Surname
                                                              : VisitorsStep::Unit;
        return true;
    case VisitorsStep::People: s.step = VisitorsStep::Phone; return true;
    case VisitorsStep::Car:
        s.step = asks_people(s.walk_in.purpose) ? VisitorsStep::People : VisitorsStep::Phone;
        return true;
    case VisitorsStep::Plate: s.step = VisitorsStep::Car; return true;
    case VisitorsStep::Privacy: back_from_privacy(s); return true;
    // The same registration, not yet changed: its key stays for a resend.
    case VisitorsStep::ReadBack: s.step = VisitorsStep::Privacy; return true;
    case VisitorsStep::MoveItems: s.step = VisitorsStep::Unit; return true;
    case VisitorsStep::MoveWhen: s.step = VisitorsStep::MoveItems; return true;
    case VisitorsStep::MoveWho: s.step = VisitorsStep::MoveWhen; return true;
    case VisitorsStep::Waiting:
    case VisitorsStep::Pass:
    case VisitorsStep::FrontDesk:
    case VisitorsStep::Declined:
    case VisitorsStep::MoveSent:
    case VisitorsStep::ReleaseStatus: return false;
    }
    return false;
}

// To the last question asked before the privacy notice; what is changed
// from there is another registration (a new key).
void VisitorsFeature::back_from_privacy(State& s)
{
    const bool walk_in = s.errand == Errand::WalkIn;
    s.submit_key.clear();
    if (walk_in && walk_in_fields(s.walk_in.purpose).car)
        s.step = s.walk_in.car_plate.empty() ? VisitorsStep::Car : VisitorsStep::Plate;
    else
        s.step = walk_in && asks_people(s.walk_in.purpose) ? VisitorsStep::People : VisitorsStep::Phone;
    if (s.step == VisitorsStep::Phone)
        s.phone.clear();
}

void VisitorsFeature::handle(State& s, const RequestErrand& r, FeatureContext&)
{
    s = VisitorsSession{};
    s.errand = r.errand;
    switch (r.errand) {
    case Errand::Code: s.step = VisitorsStep::Code; break;
    case Errand::WalkIn: s.step = VisitorsStep::Purpose; break;
    case Errand::MoveOut: s.step = VisitorsStep::Unit; break;
    case Errand::Release: s.step = VisitorsStep::ReleaseCode; break;
    case Errand::None: break;
    }
}

void VisitorsFeature::handle(State& s, const RequestKey& r, FeatureContext&)
{
    if (s.awaiting_call != 0)
        return;
    DigitEntry* entry = s.step == VisitorsStep::Code          ? &s.code
                        : s.step == VisitorsStep::Phone       ? &s.phone
                        : s.step == VisitorsStep::ReleaseCode ? &s.release_code
                                                              : nullptr;
    if (!entry)
        return;
    entry->press(r.key);
    // A new try has begun: the last one's problem no longer applies (a pause keeps its message).
    if (s.notice != VisitorsNotice::TooMany)
        s.notice = VisitorsNotice::None;
}

void VisitorsFeature::handle(State& s, const RequestSubmitDigits&, FeatureContext& ctx)
{
    if (s.awaiting_call != 0)
        return;
    if (s.step == VisitorsStep::Code) {
        if (s.code.size() != code_min_digits && s.code.size() != code_max_digits)
            return;
        s.notice = VisitorsNotice::None;
        s.awaiting_call = ctx.call(VisitorsCall{CallRedeem{s.code.take(), lobby::protocol::make_uuid_v4()}});
    } else if (s.step == VisitorsStep::Phone) {
        if (!valid_phone(s.phone.digits()))
            return;
        s.notice = VisitorsNotice::None;
        if (s.errand == Errand::WalkIn) {
            s.walk_in.phone = s.phone.take();
            after_phone(s);
        } else {
            s.move_out.phone = s.phone.take();
            s.step = VisitorsStep::Privacy;
        }
    } else if (s.step == VisitorsStep::ReleaseCode) {
        if (!s.release_code.full())
            return;
        s.notice = VisitorsNotice::None;
        s.awaiting_call = ctx.call(VisitorsCall{CallReleaseStatus{s.release_code.take()}});
    }
}

void VisitorsFeature::handle(State& s, const RequestPurpose& r, FeatureContext&)
{
    if (s.step != VisitorsStep::Purpose || std::find(std::begin(purposes), std::end(purposes), r.purpose) == std::end(purposes))
        return;
    s.walk_in = WalkInForm{};  // another purpose asks other things: nothing of the last one stays
    s.walk_in.purpose = r.purpose;
    s.step = VisitorsStep::Unit;
}

void VisitorsFeature::handle(State& s, const household::RequestBuilding& r, FeatureContext&)
{
    if (s.step == VisitorsStep::Unit)
        household::pick(s.picker, r);
}

void VisitorsFeature::handle(State& s, const household::RequestEntrance& r, FeatureContext&)
{
    if (s.step == VisitorsStep::Unit)
        household::pick(s.picker, r);
}

void VisitorsFeature::handle(State& s, const household::RequestRoomKey& r, FeatureContext&)
{
    if (s.step == VisitorsStep::Unit)
        household::pick(s.picker, r);
}

void VisitorsFeature::handle(State& s, const household::RequestRoom& r, FeatureContext&)
{
    // An empty id is 确定 on a room that does not exist: the picker says so.
    if (s.step == VisitorsStep::Unit && household::pick(s.picker, r))
        unit_chosen(s, s.picker.unit_id);
}

void VisitorsFeature::unit_chosen(State& s, const std::string& unit_id)
{
    if (s.errand == Errand::WalkIn) {
        s.walk_in.unit_id = unit_id;
        s.step = walk_in_fields(s.walk_in.purpose).surname ? VisitorsStep::Surname : VisitorsStep::Phone;
    } else {
        s.move_out.unit_id = unit_id;
        s.step = VisitorsStep::MoveItems;
    }
}

void VisitorsFeature::handle(State& s, const RequestPeople& r, FeatureContext&)
{
    if (s.step != VisitorsStep::People || r.people < 1 || r.people > max_people)
        return;
    s.walk_in.people = r.people;
    after_people(s);
}

void VisitorsFeature::after_phone(State& s)
{
    if (asks_people(s.walk_in.purpose))
        s.step = VisitorsStep::People;
    else
        after_people(s);
}

void VisitorsFeature::after_people(State& s)
{
    s.step = walk_in_fields(s.walk_in.purpose).car ? VisitorsStep::Car : VisitorsStep::Privacy;
}

void VisitorsFeature::handle(State& s, const RequestSurname& r, FeatureContext&)
{
    if (s.step != VisitorsStep::Surname)
        return;
    // The pad already keeps to the limit; the core checks again what a screen sends.
    const std::string surname = normalise_text(r.text, TextLimits{surname_max_chars + 1});
    if (surname.empty() || count_chars(surname) > surname_max_chars) {
        s.notice = VisitorsNotice::BadSurname;
        return;
    }
    s.notice = VisitorsNotice::None;
    s.walk_in.surname = surname;
    s.step = VisitorsStep::Phone;
}

void VisitorsFeature::handle(State& s, const RequestFieldKept&, FeatureContext&)
{
    if (s.step == VisitorsStep::Surname && !s.walk_in.surname.empty())
        s.step = VisitorsStep::Phone;
    else if (s.step == VisitorsStep::Plate && !s.walk_in.car_plate.empty())
        s.step = VisitorsStep::Privacy;
    else
        return;
    s.notice = VisitorsNotice::None;
}

void VisitorsFeature::handle(State& s, const RequestDriving& r, FeatureContext&)
{
    if (s.step != VisitorsStep::Car)
        return;
    s.notice = VisitorsNotice::None;
    if (r.driving) {
        s.step = VisitorsStep::Plate;
        return;
    }
    s.walk_in.car_plate.clear();  // a plate typed before 否 is not sent
    s.step = VisitorsStep::Privacy;
}

void VisitorsFeature::handle(State& s, const RequestPlate& r, FeatureContext&)
{
    if (s.step != VisitorsStep::Plate)
        return;
    const std::string plate = normalise_text(r.text, TextLimits{plate_max_chars});
    if (!valid_plate(plate)) {
        s.notice = VisitorsNotice::BadPlate;
        return;
    }
    s.notice = VisitorsNotice::None;
    s.walk_in.car_plate = plate;
    s.step = VisitorsStep::Privacy;
}

void VisitorsFeature::handle(State& s, const RequestPrivacy& r, FeatureContext& ctx)
{
    if (s.step != VisitorsStep::Privacy || s.awaiting_call != 0)
        return;
    if (!r.accepted) {
        // Declined: nothing is sent and nothing typed is kept.
        const Errand errand = s.errand;
        s = VisitorsSession{};
        s.errand = errand;
        s.step = VisitorsStep::Declined;
        return;
    }
    if (s.errand == Errand::MoveOut)
        s.move_out_items_text = r.items_text;
    if (ctx.elderly) {
        // 长者模式: what will be sent is read back first; 确认提交 sends it.
        s.notice = VisitorsNotice::None;
        s.step = VisitorsStep::ReadBack;
        return;
    }
    submit(s, ctx);
}

void VisitorsFeature::handle(State& s, const RequestConfirmSubmit&, FeatureContext& ctx)
{
    if (s.step == VisitorsStep::ReadBack && s.awaiting_call == 0)
        submit(s, ctx);  // after a failed try: the same key, so never registered twice
}

void VisitorsFeature::handle(State& s, const RequestChangeForm&, FeatureContext&)
{
    if (s.step != VisitorsStep::ReadBack)
        return;
    s.awaiting_call = 0;
    s.notice = VisitorsNotice::None;
    back_from_privacy(s);
}

void VisitorsFeature::handle(State& s, const RequestItemCount& r, FeatureContext&)
{
    if (s.step != VisitorsStep::MoveItems ||
        std::find_if(std::begin(move_items), std::end(move_items), [&](const char* i) { return r.item == i; }) ==
            std::end(move_items))
        return;
    int& count = s.move_out.items[r.item];
    count = std::clamp(count + r.delta, 0, max_item_count);
    if (count == 0)
        s.move_out.items.erase(r.item);
}

void VisitorsFeature::handle(State& s, const RequestItemsDone&, FeatureContext&)
{
    if (s.step == VisitorsStep::MoveItems && !s.move_out.items.empty())
        s.step = VisitorsStep::MoveWhen;
}

void VisitorsFeature::handle(State& s, const RequestDay& r, FeatureContext&)
{
    if (s.step != VisitorsStep::MoveWhen || r.days_ahead < 0 || r.days_ahead > 2)
        return;
    s.move_out.days_ahead = r.days_ahead;
    s.step = VisitorsStep::MoveWho;
}

void VisitorsFeature::handle(State& s, const RequestRelation& r, FeatureContext&)
{
    if (s.step != VisitorsStep::MoveWho ||
        std::find_if(std::begin(relations), std::end(relations), [&](const char* x) { return r.relation == x; }) ==
            std::end(relations))
        return;
    s.move_out.relation = r.relation;
    s.step = VisitorsStep::Phone;
}

void VisitorsFeature::handle(State& s, const RequestRetry&, FeatureContext& ctx)
{
    if (s.step == VisitorsStep::Privacy && s.awaiting_call == 0 && !s.submit_key.empty())
        submit(s, ctx);
}

void VisitorsFeature::handle(State& s, const RequestMenu&, FeatureContext&) { s = VisitorsSession{}; }

void VisitorsFeature::submit(State& s, FeatureContext& ctx)
{
    // One key per registration: a retry after a lost answer is the same
    // registration on the server, never a second one.
    if (s.submit_key.empty())
        s.submit_key = lobby::protocol::make_uuid_v4();
    s.notice = VisitorsNotice::None;
    if (s.errand == Errand::WalkIn) {
        s.awaiting_call = ctx.call(VisitorsCall{CallRegister{s.walk_in, s.submit_key}});
    } else {
        const std::string date =
            lobby::protocol::format_date_shanghai(ctx.now_utc_s + std::int64_t{s.move_out.days_ahead} * 86400);
        s.awaiting_call =
            ctx.call(VisitorsCall{CallRequestRelease{s.move_out, s.move_out_items_text, date, s.submit_key}});
    }
}

void VisitorsFeature::answered(State& s, const PassDone& e, FeatureContext& ctx)
{
    const bool polling = s.step == VisitorsStep::Waiting;
    if (e.outcome != Outcome::Ok || !e.pass) {
        if (polling) {
            // Still waiting: the resident's answer is on the server, ask again.
            s.notice = VisitorsNotice::PollFailing;
            s.next_poll_ms = ctx.now_ms + poll_interval_ms;
            return;
        }
        s.notice = notice_of(e.outcome);
        s.locked_until_utc = e.locked_until_utc;
        return;
    }
    s.notice = VisitorsNotice::None;
    s.came_back = s.step == VisitorsStep::Code && e.pass->kind == "walk_in";
    s.pass = e.pass;
    // What was typed has done its job: the office has it, and a pass on
    // screen needs no phone, surname or plate (it shows the office's mask).
    s.walk_in.phone.clear();
    s.walk_in.surname.clear();
    s.walk_in.car_plate.clear();
    s.submit_key.clear();
    const std::string& status = e.pass->status;
    if (status == "valid") {
        s.step = VisitorsStep::Pass;
        s.next_poll_ms = 0;
    } else if (status == "awaiting_host") {
        s.step = VisitorsStep::Waiting;
        s.next_poll_ms = ctx.now_ms + poll_interval_ms;
    } else {
        s.step = VisitorsStep::FrontDesk;  // declined, no answer, or the office wants to see them
        s.next_poll_ms = 0;
    }
}

void VisitorsFeature::answered(State& s, const ReleaseDone& e, FeatureContext&)
{
    if (e.outcome != Outcome::Ok || !e.release) {
        s.notice = e.outcome == Outcome::UnknownCode && s.step == VisitorsStep::ReleaseCode ? VisitorsNotice::UnknownCode
                                                                                           : notice_of(e.outcome);
        s.locked_until_utc = e.locked_until_utc;
        return;
    }
    s.notice = VisitorsNotice::None;
    s.release = e.release;
    if (s.step == VisitorsStep::Privacy || s.step == VisitorsStep::ReadBack) {
        s.move_out.phone.clear();
        s.submit_key.clear();
        s.step = VisitorsStep::MoveSent;
    } else {
        s.step = VisitorsStep::ReleaseStatus;
    }
}

} // namespace kiosk::visitors
