// Builds the repairs screen's view model from the person's session and the
// cached catalog, estate numbers and filed tickets.
#include "features/repairs/core/repairs_feature.hpp"
#include "core/text_lookup.hpp"

#include "core/money.hpp"
#include "protocol/public_links.hpp"
#include "protocol/time.hpp"

namespace kiosk::repairs {
namespace {

using Texts = TextLookup;

const CategoryInfo* find_category(const RepairsCache& cache, const std::string& code)
{
    for (const CategoryInfo& c : cache.categories)
        if (c.code == code)
            return &c;
    return nullptr;
}

const PresetInfo* find_preset(const CategoryInfo* c, const std::string& code)
{
    if (c)
        for (const PresetInfo& p : c->presets)
            if (p.code == code)
                return &p;
    return nullptr;
}

std::string status_words(const Texts& t, const std::string& status)
{
    if (status == "submitted") return t("repairs.status.submitted");
    if (status == "accepted") return t("repairs.status.accepted");
    if (status == "dispatched") return t("repairs.status.dispatched");
    if (status == "scheduled") return t("repairs.status.scheduled");
    if (status == "in_progress") return t("repairs.status.in_progress");
    if (status == "awaiting_acceptance") return t("repairs.status.awaiting_acceptance");
    if (status == "completed") return t("repairs.status.completed");
    if (status == "closed") return t("repairs.status.closed");
    if (status == "cancelled") return t("repairs.status.cancelled");
    return status;
}

std::string notice_text(const Texts& t, RepairsNotice n)
{
    switch (n) {
    case RepairsNotice::None: return {};
    case RepairsNotice::NoCategory: return t("repairs.notice.no_category");
    case RepairsNotice::SlotTaken: return t("repairs.notice.slot_taken");
    case RepairsNotice::SlotsOffline: return t("repairs.notice.slots_offline");
    case RepairsNotice::NotFound: return t("repairs.notice.not_found");
    case RepairsNotice::TooMany: return t("repairs.notice.too_many");
    case RepairsNotice::TrackOffline: return t("repairs.notice.track_offline");
    case RepairsNotice::ServerError: return t("repairs.notice.server_error");
    case RepairsNotice::SaveFailed: return t("repairs.notice.save_failed");
    case RepairsNotice::StorageFull: return t("repairs.notice.storage_full");
    case RepairsNotice::AlreadyRated: return t("repairs.notice.already_rated");
    case RepairsNotice::CommentTooLong: return t("repairs.notice.comment_too_long");
    case RepairsNotice::CodeIncomplete: return t("repairs.notice.code_incomplete");
    case RepairsNotice::NoteTooLong: return t("repairs.notice.note_too_long");
    case RepairsNotice::BadPhone: return t("repairs.notice.bad_phone");
    case RepairsNotice::UnitNeedsNetwork: return t("repairs.notice.unit_needs_network");
    case RepairsNotice::VerifyAgain: return t("repairs.notice.verify_again");
    }
    return {};
}

// 7KQ4M ZHXA2: two groups of five, easier to read aloud and type back.
std::string grouped(const std::string& code)
{
    return code.size() == follow_code_length ? code.substr(0, 5) + " " + code.substr(5) : code;
}

std::string spoken(const std::string& code)
{
    std::string out;
    for (char c : code) {
        if (!out.empty())
            out += ' ';
        out += c;
    }
    return out;
}

std::string when_text(std::int64_t utc)
{
    return lobby::protocol::format_date_shanghai(utc) + " " + lobby::protocol::format_hh_mm_shanghai(utc);
}

// 明天上午: the day and the part of it in words (the hours of each part are said once, above the slots).
std::string slot_text(const Texts& t, const Slot& slot)
{
    const std::string day = slot.day == 0 ? t("repairs.day.today") : slot.day == 1 ? t("repairs.day.tomorrow")
                                                                                   : t("repairs.day.after");
    const std::string part = slot.part == "morning"     ? t("repairs.part.morning")
                             : slot.part == "afternoon" ? t("repairs.part.afternoon")
                                                        : t("repairs.part.evening");
    return t("repairs.slot_words", {{"day", day}, {"part", part}});
}

std::string emergency_do_now(const Texts& t, const std::string& category)
{
    if (category == "water_leak_urgent") return t("repairs.emergency.do_water");
    if (category == "lift_trapped") return t("repairs.emergency.do_lift");
    if (category == "fire_smoke") return t("repairs.emergency.do_fire");
    return t("repairs.emergency.do_gas");
}

// A choice that is only words, an icon and a value (no office words, scope or slot).
ChoiceView plain_choice(std::string id, std::string label, std::string icon, std::string value)
{
    ChoiceView c;
    c.id = std::move(id);
    c.label = std::move(label);
    c.icon = std::move(icon);
    c.value = std::move(value);
    return c;
}

void build_start(RepairsView& v, const Texts& t)
{
    v.prompt = t("repairs.ask_where");
    v.emergency_label = t("home.urgent.repairs");
    v.track_label = t("repairs.track");
    v.choices.push_back(plain_choice("repairs.where.own_unit", t("repairs.where_own_unit"), "home", "own_unit"));
    v.choices.push_back(plain_choice("repairs.where.public", t("repairs.where_public"), "building", "public"));
}

void build_emergency_menu(RepairsView& v, const Texts& t)
{
    v.prompt = t("repairs.emergency.ask");
    v.choices = {plain_choice("repairs.emergency.water_leak_urgent", t("repairs.emergency.water"), "tint", "water_leak_urgent"),
                 plain_choice("repairs.emergency.lift_trapped", t("repairs.emergency.lift"), "building", "lift_trapped"),
                 plain_choice("repairs.emergency.fire_smoke", t("repairs.emergency.fire"), "fire", "fire_smoke"),
                 plain_choice("repairs.emergency.gas_smell", t("repairs.emergency.gas"), "exclamation-triangle", "gas_smell")};
}

void build_emergency(RepairsView& v, const RepairsSession& s, const RepairsCache& cache, const Texts& t,
                     Language language)
{
    v.prompt = t("repairs.emergency.call_now");
    v.hotline_label = t("repairs.emergency.hotline");
    v.hotline = cache.hotline;
    for (const ContactInfo& c : cache.contacts)
        v.contacts.push_back({c.name.in(language), c.phone});
    v.do_now = emergency_do_now(t, s.emergency);
    v.saved_line = s.emergency_saved ? t("repairs.emergency.office_told") : std::string();
}

void build_ticket(RepairsView& v, const RepairsSession& s, const RepairsCache& cache, const Texts& t, Language language)
{
    const TicketInfo& k = *s.ticket;
    const CategoryInfo* c = find_category(cache, k.category);
    v.ticket_title = t("repairs.ticket_number", {{"id", k.id}}) + " · " + (c ? c->name.in(language) : k.category);
    v.status_line = t("repairs.status_now", {{"status", status_words(t, k.status)}});
    if (!k.worker_masked.empty())
        v.worker_line = t("repairs.worker", {{"name", k.worker_masked}});
    if (k.charge_fen >= 0)
        v.charge_line = t("repairs.charge", {{"amount", format_fen(k.charge_fen)}});
    for (auto it = k.timeline.rbegin(); it != k.timeline.rend(); ++it)
        v.timeline.push_back({when_text(it->at_utc),
                              status_words(t, it->status) + (it->note.empty() ? "" : "：" + it->note)});
    v.refresh_label = t("repairs.refresh");
    if (k.status == "awaiting_acceptance" && !s.acceptance_sent) {
        v.prompt = t("repairs.ask_accept");
        v.accept_label = t("repairs.accept");
        v.reject_label = t("repairs.reject_because");
        for (const char* key : {"still_broken", "not_clean", "not_visited", "new_damage"})
            v.reject_reasons.push_back(plain_choice(std::string("repairs.reject.") + key, t(std::string("repairs.reason.") + key), "", key));
    }
    if (s.acceptance_sent)
        v.after_line = t("repairs.acceptance_sent");
    if (k.status == "completed" && !k.rated && !s.rating_sent) {
        v.prompt = t("repairs.ask_rating");
        const char* words[] = {"repairs.rating.1", "repairs.rating.2", "repairs.rating.3", "repairs.rating.4",
                               "repairs.rating.5"};
        for (int i = 0; i < 5; ++i)
            v.ratings.push_back(plain_choice("repairs.rate." + std::to_string(i + 1),
                                             std::to_string(i + 1) + " " + t(words[i]), "star", std::to_string(i + 1)));
    }
    // While the person is asked something, the newest steps are enough: the
    // buttons must stay on screen at 2x text.
    if ((!v.reject_reasons.empty() || !v.ratings.empty()) && v.timeline.size() > 3)
        v.timeline.resize(3);
    if (s.rating_sent)
        v.after_line = t("repairs.rating_sent");
    else if (k.rated)
        v.after_line = t("repairs.rated_before");
}

// 长者模式, before a 验收 or a rating is sent: which ticket, and the answer
// in words (验收通过; 不通过 with its reason; 4 分 满意).
void build_verdict(RepairsView& v, const RepairsSession& s, const RepairsCache& cache, const Texts& t, Language language)
{
    const TicketInfo& k = *s.ticket;
    const RepairsSession::Verdict& verdict = *s.verdict;
    const CategoryInfo* c = find_category(cache, k.category);
    ReadBackView& rb = v.read_back;
    rb.prompt = t(verdict.rating ? "repairs.verdict.check_rating" : "repairs.verdict.check_acceptance");
    rb.lines.push_back(t("repairs.ticket_number", {{"id", k.id}}) + " · " + (c ? c->name.in(language) : k.category));
    if (verdict.rating)
        rb.lines.push_back(t("repairs.verdict.rating", {{"score", std::to_string(verdict.score)},
                                                               {"words", t("repairs.rating." + std::to_string(verdict.score))}}));
    else if (verdict.accepted)
        rb.lines.push_back(t("repairs.verdict.accepted"));
    else
        rb.lines.push_back(t("repairs.verdict.rejected", {{"reason", t("repairs.reason." + verdict.comment_key)}}));
    rb.message = v.message;
    rb.confirm_label = t("repairs.verdict.confirm");
    rb.change_label = t("repairs.verdict.change");
}

// One line a ticket, newest first: when (Shanghai), what, where it stands,
// then its number.
void build_unit_tickets(RepairsView& v, const RepairsSession& s, const RepairsCache& cache, const Texts& t,
                        const FeatureViewInputs& in)
{
    v.prompt = t("repairs.unit_tickets_title",
                 {{"unit", household::unit_label(cache.units, s.verification.verified_unit_id, in)}});
    for (std::size_t i = 0; i < s.unit_tickets.size(); ++i) {
        const TicketInfo& k = s.unit_tickets[i];
        const CategoryInfo* c = find_category(cache, k.category);
        const std::string line = t("repairs.unit_ticket_line",
                                   {{"date", lobby::protocol::format_date_shanghai(k.created_utc)},
                                    {"category", c ? c->name.in(in.language) : k.category},
                                    {"status", status_words(t, k.status)}});
        v.choices.push_back(plain_choice("repairs.unit_ticket." + std::to_string(i), line + "\n" + k.id, "", k.id));
    }
    if (s.unit_tickets.empty() && s.awaiting_call == 0 && s.notice == RepairsNotice::None)
        v.empty_line = t("repairs.unit_none");
    v.refresh_label = t("repairs.refresh");
}

} // namespace

RepairsView RepairsFeature::build_view(const State& s, const Cache& cache, const FeatureViewInputs& in) const
{
    const Texts t{in.catalog, in.language};
    RepairsView v;
    v.step = s.step;
    v.message = notice_text(t, s.notice);
    v.message_is_problem = s.notice != RepairsNotice::None;
    v.busy = s.awaiting_call != 0;
    v.busy_text = t("repairs.busy");
    v.start_over_label = t("repairs.start_over");
    switch (s.step) {
    case RepairsStep::Start: build_start(v, t); break;
    case RepairsStep::Unit:
        v.picker = household::build_picker_view(s.picker, cache.units, in, "repairs");
        // Said before the digits are typed: the list itself needs the office.
        if (s.track_by_unit && !in.sync.online && v.message.empty()) {
            v.message = t("repairs.notice.unit_needs_network");
            v.message_is_problem = true;
        }
        break;
    case RepairsStep::Digits:
        v.keypad = household::build_keypad_view(s.verification, s.awaiting_call != 0,
                                                household::unit_label(cache.units, s.verification.unit_id, in), in,
                                                "repairs");
        v.busy = false;  // the keypad shows its own waiting
        break;
    case RepairsStep::EmergencyMenu: build_emergency_menu(v, t); break;
    case RepairsStep::Emergency: build_emergency(v, s, cache, t, in.language); break;
    case RepairsStep::Location:
        v.prompt = t("repairs.ask_location");
        for (const LocationInfo& l : cache.locations)
            v.choices.push_back({"repairs.location." + l.code, l.name.in(in.language), "map-marker", l.code, l.name.zh_cn});
        if (v.choices.empty() && v.message.empty())
            v.message = t("repairs.no_catalog");
        break;
    case RepairsStep::Category:
        v.prompt = t("repairs.ask_category");
        for (const CategoryInfo& c : cache.categories) {
            if (c.emergency)
                continue;  // the red button's job
            const bool fits = c.places == "both" || c.places == (s.own_unit ? "own_unit" : "public");
            // Paid work is inside a home: a public-area report never offers it.
            if (!fits && c.in_scope)
                continue;
            ChoiceView choice = plain_choice("repairs.category." + c.code, c.name.in(in.language), c.icon, c.code);
            choice.scope = !c.in_scope ? Scope::NotOffice : c.chargeable ? Scope::Paid : Scope::Office;
            v.choices.push_back(choice);
        }
        if (v.choices.empty() && v.message.empty())
            v.message = t("repairs.no_catalog");
        break;
    case RepairsStep::Preset: {
        const CategoryInfo* c = find_category(cache, s.category);
        v.prompt = t("repairs.ask_preset", {{"category", c ? c->name.in(in.language) : s.category}});
        if (c)
            for (const PresetInfo& p : c->presets)
                v.choices.push_back({"repairs.preset." + p.code, p.name.in(in.language), p.icon, p.code, p.name.zh_cn});
        break;
    }
    case RepairsStep::OutOfScope: {
        const CategoryInfo* c = find_category(cache, s.category);
        v.prompt = t("repairs.not_ours", {{"category", c ? c->name.in(in.language) : s.category}});
        v.refer_who = c ? c->refer_to.in(in.language) : std::string();
        v.refer_phone = c ? c->refer_phone : std::string();
        break;
    }
    case RepairsStep::PaidNotice: {
        const CategoryInfo* c = find_category(cache, s.category);
        v.prompt = t("repairs.paid_notice");
        if (c)
            for (const PriceInfo& p : c->prices)
                v.prices.push_back({p.item.in(in.language), format_fen(p.price_fen) + " / " + p.per.in(in.language)});
        v.acknowledge_label = t("repairs.acknowledge");
        break;
    }
    case RepairsStep::When:
        v.prompt = t("repairs.ask_when");
        v.message = v.message.empty() ? t("repairs.slot_hours") : v.message + "\n" + t("repairs.slot_hours");
        for (const Slot& slot : s.slots)
            if (slot.free > 0) {
                ChoiceView choice = plain_choice("repairs.slot." + std::to_string(slot.day) + "." + slot.part,
                                                 slot_text(t, slot), "clock-o", std::to_string(slot.start_utc));
                choice.slot_start = slot.start_utc;
                choice.slot_end = slot.end_utc;
                v.choices.push_back(choice);
            }
        break;
    case RepairsStep::ReadBack: {
        v.prompt = t("repairs.readback");
        for (const ReportItem& item : s.items) {
            const CategoryInfo* c = find_category(cache, item.category);
            const PresetInfo* p = find_preset(c, item.preset);
            v.readback.push_back({t("repairs.what"), p ? p->name.in(in.language) : item.description});
            if (item.paid_acknowledged)
                v.readback.push_back({t("repairs.paid_short"), t("repairs.paid_acknowledged")});
        }
        const LocationInfo* where = nullptr;
        for (const LocationInfo& l : cache.locations)
            if (l.code == s.location)
                where = &l;
        v.readback.push_back({t("repairs.where"), s.own_unit   ? household::unit_label(cache.units, s.unit_id, in)
                                                  : where ? where->name.in(in.language)
                                                          : s.location_words});
        v.readback.push_back({t("repairs.when"), s.slot ? slot_text(t, *s.slot) : t("repairs.asap")});
        // The note is read back in its own field (no second copy: at 2× it
        // would push 提交报修 off the screen).
        v.note_label = t("repairs.note_ask");
        v.note = s.note;
        if (!s.own_unit) {
            v.asks_phone = true;
            v.phone_label = t("repairs.callback_ask");
            v.phone = s.contact_phone;
        }
        v.another_label = t("repairs.add_another");
        v.submit_label = t("repairs.submit");
        break;
    }
    case RepairsStep::Done: {
        v.prompt = t("repairs.done");
        // The office refuses this kiosk's token (mistyped, revoked): the
        // estate that token names is unproven, and a link naming the wrong
        // one would open nothing, ever. The follow-up code works at the lobby.
        const bool refused = in.sync.unauthorized;
        for (const FiledTicket& f : s.filed) {
            FiledView fv;
            const auto known = cache.filed.find(f.client_ref);
            fv.number_line = known != cache.filed.end() ? t("repairs.ticket_number", {{"id", known->second.id}})
                                                        : t("repairs.number_pending");
            fv.code_line = t("repairs.follow_code", {{"code", grouped(f.follow_code)}});
            fv.code_spoken = spoken(f.follow_code);
            const CategoryInfo* c = find_category(cache, f.category);
            const PresetInfo* p = find_preset(c, f.preset);
            fv.what = p ? p->name.in(in.language) : f.preset;
            // Made here, so it shows offline too; the estate is this kiosk's.
            if (!refused)
                fv.qr_payload = in.config.server_url + lobby::protocol::repair_status_path(in.sync.estate, f.status_token);
            v.filed.push_back(fv);
        }
        v.saved_note = refused ? t("repairs.saved_refused") : in.sync.online ? t("repairs.saved") : t("repairs.saved_offline");
        v.follow_label = t("repairs.follow_this");
        if (!refused)
            v.scan_label = t("repairs.scan");
        break;
    }
    case RepairsStep::CodeEntry:
        v.prompt = t("repairs.ask_code");
        v.typed = grouped(s.code);
        if (v.typed.empty())
            v.typed = "_";
        v.find_label = t("repairs.find");
        v.erase_label = t("repairs.erase");
        v.can_find = s.code.size() == follow_code_length;
        v.by_unit_label = t("repairs.track_by_unit");
        break;
    case RepairsStep::UnitTickets: build_unit_tickets(v, s, cache, t, in); break;
    case RepairsStep::Ticket:
        if (s.ticket)
            build_ticket(v, s, cache, t, in.language);
        break;
    case RepairsStep::ConfirmVerdict:
        if (s.ticket && s.verdict)
            build_verdict(v, s, cache, t, in.language);
        break;
    }
    return v;
}

} // namespace kiosk::repairs
