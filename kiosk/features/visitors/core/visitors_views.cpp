// Builds the Visitors screen's view model from the person's session. Names
// and phones appear only masked; the pass is what the gate checks.
#include "features/visitors/core/visitors_feature.hpp"
#include "core/text_lookup.hpp"

#include "protocol/masking.hpp"
#include "protocol/time.hpp"

#include <sstream>

namespace kiosk::visitors {
namespace {

using Text = TextLookup;

// "3-2-1502" -> 3栋2单元: the way to go (the room is the visitor's business).
std::string way_to(const Text& t, const std::string& unit_id)
{
    std::vector<std::string> parts;
    std::stringstream in(unit_id);
    for (std::string part; std::getline(in, part, '-');)
        parts.push_back(part);
    if (parts.size() != 3)
        return unit_id;
    return t("visitors.unit", {{"b", parts[0]}, {"e", parts[1]}});
}

// "11月23日 13:00", or just "13:00" today (Asia/Shanghai).
std::string when_text(const Text& t, std::int64_t utc, std::int64_t now_utc)
{
    const std::string time = lobby::protocol::format_hh_mm_shanghai(utc);
    if (lobby::protocol::start_of_day_shanghai(utc) == lobby::protocol::start_of_day_shanghai(now_utc))
        return t("visitors.today_at", {{"time", time}});
    const auto local = lobby::protocol::to_shanghai(utc);
    return t("visitors.date_at", {{"m", std::to_string(local.month)}, {"d", std::to_string(local.day)}, {"time", time}});
}

std::string day_text(const Text& t, std::int64_t utc)
{
    const auto local = lobby::protocol::to_shanghai(utc);
    return t("visitors.date", {{"m", std::to_string(local.month)}, {"d", std::to_string(local.day)}});
}

std::string notice_text(const Text& t, const VisitorsSession& s)
{
    switch (s.notice) {
    case VisitorsNotice::None: return {};
    case VisitorsNotice::UnknownCode:
        return t(s.step == VisitorsStep::ReleaseCode ? "visitors.release_unknown" : "visitors.code_unknown");
    case VisitorsNotice::AlreadyUsed: return t("visitors.code_used");
    case VisitorsNotice::Expired: return t("visitors.code_expired");
    case VisitorsNotice::NotYetValid: return t("visitors.code_not_yet");
    case VisitorsNotice::TooMany:
        return t("visitors.too_many", {{"time", lobby::protocol::format_hh_mm_shanghai(s.locked_until_utc)}});
    case VisitorsNotice::NoOfflineCheck: return t("visitors.no_offline_check");
    case VisitorsNotice::NeedsNetwork: return t("visitors.needs_network");
    case VisitorsNotice::Refused: return t("visitors.refused");
    case VisitorsNotice::ServerError: return t("visitors.server_error");
    case VisitorsNotice::PollFailing: return t("visitors.poll_failing");
    case VisitorsNotice::BadSurname: return t("visitors.bad_surname", {{"n", std::to_string(surname_max_chars)}});
    case VisitorsNotice::BadPlate: return t("visitors.bad_plate");
    }
    return {};
}

void add_choice(VisitorsView& v, const std::string& value, std::string label)
{
    v.choices.push_back({"visitors.pick." + value, std::move(label), value});
}

void keypad(VisitorsView& v, const Text& t, const DigitEntry& entry, bool ready)
{
    v.typed = entry.digits();
    v.erase_label = t("visitors.erase");
    v.submit_label = t("visitors.ok");
    v.can_submit = ready;
}

std::string purpose_text(const Text& t, const std::string& purpose) { return t("visitors.purpose." + purpose); }

// 记录什么: exactly the fields this registration carries, nothing more.
std::string walk_in_collects(const Text& t, const WalkInForm& form)
{
    std::vector<std::string> fields;
    if (!form.surname.empty())
        fields.push_back(t("visitors.field.surname"));
    fields.push_back(t("visitors.field.phone"));
    fields.push_back(t("visitors.field.unit"));
    fields.push_back(t("visitors.field.purpose"));
    if (VisitorsFeature::asks_people(form.purpose))
        fields.push_back(t("visitors.field.people"));
    if (!form.car_plate.empty())
        fields.push_back(t("visitors.field.plate"));
    std::string list;
    for (const std::string& f : fields)
        list += (list.empty() ? "" : t("visitors.items_separator")) + f;
    return t(form.surname.empty() ? "visitors.privacy_what_no_name" : "visitors.privacy_what_surname",
             {{"fields", list}});
}

void privacy(VisitorsView& v, const Text& t, const VisitorsSession& s, const VisitorsCache& cache,
             const FeatureViewInputs& in)
{
    v.prompt = t("visitors.privacy_title");
    if (s.errand == Errand::WalkIn) {
        const WalkInForm& form = s.walk_in;
        v.privacy_lines = {walk_in_collects(t, form), t("visitors.privacy_why_walk_in"), t("visitors.privacy_how_long")};
        std::string summary;
        if (!form.surname.empty())
            summary = t("visitors.summary_surname", {{"name", lobby::protocol::mask_surname(form.surname)}}) + " · ";
        summary += t("visitors.summary_phone", {{"phone", lobby::protocol::mask_phone(form.phone)}});
        summary += " · " + household::unit_label(cache.units, form.unit_id, in) + " · " + purpose_text(t, form.purpose);
        if (VisitorsFeature::asks_people(form.purpose))
            summary += " · " + t("visitors.people_n", {{"n", std::to_string(form.people)}});
        if (!form.car_plate.empty())
            summary += " · " + t("visitors.summary_plate", {{"plate", form.car_plate}});
        v.summary = summary;
    } else {
        v.privacy_lines = {t("visitors.privacy_what_move_out"), t("visitors.privacy_why_move_out"),
                           t("visitors.privacy_how_long")};
        v.summary = t("visitors.summary_phone", {{"phone", lobby::protocol::mask_phone(s.move_out.phone)}}) + " · " +
                    household::unit_label(cache.units, s.move_out.unit_id, in) + " · " + t("visitors.relation." + s.move_out.relation);
    }
    // In 长者模式 a read-back follows: accepting does not send yet.
    v.accept_label = t(in.elderly ? "visitors.accept_then_check" : "visitors.accept");
    v.decline_label = t("visitors.decline");
    v.retry_label = t("visitors.retry");
    v.can_retry = !s.submit_key.empty() && s.notice != VisitorsNotice::None;
}

// What goes out, e.g. 冰箱×1、纸箱×10: in the office's language (zh-CN) for
// the office, in the person's for the read-back.
std::string items_text(const Text& office, const MoveOutForm& form)
{
    std::string out;
    for (const char* item : move_items) {
        const auto it = form.items.find(item);
        if (it == form.items.end())
            continue;
        if (!out.empty())
            out += office("visitors.items_separator");
        out += office("visitors.item." + std::string(item)) + "×" + std::to_string(it->second);
    }
    return out;
}

// 长者模式's read-back: each fact on its own line, the surname and phone
// masked as everywhere, the plate as typed (the visitor checks it).
void read_back(VisitorsView& v, const Text& t, const VisitorsSession& s, const VisitorsCache& cache,
               const FeatureViewInputs& in)
{
    ReadBackView& rb = v.read_back;
    rb.prompt = t("visitors.readback_prompt");
    std::vector<std::string>& lines = rb.lines;
    if (s.errand == Errand::WalkIn) {
        const WalkInForm& form = s.walk_in;
        lines.push_back(t("visitors.readback_purpose", {{"purpose", purpose_text(t, form.purpose)}}));
        lines.push_back(t("visitors.readback_unit", {{"unit", household::unit_label(cache.units, form.unit_id, in)}}));
        if (!form.surname.empty())
            lines.push_back(t("visitors.readback_surname", {{"name", lobby::protocol::mask_name(form.surname)}}));
        lines.push_back(t("visitors.readback_phone", {{"phone", lobby::protocol::mask_phone(form.phone)}}));
        if (VisitorsFeature::asks_people(form.purpose))
            lines.push_back(t("visitors.readback_people", {{"n", std::to_string(form.people)}}));
        if (!form.car_plate.empty())
            lines.push_back(t("visitors.readback_plate", {{"plate", form.car_plate}}));
    } else {
        const MoveOutForm& form = s.move_out;
        lines.push_back(t("visitors.readback_move_unit", {{"unit", household::unit_label(cache.units, form.unit_id, in)}}));
        lines.push_back(t("visitors.readback_items", {{"items", items_text(t, form)}}));
        lines.push_back(t("visitors.readback_day",
                          {{"day", t("visitors.day." + std::to_string(form.days_ahead),
                                     {{"date", day_text(t, in.now_utc_s + form.days_ahead * 86400)}})}}));
        lines.push_back(t("visitors.readback_relation", {{"who", t("visitors.relation." + form.relation)}}));
        lines.push_back(t("visitors.readback_phone", {{"phone", lobby::protocol::mask_phone(form.phone)}}));
    }
    rb.message = notice_text(t, s);
    rb.busy = s.awaiting_call != 0;
    rb.busy_text = t("visitors.sending");
    rb.confirm_label = t("visitors.confirm_submit");
    rb.change_label = t("visitors.change");
}

} // namespace

VisitorsView VisitorsFeature::build_view(const State& s, const Cache& cache, const FeatureViewInputs& in) const
{
    const Text t{in.catalog, in.language};
    VisitorsView v;
    v.step = s.step;
    v.errand = s.errand;
    v.message = notice_text(t, s);
    v.message_is_problem = !v.message.empty();
    v.busy = s.awaiting_call != 0 && s.step != VisitorsStep::Waiting;
    v.busy_text = t("visitors.busy");
    v.done_label = t("visitors.done");

    switch (s.step) {
    case VisitorsStep::Menu:
        v.prompt = t("visitors.ask_errand");
        for (const char* errand : {"code", "walk_in", "move_out", "release"})
            add_choice(v, errand, t("visitors.errand." + std::string(errand)));
        break;
    case VisitorsStep::Code:
        v.prompt = t("visitors.ask_code");
        keypad(v, t, s.code, s.code.size() == code_min_digits || s.code.size() == code_max_digits);
        v.busy_text = t("visitors.checking_code");
        break;
    case VisitorsStep::Purpose:
        v.prompt = t("visitors.ask_purpose");
        for (const char* purpose : purposes)
            add_choice(v, purpose, purpose_text(t, purpose));
        break;
    case VisitorsStep::Unit:
        v.prompt = t(s.errand == Errand::WalkIn ? "visitors.ask_unit" : "visitors.ask_unit_move_out");
        v.picker = household::build_picker_view(s.picker, cache.units, in, "visitors");
        break;
    case VisitorsStep::Phone:
        v.prompt = t("visitors.ask_phone");
        keypad(v, t, s.phone, s.phone.full() && s.phone.digits()[0] == '1');
        break;
    case VisitorsStep::Surname:
        v.prompt = t("visitors.ask_surname");
        // The pad opens empty (never on a masked 李*); what was typed shows masked.
        if (!s.walk_in.surname.empty())
            v.kept = t("visitors.summary_surname", {{"name", lobby::protocol::mask_surname(s.walk_in.surname)}});
        v.next_label = t("visitors.next");
        v.can_next = !s.walk_in.surname.empty();
        break;
    case VisitorsStep::Car:
        v.prompt = t("visitors.ask_car");
        add_choice(v, "car_yes", t("visitors.car_yes"));
        add_choice(v, "car_no", t("visitors.car_no"));
        break;
    case VisitorsStep::Plate:
        v.prompt = t("visitors.ask_plate");
        v.field_value = s.walk_in.car_plate;  // the visitor checks what they typed
        v.next_label = t("visitors.next");
        v.can_next = !s.walk_in.car_plate.empty();
        break;
    case VisitorsStep::People:
        v.prompt = t("visitors.ask_people");
        for (int n = 1; n <= 6; ++n)
            add_choice(v, std::to_string(n), t("visitors.people_n", {{"n", std::to_string(n)}}));
        break;
    case VisitorsStep::Privacy:
        privacy(v, t, s, cache, in);
        v.office_items = items_text(Text{in.catalog, Language::ZhCN}, s.move_out);
        v.busy_text = t("visitors.sending");
        break;
    case VisitorsStep::ReadBack: read_back(v, t, s, cache, in); break;
    case VisitorsStep::Waiting:
        v.prompt = t("visitors.waiting_title");
        v.code_label = t("visitors.your_number");
        v.code = s.pass ? s.pass->code : std::string();
        v.lines = {t("visitors.waiting_stay"), t("visitors.waiting_come_back")};
        v.message_is_problem = false;
        break;
    case VisitorsStep::Pass: {
        const PassInfo& pass = *s.pass;
        const std::string place = way_to(t, pass.unit_id);
        v.headline = pass.visitor_masked.empty()
                         ? t("visitors.welcome", {{"unit", place}})
                         : t("visitors.welcome_name", {{"name", pass.visitor_masked}, {"unit", place}});
        v.code_label = t("visitors.pass_code");
        v.code = pass.code;
        v.qr_payload = "LOBBY-PASS:" + pass.code;
        v.lines.push_back(t("visitors.valid_until", {{"when", when_text(t, pass.valid_until_utc, in.now_utc_s)}}));
        v.lines.push_back(t("visitors.show_at_gate"));
        if (pass.offline)
            v.lines.push_back(t("visitors.checked_offline"));
        break;
    }
    case VisitorsStep::FrontDesk:
        v.prompt = t("visitors.front_desk");
        v.lines = {t(s.pass && s.pass->status == "declined" ? "visitors.host_declined" : "visitors.front_desk_help")};
        break;
    case VisitorsStep::Declined:
        v.prompt = t("visitors.not_registered");
        v.lines = {t("visitors.nothing_kept"), t("visitors.front_desk_if_needed")};
        break;
    case VisitorsStep::MoveItems:
        v.prompt = t("visitors.ask_items");
        for (const char* item : move_items) {
            const auto it = s.move_out.items.find(item);
            const int count = it == s.move_out.items.end() ? 0 : it->second;
            v.items.push_back({item, t("visitors.item." + std::string(item)), std::to_string(count),
                               "visitors.item_minus." + std::string(item), "visitors.item_plus." + std::string(item),
                               count > 0});
        }
        v.items_done_label = t("visitors.next");
        v.can_finish_items = !s.move_out.items.empty();
        break;
    case VisitorsStep::MoveWhen:
        v.prompt = t("visitors.ask_day");
        for (int d = 0; d <= 2; ++d)
            add_choice(v, std::to_string(d),
                       t("visitors.day." + std::to_string(d), {{"date", day_text(t, in.now_utc_s + d * 86400)}}));
        break;
    case VisitorsStep::MoveWho:
        v.prompt = t("visitors.ask_relation");
        for (const char* relation : relations)
            add_choice(v, relation, t("visitors.relation." + std::string(relation)));
        break;
    case VisitorsStep::MoveSent:
        v.prompt = t("visitors.move_sent");
        v.code_label = t("visitors.release_code");
        v.code = s.release ? s.release->release_code : std::string();
        v.lines = {t("visitors.owner_confirms"), t("visitors.check_later")};
        if (s.release)
            v.lines.push_back(household::unit_label(cache.units, s.release->unit_id, in) + " · " + s.release->planned_date);
        break;
    case VisitorsStep::ReleaseCode:
        v.prompt = t("visitors.ask_release_code");
        keypad(v, t, s.release_code, s.release_code.full());
        break;
    case VisitorsStep::ReleaseStatus: {
        const ReleaseInfo& r = *s.release;
        v.headline = t("visitors.release_status." + r.status);
        v.lines.push_back(household::unit_label(cache.units, r.unit_id, in) + " · " + r.planned_date);
        if (r.status == "approved" && r.decided_at_utc > 0)
            v.lines.push_back(t("visitors.confirmed_at", {{"when", when_text(t, r.decided_at_utc, in.now_utc_s)}}));
        if (r.status == "awaiting_owner_confirmation")
            v.lines.push_back(t("visitors.owner_confirms"));
        if (r.status == "rejected")
            v.lines.push_back(t("visitors.front_desk_if_needed"));
        break;
    }
    }
    return v;
}

} // namespace kiosk::visitors
