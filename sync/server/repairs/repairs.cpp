// Repair tickets: create and read (the staff's workflow, 验收 and the
// rating are in workflow.cpp).
#include "repairs/repairs.hpp"

#include "estate.hpp"
#include "feed.hpp"
#include "repairs/access.hpp"
#include "repairs/slots.hpp"
#include "repairs/tickets.hpp"
#include "sha256.hpp"

#include "protocol/changes.hpp"
#include "protocol/decode.hpp"

#include <algorithm>

namespace lobby::server::repairs {
namespace {

std::string ticket_id_for(protocol::UtcSeconds now, std::int64_t n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "R-%s-%06lld", protocol::format_utc(now).substr(0, 4).c_str(),
                  static_cast<long long>(n));
    return buf;
}

bool has_preset(const protocol::RepairCategory& c, const std::string& code) {
    return std::any_of(c.presets.begin(), c.presets.end(), [&](const auto& p) { return p.code == code; });
}

// Why this request cannot become a ticket, before anything is written.
std::optional<ApiResponse> refuse_request(ApiContext& ctx, const protocol::RepairRequest& req,
                                          const std::optional<protocol::RepairCategory>& category) {
    if (req.unit_id && !find_unit(ctx.db, *req.unit_id))
        return api_error(404, protocol::error_code::unknown_unit, "Unit " + *req.unit_id + " does not exist.");
    if (!category)
        return api_error(422, protocol::error_code::invalid_field,
                         "Field 'category' must be a known repair category code; '" + req.category + "' is not.");
    if (!category->in_scope) {
        std::string who = category->refer_to ? category->refer_to->zh_cn : "the provider";
        if (category->refer_phone) who += " (" + *category->refer_phone + ")";
        return api_error(422, protocol::error_code::out_of_scope,
                         "The property office does not handle " + category->name.zh_cn + "; please contact " + who + ".");
    }
    if (req.preset && !has_preset(*category, *req.preset))
        return api_error(422, protocol::error_code::invalid_field,
                         "Field 'preset' must be one of category " + category->code + "'s presets; '" + *req.preset +
                             "' is not.");
    if (category->places != "both" && category->places != req.location)
        return api_error(422, protocol::error_code::invalid_field,
                         "Field 'location' must be " + category->places + " for category " + category->code + ".");
    if (category->chargeable && req.location == "own_unit" && !req.paid_acknowledged)
        return api_error(422, protocol::error_code::paid_service_not_acknowledged,
                         "Category " + category->code + " is a paid service in the own unit: the resident must see "
                         "the price list and acknowledge it (paid_acknowledged true).");
    if (!req.preferred_slot) return std::nullopt;
    if (req.preferred_slot->end <= ctx.now)
        return api_error(422, protocol::error_code::invalid_field, "Field 'preferred_slot' must end in the future.");
    const auto slot = offered_slot(ctx.db, *req.preferred_slot, ctx.now);
    if (!slot)
        return api_error(422, protocol::error_code::invalid_field,
                         "Field 'preferred_slot' must be one of the open slots of GET /v1/repairs/slots.");
    if (slot->free <= 0)
        return api_error(409, protocol::error_code::slot_taken,
                         "The visiting slot starting " + protocol::format_utc(slot->start) +
                             " is full; choose another from GET /v1/repairs/slots.");
    return std::nullopt;
}

} // namespace

void add_event(Database& db, const std::string& ticket_id, protocol::UtcSeconds at, const std::string& status,
               const std::string& note) {
    Statement st(db, "INSERT INTO ticket_events (ticket_id, at, status, note) VALUES (?, ?, ?, ?)");
    st.bind(1, ticket_id).bind(2, at).bind(3, status).bind(4, note);
    st.run();
}

std::optional<protocol::RepairCategory> find_category(Database& db, const std::string& code) {
    auto data = load_record(db, protocol::collection::repair_categories, code);
    if (!data) return std::nullopt;
    auto decoded = protocol::decode<protocol::RepairCategory>(*data);
    if (!decoded) return std::nullopt;
    return decoded.value();
}

ApiResponse create_repair(ApiContext& ctx, const protocol::RepairRequest& req) {
    const auto category = find_category(ctx.db, req.category);
    if (auto refusal = refuse_request(ctx, req, category)) return *refusal;
    if (auto refusal = refuse_taken_secrets(ctx, req)) return *refusal;

    Statement next(ctx.db, "SELECT COALESCE(MAX(n), 0) + 1 FROM tickets");
    next.step();
    const std::int64_t n = next.int64(0);
    const std::string id = ticket_id_for(ctx.now, n);
    Statement ins(ctx.db, R"sql(
INSERT INTO tickets (n, id, kiosk_id, unit_id, category, description, location, location_detail, contact_phone,
                     emergency, status, slot_start, slot_end, created_at, updated_at, follow_code_hash,
                     preset, client_ref, status_token_hash, paid_acknowledged)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    ins.bind(1, n).bind(2, id).bind(3, ctx.caller.kiosk_id).bind(4, req.unit_id).bind(5, req.category);
    ins.bind(6, req.description).bind(7, req.location).bind(8, req.location_detail).bind(9, ctx.db.cipher().seal_optional(req.contact_phone));
    ins.bind(10, category->emergency ? 1 : 0);
    if (req.preferred_slot) ins.bind(11, req.preferred_slot->start).bind(12, req.preferred_slot->end);
    ins.bind(13, ctx.now).bind(14, ctx.now);
    if (req.follow_code) ins.bind(15, follow_code_hash(*req.follow_code));
    ins.bind(16, req.preset).bind(17, req.client_ref);
    if (req.status_token) ins.bind(18, sha256_hex(*req.status_token));
    ins.bind(19, req.paid_acknowledged ? 1 : 0);
    ins.run();
    add_event(ctx.db, id, ctx.now, "submitted", category->emergency ? "紧急报修，已通知值班人员" : "已收到报修");
    const auto ticket = find_ticket(ctx.db, id);
    publish_ticket(ctx.db, *ticket);
    return api_ok(201, *ticket);
}

ApiResponse list_slots(ApiContext& ctx) { return api_ok(200, open_slots(ctx.db, ctx.now)); }

ApiResponse get_repair(ApiContext& ctx, const std::string& ticket_id) {
    if (auto refused = require_staff(ctx, "Kiosks read a ticket with POST /v1/repairs/{id}/lookup and its follow-up "
                                          "code or the unit's verification."))
        return *refused;
    const auto ticket = find_ticket(ctx.db, ticket_id);
    if (!ticket) return api_error(404, protocol::error_code::unknown_ticket, "Repair ticket " + ticket_id + " does not exist.");
    return api_ok(200, *ticket);
}

ApiResponse lookup_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::TicketLookupRequest& req) {
    // The person is at the kiosk: a verification must be minutes old.
    if (auto refusal = refuse_ticket_access(ctx, ticket_id, req, VerificationUse::online)) return *refusal;
    const auto ticket = find_ticket(ctx.db, ticket_id);
    if (!ticket) return api_error(404, protocol::error_code::unknown_ticket, "Repair ticket " + ticket_id + " does not exist.");
    return api_ok(200, *ticket);
}

ApiResponse lookup_by_code(ApiContext& ctx, const protocol::TicketCodeLookupRequest& req) {
    auto found = ticket_by_follow_code(ctx, req.follow_code);
    if (auto* refusal = std::get_if<ApiResponse>(&found)) return *refusal;
    const auto ticket = find_ticket(ctx.db, std::get<std::string>(found));
    return api_ok(200, *ticket);
}

} // namespace lobby::server::repairs
