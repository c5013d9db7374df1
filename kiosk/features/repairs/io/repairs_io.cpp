// The repairs online calls (free slots, a ticket by its follow-up code) over
// the shared ApiClient, the cache read and the outbox encoding.
#include "features/repairs/io/repairs_io.hpp"

#include "features/repairs/io/repairs_records.hpp"
#include "household/io/units_memo.hpp"
#include "household/io/verify_io.hpp"
#include "protocol/decode.hpp"
#include "protocol/follow_code.hpp"
#include "protocol/uuid.hpp"
#include "protocol/repairs.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::repairs {
namespace p = lobby::protocol;
namespace {

CallOutcome refused(const net::ApiReply& r)
{
    if (r.judged.verdict == net::Verdict::retry)
        return r.reached() && r.status() >= 500 ? CallOutcome::ServerError
               : r.reached()                    ? CallOutcome::ServerError  // not the office speaking (garbage)
                                                : CallOutcome::Offline;
    if (r.status() == 404)
        return CallOutcome::NotFound;
    if (r.status() == 429)
        return CallOutcome::TooMany;
    return CallOutcome::ServerError;
}

SlotsDone slots(net::LiveContext& ctx)
{
    const net::ApiReply r = ctx.api.send("GET", "/v1/repairs/slots");
    SlotsDone done;
    if (r.judged.verdict != net::Verdict::success) {
        if (!r.reached())
            ctx.pull_now();
        done.outcome = refused(r);
        return done;
    }
    auto list = p::decode_text<p::RepairSlotList>(r.http.body);
    if (!list) {
        spdlog::warn("repairs: unreadable slots answer: {}", list.error().field);
        return done;
    }
    done.outcome = CallOutcome::Ok;
    for (const auto& s : list.value().slots)
        done.slots.push_back({s.start, s.end, static_cast<int>(s.day), s.part, static_cast<int>(s.free)});
    return done;
}

// A ticket read back (by its code, or with the unit's token), as the core takes it.
TicketDone ticket_reply(const net::ApiReply& r, net::LiveContext& ctx, CallOutcome (*refusal)(const net::ApiReply&))
{
    TicketDone done;
    if (r.judged.verdict != net::Verdict::success) {
        if (!r.reached())
            ctx.pull_now();  // the header should say offline too
        done.outcome = refusal(r);
        return done;
    }
    auto ticket = p::decode_text<p::Ticket>(r.http.body);
    if (!ticket) {
        spdlog::warn("repairs: unreadable ticket answer: {}", ticket.error().field);
        return done;
    }
    done.outcome = CallOutcome::Ok;
    done.ticket = to_ticket_info(ticket.value());
    return done;
}

TicketDone find(const CallFindByCode& call, net::LiveContext& ctx)
{
    const nlohmann::json body = p::TicketCodeLookupRequest{call.code};
    return ticket_reply(ctx.api.send("POST", "/v1/repairs/lookup", body.dump()), ctx, refused);
}

// The answer to a read with the household's token: 401 verification_expired
// (the list) is the person's to redo, not the kiosk's token refused.
CallOutcome refused_for_unit(const net::ApiReply& r)
{
    if (r.status() == 401 && r.error && r.error->code == p::error_code::verification_expired)
        return CallOutcome::VerifyAgain;
    if (r.status() == 403 && r.error && r.error->code == p::error_code::forbidden)
        return CallOutcome::VerifyAgain;  // a token of another unit: never shown, verify again
    return refused(r);
}

UnitTicketsDone unit_tickets(const CallUnitTickets& call, net::LiveContext& ctx)
{
    const nlohmann::json body = p::UnitTicketsRequest{call.unit_id, call.token};
    const net::ApiReply r = ctx.api.send("POST", "/v1/repairs/by-unit", body.dump());
    UnitTicketsDone done;
    if (r.judged.verdict != net::Verdict::success) {
        if (!r.reached())
            ctx.pull_now();  // the header should say offline too
        done.outcome = refused_for_unit(r);
        if (done.outcome == CallOutcome::ServerError)
            spdlog::warn("repairs: unit tickets refused: {} {}", r.summary(), r.error ? r.error->code : std::string());
        return done;
    }
    auto list = p::decode_text<p::UnitTicketList>(r.http.body);
    if (!list) {
        spdlog::warn("repairs: unreadable unit tickets answer: {}", list.error().field);
        return done;
    }
    done.outcome = CallOutcome::Ok;
    done.unit_id = list.value().unit_id;
    for (const auto& t : list.value().tickets)
        done.tickets.push_back(to_ticket_info(t));
    return done;
}

TicketDone ticket_for_unit(const CallTicketForUnit& call, net::LiveContext& ctx)
{
    p::TicketLookupRequest request;
    request.verification_token = call.token;
    const nlohmann::json body = request;
    return ticket_reply(ctx.api.send("POST", "/v1/repairs/" + call.ticket_id + "/lookup", body.dump()), ctx,
                        refused_for_unit);
}

std::any perform(const std::any& call, net::LiveContext& ctx)
{
    const RepairsCall* c = std::any_cast<RepairsCall>(&call);
    if (!c)
        return {};
    if (std::holds_alternative<CallSlots>(*c))
        return RepairsAnswer{slots(ctx)};
    if (const auto* verify = std::get_if<household::CallVerifyHousehold>(c))
        return RepairsAnswer{household::verify_household(*verify, ctx)};
    if (const auto* list = std::get_if<CallUnitTickets>(c))
        return RepairsAnswer{unit_tickets(*list, ctx)};
    if (const auto* one = std::get_if<CallTicketForUnit>(c))
        return RepairsAnswer{ticket_for_unit(*one, ctx)};
    return RepairsAnswer{find(std::get<CallFindByCode>(*c), ctx)};
}

} // namespace

TicketSecrets ticket_secrets()
{
    return {p::make_follow_code, p::make_status_token, p::make_uuid_v4};
}

net::FeatureIo repairs_io(std::shared_ptr<household::StoreLockoutBook> book)
{
    net::FeatureIo io;
    io.attach = [book](store::Store& store) { book->attach(store); };
    // The memo lives as long as the registry: units are re-decoded only when their collection changed.
    auto memo = std::make_shared<household::UnitsMemo>();
    io.read_cache = [memo](store::Store& store, std::int64_t) {
        RepairsCache cache = read_repairs_cache(store);
        cache.units = memo->units(store);
        return std::any(std::move(cache));
    };
    io.perform = perform;
    io.encode = [](const Submission& submission) -> std::optional<net::EncodedSubmission> {
        auto encoded = encode_submission(submission.payload);
        if (!encoded)
            return std::nullopt;
        return net::EncodedSubmission{encoded->first, encoded->second};
    };
    return io;
}

} // namespace kiosk::repairs
