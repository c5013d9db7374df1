// The repairs call script and ticket following: what each request and
// answer does to the person's session.
#include "features/repairs/core/repairs_feature.hpp"

#include "core/feature_adapter.hpp"
#include "core/text_rules.hpp"

#include <algorithm>
#include <utility>
#include <map>

namespace kiosk::repairs {

std::string RepairsFeature::reason_text(const std::string& key)
{
    static const std::map<std::string, std::string> words = {
        {"still_broken", "问题仍未解决"}, {"not_clean", "现场未清理"},
        {"not_visited", "师傅未上门"},    {"new_damage", "维修造成新的损坏"},
    };
    const auto it = words.find(key);
    return it == words.end() ? key : it->second;
}

std::string RepairsFeature::emergency_words(const std::string& category)
{
    static const std::map<std::string, std::string> words = {
        {"water_leak_urgent", "紧急：漏水/水管爆裂"}, {"lift_trapped", "紧急：电梯困人"},
        {"fire_smoke", "紧急：火警/烟雾"},            {"gas_smell", "紧急：燃气味"},
    };
    const auto it = words.find(category);
    return it == words.end() ? std::string() : it->second;
}

void RepairsFeature::on_request(State& s, const Request& request, FeatureContext& ctx)
{
    s.notice = RepairsNotice::None;
    std::visit([&](const auto& r) { handle(s, r, ctx); }, request);
}

void RepairsFeature::on_answer(State& s, std::uint64_t call_id, const Answer& answer, FeatureContext& ctx)
{
    if (call_id != s.awaiting_call)
        return;  // left the step meanwhile
    s.awaiting_call = 0;
    std::visit([&](const auto& a) { answered(s, a, ctx); }, answer);
}

bool RepairsFeature::saved(State& s, SaveOutcome outcome)
{
    if (outcome == SaveOutcome::Saved)
        return true;
    s.notice = outcome == SaveOutcome::StorageFull ? RepairsNotice::StorageFull : RepairsNotice::SaveFailed;
    return false;
}

// No form, no verification: the numbers show at once (from the cache), and
// the office hears of it through the outbox.
void RepairsFeature::handle(State& s, const RequestEmergencyMenu&, FeatureContext&)
{
    s.step = RepairsStep::EmergencyMenu;
}

void RepairsFeature::handle(State& s, const RequestEmergency& r, FeatureContext& ctx)
{
    const std::string words = emergency_words(r.category);
    if (words.empty())
        return;
    s.step = RepairsStep::Emergency;
    if (s.emergency == r.category && s.emergency_saved)
        return;  // shown again: filed once
    s.emergency = r.category;
    s.emergency_saved = false;
    SubmitRepair sub;
    sub.client_ref = m_secrets.client_ref();
    sub.category = r.category;
    sub.description = words;
    sub.location_detail = ctx.config.kiosk_id + " 大堂终端";
    s.emergency_saved = saved(s, ctx.submit(kind_repair, sub));
}

void RepairsFeature::handle(State& s, const RequestWhere& r, FeatureContext&)
{
    s.own_unit = r.own_unit;
    s.track_by_unit = false;
    s.contact_phone.clear();
    s.slot.reset();
    if (r.own_unit) {
        // 我家: which unit, then the same verification as fees.
        s.picker = household::UnitPicker{};
        s.verification = household::start_over(s.verification);
        s.step = RepairsStep::Unit;
        return;
    }
    s.step = RepairsStep::Location;
}

void RepairsFeature::picked(State& s, const household::PickRequest& r, FeatureContext& ctx)
{
    if (s.step != RepairsStep::Unit || !household::pick(s.picker, r))
        return;
    m_verifier.begin(s.verification, s.picker.unit_id, ctx);
    s.step = RepairsStep::Digits;
}

void RepairsFeature::handle(State& s, const household::RequestBuilding& r, FeatureContext& ctx) { picked(s, r, ctx); }
void RepairsFeature::handle(State& s, const household::RequestEntrance& r, FeatureContext& ctx) { picked(s, r, ctx); }
void RepairsFeature::handle(State& s, const household::RequestRoomKey& r, FeatureContext& ctx) { picked(s, r, ctx); }
void RepairsFeature::handle(State& s, const household::RequestRoom& r, FeatureContext& ctx) { picked(s, r, ctx); }

void RepairsFeature::handle(State& s, const household::RequestKey& r, FeatureContext&)
{
    if (s.step == RepairsStep::Digits && !s.awaiting_call)
        m_verifier.key(s.verification, r.key);
}

void RepairsFeature::handle(State& s, const household::RequestSubmit&, FeatureContext& ctx)
{
    if (s.step != RepairsStep::Digits || s.awaiting_call)
        return;
    if (auto attempt = m_verifier.submit(s.verification, ctx))
        s.awaiting_call = ctx.call(RepairsCall{household::CallVerifyHousehold{*attempt}});
}

void RepairsFeature::answered(State& s, const household::HouseholdVerified& a, FeatureContext& ctx)
{
    const bool verified = m_verifier.answered(s.verification, a.answer, ctx);
    if (s.track_by_unit) {
        unit_verified(s, verified, a.answer, ctx);  // repairs_by_unit.cpp
        return;
    }
    if (!verified)
        return;  // the verification's notice says why, on the keypad
    s.unit_id = s.verification.verified_unit_id;
    s.step = RepairsStep::Category;
}

void RepairsFeature::handle(State& s, const RequestLocation& r, FeatureContext&)
{
    if (r.code.empty())
        return;
    s.location = r.code;
    s.location_words = r.office_words;
    s.step = RepairsStep::Category;
}

void RepairsFeature::handle(State& s, const RequestCategory& r, FeatureContext&)
{
    if (r.code.empty()) {
        s.notice = RepairsNotice::NoCategory;
        return;
    }
    s.category = r.code;
    s.category_paid = r.scope == Scope::Paid;
    s.slot.reset();
    s.preset.clear();
    // Not the office's job: say so and who to call; nothing is filed.
    s.step = r.scope == Scope::NotOffice ? RepairsStep::OutOfScope : RepairsStep::Preset;
}

void RepairsFeature::handle(State& s, const RequestPreset& r, FeatureContext& ctx)
{
    if (s.category.empty()) {
        s.notice = RepairsNotice::NoCategory;
        s.step = RepairsStep::Category;
        return;
    }
    if (r.code.empty())
        return;
    s.preset = r.code;
    s.items.push_back({s.category, r.code, r.office_words, false});
    // Paid work: the notice and the prices first, acknowledged.
    if (s.category_paid && s.own_unit)
        s.step = RepairsStep::PaidNotice;
    else
        after_item(s, ctx);
}

void RepairsFeature::handle(State& s, const RequestAcknowledgePaid&, FeatureContext& ctx)
{
    if (s.step != RepairsStep::PaidNotice || s.items.empty())
        return;
    s.items.back().paid_acknowledged = true;
    after_item(s, ctx);
}

// Own unit: a visiting slot from the server (online); public areas are
// handled as soon as possible.
void RepairsFeature::after_item(State& s, FeatureContext& ctx)
{
    if (s.own_unit && !s.slot) {
        s.step = RepairsStep::When;
        s.awaiting_call = ctx.call(RepairsCall{CallSlots{}});
        return;
    }
    s.step = RepairsStep::ReadBack;
}

void RepairsFeature::handle(State& s, const RequestSlot& r, FeatureContext&)
{
    for (const Slot& slot : s.slots)
        if (slot.start_utc == r.start_utc && slot.end_utc == r.end_utc && slot.free > 0) {
            s.slot = slot;
            s.step = RepairsStep::ReadBack;
            return;
        }
    s.notice = RepairsNotice::SlotTaken;
}

void RepairsFeature::handle(State& s, const RequestAddAnother&, FeatureContext&)
{
    s.category.clear();
    s.preset.clear();
    s.step = RepairsStep::Category;
}

// The person's own words, checked again with the pad's rules: a screen may
// send anything. Empty text takes the note back.
void RepairsFeature::handle(State& s, const RequestNote& r, FeatureContext&)
{
    if (s.step != RepairsStep::ReadBack)
        return;
    if (count_chars(r.text) > note_max) {
        s.notice = RepairsNotice::NoteTooLong;
        return;
    }
    s.note = normalise_text(r.text, TextLimits{note_max});
}

// 需要物业回电？ Only for a public-area report (the own unit's household is
// verified, the office has its phone); checked again here, as a screen may
// send anything. Empty takes the call back away.
void RepairsFeature::handle(State& s, const RequestContactPhone& r, FeatureContext&)
{
    if (s.step != RepairsStep::ReadBack || s.own_unit)
        return;
    if (r.digits.empty()) {
        s.contact_phone.clear();
        return;
    }
    if (!valid_phone(r.digits)) {
        s.notice = RepairsNotice::BadPhone;
        return;
    }
    s.contact_phone = r.digits;
}

void RepairsFeature::handle(State& s, const RequestSubmit&, FeatureContext& ctx)
{
    if (s.step != RepairsStep::ReadBack || s.awaiting_call)
        return;
    if (s.items.empty()) {
        s.notice = RepairsNotice::NoCategory;
        s.step = RepairsStep::Category;
        return;
    }
    // A visiting slot may have filled while the person read back: ask the
    // office once more before saving (the answer submits, or asks for another).
    if (s.slot) {
        s.submitting = true;
        s.awaiting_call = ctx.call(RepairsCall{CallSlots{}});
        return;
    }
    submit_items(s, ctx);
}

// Each item becomes one ticket with its own follow-up code, saved in the
// outbox at once; the screen says "saved" only after the fsync'd write.
void RepairsFeature::submit_items(State& s, FeatureContext& ctx)
{
    std::vector<FiledTicket> filed;
    for (const ReportItem& item : s.items) {
        SubmitRepair sub;
        sub.client_ref = m_secrets.client_ref();
        sub.follow_code = m_secrets.follow_code();
        sub.status_token = m_secrets.status_token();
        sub.category = item.category;
        sub.preset = item.preset;
        // One description field in the protocol: the preset's words, then the note.
        sub.description = s.note.empty() ? item.description : item.description + "；补充：" + s.note;
        sub.own_unit = s.own_unit;
        sub.unit_id = s.unit_id;
        sub.location_detail = s.location_words;
        sub.paid_acknowledged = item.paid_acknowledged;
        if (!s.own_unit)
            sub.contact_phone = s.contact_phone;
        if (s.slot) {
            sub.slot_start_utc = s.slot->start_utc;
            sub.slot_end_utc = s.slot->end_utc;
        }
        if (!saved(s, ctx.submit(kind_repair, sub)))
            break;  // what was saved stays saved; the rest stays on the read-back screen
        filed.push_back({sub.client_ref, sub.follow_code, sub.status_token, item.category, item.preset});
    }
    s.items.erase(s.items.begin(), s.items.begin() + static_cast<std::ptrdiff_t>(filed.size()));
    s.filed.insert(s.filed.end(), filed.begin(), filed.end());
    if (s.items.empty()) {
        s.note.clear();
        s.contact_phone.clear();
        s.step = RepairsStep::Done;
    }
}

void RepairsFeature::handle(State& s, const RequestTrack&, FeatureContext&)
{
    forget_unit(s);
    s.code.clear();
    s.ticket.reset();
    s.step = RepairsStep::CodeEntry;
}

void RepairsFeature::handle(State& s, const RequestCodeKey& r, FeatureContext&)
{
    if (r.key == '<') {
        if (!s.code.empty())
            s.code.pop_back();
        return;
    }
    const std::string alphabet = code_alphabet;
    if (s.code.size() < follow_code_length && alphabet.find(r.key) != std::string::npos)
        s.code += r.key;
}

void RepairsFeature::look_up(State& s, FeatureContext& ctx)
{
    s.ticket_from_unit = false;
    s.awaiting_call = ctx.call(RepairsCall{CallFindByCode{s.code}});
}

void RepairsFeature::handle(State& s, const RequestFindCode&, FeatureContext& ctx)
{
    if (s.code.size() != follow_code_length) {
        s.notice = RepairsNotice::CodeIncomplete;
        return;
    }
    s.acceptance_sent = s.rating_sent = false;
    s.rating_given = 0;
    look_up(s, ctx);
}

void RepairsFeature::handle(State& s, const RequestTrackFiled& r, FeatureContext& ctx)
{
    if (r.index >= s.filed.size())
        return;
    s.code = s.filed[r.index].follow_code;
    s.acceptance_sent = s.rating_sent = false;
    s.rating_given = 0;
    look_up(s, ctx);
}

void RepairsFeature::handle(State& s, const RequestRefresh&, FeatureContext& ctx)
{
    if (s.awaiting_call)
        return;
    if (s.step == RepairsStep::UnitTickets) {
        list_unit_tickets(s, ctx);
        return;
    }
    if (s.ticket_from_unit && s.ticket) {
        refresh_unit_ticket(s, ctx);
        return;
    }
    if (s.code.size() == follow_code_length)
        look_up(s, ctx);
}

void RepairsFeature::handle(State& s, const RequestAccept& r, FeatureContext& ctx) { accept(s, r, ctx, !ctx.elderly); }

void RepairsFeature::handle(State& s, const RequestRate& r, FeatureContext& ctx) { rate(s, r, ctx, !ctx.elderly); }

void RepairsFeature::handle(State& s, const RequestConfirmVerdict&, FeatureContext& ctx)
{
    if (s.step != RepairsStep::ConfirmVerdict || !s.verdict)
        return;
    const RepairsSession::Verdict verdict = *std::exchange(s.verdict, std::nullopt);
    s.step = RepairsStep::Ticket;
    if (verdict.rating)
        rate(s, RequestRate{verdict.score}, ctx, true);
    else
        accept(s, RequestAccept{verdict.accepted, verdict.comment_key}, ctx, true);
}

void RepairsFeature::handle(State& s, const RequestChangeVerdict&, FeatureContext&)
{
    if (s.step != RepairsStep::ConfirmVerdict)
        return;
    s.verdict.reset();
    s.step = RepairsStep::Ticket;
}

void RepairsFeature::accept(State& s, const RequestAccept& r, FeatureContext& ctx, bool confirmed)
{
    if (s.step != RepairsStep::Ticket || !s.ticket || s.ticket->status != "awaiting_acceptance" || s.acceptance_sent)
        return;
    const std::string comment = r.accepted ? std::string() : reason_text(r.comment_key);
    if (!r.accepted && comment.empty())
        return;
    // The office allows 60 characters (not bytes): count UTF-8 lead bytes.
    const auto chars = std::count_if(comment.begin(), comment.end(), [](char c) { return (c & 0xC0) != 0x80; });
    if (static_cast<std::size_t>(chars) > acceptance_comment_max) {
        s.notice = RepairsNotice::CommentTooLong;
        return;
    }
    if (!confirmed) {
        // 长者模式: said back first; 确认提交 there sends it.
        s.verdict = RepairsSession::Verdict{false, r.accepted, r.comment_key, 0};
        s.step = RepairsStep::ConfirmVerdict;
        return;
    }
    const std::string token = s.ticket_from_unit ? s.verification.token : std::string();
    if (saved(s, ctx.submit(kind_acceptance, SubmitAcceptance{s.ticket->id, s.code, token, r.accepted, comment})))
        s.acceptance_sent = true;
}

void RepairsFeature::rate(State& s, const RequestRate& r, FeatureContext& ctx, bool confirmed)
{
    if (s.step != RepairsStep::Ticket || !s.ticket || r.score < 1 || r.score > 5)
        return;
    if (s.ticket->rated || s.rating_sent) {
        s.notice = RepairsNotice::AlreadyRated;  // politely, and nothing is sent twice
        return;
    }
    if (s.ticket->status != "completed")
        return;
    if (!confirmed) {
        s.verdict = RepairsSession::Verdict{true, false, {}, r.score};
        s.step = RepairsStep::ConfirmVerdict;
        return;
    }
    const std::string token = s.ticket_from_unit ? s.verification.token : std::string();
    if (saved(s, ctx.submit(kind_rating, SubmitRating{s.ticket->id, s.code, token, r.score}))) {
        s.rating_sent = true;
        s.rating_given = r.score;
    }
}

void RepairsFeature::handle(State& s, const RequestStartOver&, FeatureContext&)
{
    const auto filed = s.filed;  // what was filed stays to show while the person is here
    s = RepairsSession{};
    s.filed = filed;
}

void RepairsFeature::answered(State& s, const SlotsDone& a, FeatureContext& ctx)
{
    const bool submitting = std::exchange(s.submitting, false);
    if (a.outcome != CallOutcome::Ok) {
        // The check before saving could not be made: save anyway (the slot
        // was free minutes ago; the office calls if it filled meanwhile).
        if (submitting && s.slot) {
            submit_items(s, ctx);
            return;
        }
        s.notice = a.outcome == CallOutcome::Offline ? RepairsNotice::SlotsOffline : RepairsNotice::ServerError;
        return;
    }
    s.slots = a.slots;
    if (!submitting)
        return;
    const auto still = std::find_if(a.slots.begin(), a.slots.end(),
                                    [&](const Slot& x) { return x.start_utc == s.slot->start_utc && x.free > 0; });
    if (still == a.slots.end()) {
        s.slot.reset();
        s.notice = RepairsNotice::SlotTaken;
        s.step = RepairsStep::When;
        return;
    }
    submit_items(s, ctx);
}

void RepairsFeature::answered(State& s, const TicketDone& a, FeatureContext&)
{
    // The office refuses the household's token once it is old (one 404 for
    // every reason a lookup does not fit): the person verifies again.
    if (s.ticket_from_unit && (a.outcome == CallOutcome::NotFound || a.outcome == CallOutcome::VerifyAgain)) {
        verify_again(s);  // repairs_by_unit.cpp
        return;
    }
    switch (a.outcome) {
    case CallOutcome::Ok:
        if (!a.ticket) {
            s.notice = RepairsNotice::ServerError;
            return;
        }
        if (s.ticket_from_unit) {
            if (a.ticket->unit_id != s.verification.verified_unit_id) {
                s.notice = RepairsNotice::ServerError;
                return;
            }
            for (TicketInfo& t : s.unit_tickets)
                if (t.id == a.ticket->id)
                    t = *a.ticket;  // Back to the list shows the news too
        }
        s.ticket = a.ticket;
        s.step = RepairsStep::Ticket;
        return;
    case CallOutcome::VerifyAgain: s.notice = RepairsNotice::ServerError; break;
    case CallOutcome::NotFound: s.notice = RepairsNotice::NotFound; break;
    case CallOutcome::TooMany: s.notice = RepairsNotice::TooMany; break;
    case CallOutcome::Offline: s.notice = RepairsNotice::TrackOffline; break;
    case CallOutcome::ServerError: s.notice = RepairsNotice::ServerError; break;
    }
}

bool RepairsFeature::on_back(State& s, FeatureContext&)
{
    s.notice = RepairsNotice::None;
    s.awaiting_call = 0;
    if (back_from_unit(s))  // repairs_by_unit.cpp
        return true;
    switch (s.step) {
    case RepairsStep::Start: return false;
    case RepairsStep::Emergency: s.step = RepairsStep::EmergencyMenu; return true;
    case RepairsStep::Unit:
        if (!household::pick_back(s.picker))
            s.step = RepairsStep::Start;
        return true;
    case RepairsStep::Digits:
        m_verifier.leave(s.verification);
        s.step = RepairsStep::Unit;
        return true;
    case RepairsStep::Category: s.step = s.own_unit ? RepairsStep::Start : RepairsStep::Location; return true;
    case RepairsStep::When:
        if (!s.items.empty())
            s.items.pop_back();
        s.step = RepairsStep::Preset;
        return true;
    case RepairsStep::Preset:
    case RepairsStep::OutOfScope: s.step = RepairsStep::Category; return true;
    case RepairsStep::PaidNotice:
    case RepairsStep::ReadBack:
        if (!s.items.empty())
            s.items.pop_back();
        s.step = RepairsStep::Preset;
        return true;
    case RepairsStep::Ticket: s.step = RepairsStep::CodeEntry; return true;
    case RepairsStep::ConfirmVerdict:
        s.verdict.reset();
        s.step = RepairsStep::Ticket;
        return true;
    case RepairsStep::Done:  // filed: nothing to go back to
    default: s.step = RepairsStep::Start; return true;
    }
}

int RepairsFeature::min_idle_timeout_s(const State& s) const
{
    // The emergency numbers stay up while someone is dialling them.
    return s.step == RepairsStep::Emergency ? 180 : 0;
}

FeatureCore repairs_core(TicketSecrets secrets, const KioskConfig& config, std::shared_ptr<household::LockoutBook> book)
{
    auto feature = std::make_shared<RepairsFeature>(std::move(secrets), config, std::move(book));
    FeatureCore core = make_feature_core(feature, feature_id, {"home.tile.repairs", "home.tile.repairs", "wrench"}, "repairs.title");
    core.urgent = UrgentActionSpec{"home.urgent.repairs", "home.urgent.repairs", "home.urgent.repairs.short", "warning",
                                   [] { return std::any(RepairsRequest{RequestEmergencyMenu{}}); }};
    return core;
}

} // namespace kiosk::repairs
