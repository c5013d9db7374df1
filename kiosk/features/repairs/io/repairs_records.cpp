// Conversions from protocol records to the core's values, the cache read,
// and the outbox encoding of repairs submissions.
#include "features/repairs/io/repairs_records.hpp"

#include "protocol/changes.hpp"
#include "protocol/decode.hpp"
#include "protocol/estate.hpp"
#include "store/store.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kiosk::repairs {
namespace p = lobby::protocol;
namespace {

LocalText local(const p::LocalizedText& t) { return {t.zh_cn, t.zh_hk, t.en}; }

CategoryInfo to_category(const p::RepairCategory& c)
{
    CategoryInfo out;
    out.code = c.code;
    out.name = local(c.name);
    out.icon = c.icon;
    out.in_scope = c.in_scope;
    out.emergency = c.emergency;
    out.chargeable = c.chargeable;
    out.places = c.places;
    if (c.refer_to)
        out.refer_to = local(*c.refer_to);
    out.refer_phone = c.refer_phone.value_or("");
    for (const auto& preset : c.presets)
        out.presets.push_back({preset.code, local(preset.name), preset.icon});
    for (const auto& price : c.prices)
        out.prices.push_back({local(price.item), price.price_fen, local(price.per)});
    return out;
}

template <class T>
std::vector<T> decoded_records(store::Store& store, std::string_view collection)
{
    std::vector<T> out;
    auto records = store.records(collection);
    if (!records)
        return out;
    for (const auto& record : records.value()) {
        auto decoded = p::decode<T>(record.data);
        if (decoded)
            out.push_back(decoded.value());
        else
            spdlog::warn("cache: {} {} unreadable: {}", collection, record.key, decoded.error().message);
    }
    return out;
}

// The ticket's follow-up code, or (opened from the unit's list) the household's token.
void put_credentials(p::TicketCredentials& out, const std::string& follow_code, const std::string& token)
{
    if (!follow_code.empty())
        out.follow_code = follow_code;
    else if (!token.empty())
        out.verification_token = token;
}

} // namespace

TicketInfo to_ticket_info(const p::Ticket& t)
{
    TicketInfo out;
    out.id = t.id;
    out.unit_id = t.unit_id.value_or("");
    out.created_utc = t.created_at;
    out.status = t.status;
    out.category = t.category;
    out.description = t.description;
    out.worker_masked = t.worker_masked.value_or("");
    out.charge_fen = t.charge_fen.value_or(-1);
    out.rated = t.rating.has_value();
    for (const auto& e : t.timeline)
        out.timeline.push_back({e.at, e.status, e.note});
    return out;
}

RepairsCache read_repairs_cache(store::Store& store)
{
    RepairsCache cache;
    auto categories = decoded_records<p::RepairCategory>(store, p::collection::repair_categories);
    std::stable_sort(categories.begin(), categories.end(),
                     [](const auto& a, const auto& b) { return a.order < b.order; });
    for (const auto& c : categories)
        cache.categories.push_back(to_category(c));
    auto locations = decoded_records<p::RepairLocation>(store, p::collection::repair_locations);
    std::stable_sort(locations.begin(), locations.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
    for (const auto& l : locations)
        cache.locations.push_back({l.code, local(l.name)});
    if (auto estate = store.estate(); estate && estate.value()) {
        if (auto e = p::decode<p::Estate>(estate.value()->data)) {
            cache.hotline = e.value().hotline;
            for (const auto& c : e.value().emergency_contacts)
                cache.contacts.push_back({local(c.name), c.phone});
        }
    }
    for (const auto& t : decoded_records<p::Ticket>(store, p::collection::tickets))
        if (t.client_ref)
            cache.filed[*t.client_ref] = to_ticket_info(t);
    return cache;
}

std::optional<std::pair<std::string, nlohmann::json>> encode_submission(const std::any& payload)
{
    if (const auto* r = std::any_cast<SubmitRepair>(&payload)) {
        p::RepairRequest req;
        req.category = r->category;
        if (!r->preset.empty())
            req.preset = r->preset;
        req.description = r->description;
        req.location = r->own_unit ? "own_unit" : "public";
        if (!r->unit_id.empty())
            req.unit_id = r->unit_id;
        if (!r->location_detail.empty())
            req.location_detail = r->location_detail;
        if (r->slot_start_utc > 0)
            req.preferred_slot = p::TimeSlot{r->slot_start_utc, r->slot_end_utc};
        req.paid_acknowledged = r->paid_acknowledged;
        if (!r->contact_phone.empty())
            req.contact_phone = r->contact_phone;
        req.client_ref = r->client_ref;
        if (!r->follow_code.empty())
            req.follow_code = r->follow_code;
        if (!r->status_token.empty())
            req.status_token = r->status_token;
        return std::make_pair(std::string("/v1/repairs"), nlohmann::json(req));
    }
    if (const auto* a = std::any_cast<SubmitAcceptance>(&payload)) {
        p::AcceptanceRequest req;
        req.accepted = a->accepted;
        if (!a->comment.empty())
            req.comment = a->comment;
        put_credentials(req, a->follow_code, a->verification_token);
        return std::make_pair("/v1/repairs/" + a->ticket_id + "/acceptance", nlohmann::json(req));
    }
    if (const auto* r = std::any_cast<SubmitRating>(&payload)) {
        p::RatingRequest req;
        req.score = r->score;
        req.solved = r->score >= 3;  // 3 and up: the resident counts it as solved
        put_credentials(req, r->follow_code, r->verification_token);
        return std::make_pair("/v1/repairs/" + r->ticket_id + "/rating", nlohmann::json(req));
    }
    return std::nullopt;
}

} // namespace kiosk::repairs
