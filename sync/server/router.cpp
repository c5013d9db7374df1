// The /v1 endpoint table and the adapters that wrap each service.
#include "router.hpp"

#include "api.hpp"
#include "feed.hpp"
#include "privacy.hpp"
#include "refresh.hpp"
#include "services.hpp"

#include "protocol/decode.hpp"

#include <cctype>
#include <memory>
#include <set>
#include <sstream>
#include <type_traits>

namespace lobby::server {
namespace {

using protocol::error_code::unauthorized;

void send(httplib::Response& res, const ApiResponse& r) {
    res.status = r.status;
    res.set_content(protocol::dump_json(r.body), "application/json; charset=utf-8");
}

// 401 for a missing, unknown or revoked bearer token.
std::optional<Caller> authenticate(Database& db, const httplib::Request& http, ApiResponse& refusal) {
    const std::string header = http.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0) {
        refusal = api_error(401, unauthorized, "This request needs an 'Authorization: Bearer <kiosk token>' header.");
        return std::nullopt;
    }
    Statement st(db, "SELECT id, role, revoked FROM kiosks WHERE token_sha256 = ?");
    st.bind(1, sha256_hex(header.substr(prefix.size())));
    if (!st.step()) {
        refusal = api_error(401, unauthorized, "The kiosk token is not known to this office server.");
        return std::nullopt;
    }
    if (st.int64(2) != 0) {
        refusal = api_error(401, unauthorized, "The kiosk token has been revoked; ask the office for a new one.");
        return std::nullopt;
    }
    return Caller{st.text(0), st.text(1)};
}

ApiResponse decode_refusal(const protocol::DecodeError& e) {
    if (e.kind == protocol::DecodeError::Kind::Syntax) return api_error(400, protocol::error_code::bad_json, e.message);
    return api_error(422, protocol::error_code::invalid_field, e.message);
}

// A UUID is expected; any 8..128 printable ASCII characters are accepted.
bool valid_idempotency_key(const std::string& key) {
    if (key.size() < 8 || key.size() > 128) return false;
    for (const char c : key)
        if (c <= 0x20 || c >= 0x7F) return false;
    return true;
}

class Router : public std::enable_shared_from_this<Router> {
public:
    Router(Pool& pool, const ServerConfig& config) : m_pool(pool), m_config(config) {}

    // GET with a kiosk token; fn(ApiContext&, const httplib::Request&) reads
    // one consistent snapshot (a ticket and its timeline agree), unless it
    // manages its own transactions (the feed applies refreshes first).
    enum class Snapshot { Wrap, Own };
    template <class Fn>
    httplib::Server::Handler get(Fn fn, Snapshot snapshot = Snapshot::Wrap) {
        return [self = shared_from_this(), fn, snapshot](const httplib::Request& http, httplib::Response& res) {
            auto lease = self->m_pool.acquire();
            ApiResponse refusal;
            auto caller = authenticate(lease.db(), http, refusal);
            if (!caller) return send(res, refusal);
            ApiContext ctx{lease.db(), self->m_config, *caller, protocol::now_utc()};
            if (snapshot == Snapshot::Own) return send(res, fn(ctx, http));
            Transaction read(lease.db(), TxMode::Deferred);
            ApiResponse r = fn(ctx, http);
            read.commit();
            send(res, r);
        };
    }

    // POST without Idempotency-Key (lookups, heartbeat): fn runs in one write
    // transaction. If `read_first` is given, it runs first on a read snapshot
    // and answers alone when it can (returns a response), which keeps common
    // reads off the write lock.
    template <class Req, class Fn, class ReadFirst = std::nullptr_t>
    httplib::Server::Handler post(Fn fn, ReadFirst read_first = nullptr) {
        return [self = shared_from_this(), fn, read_first](const httplib::Request& http, httplib::Response& res) {
            auto lease = self->m_pool.acquire();
            ApiResponse refusal;
            auto caller = authenticate(lease.db(), http, refusal);
            if (!caller) return send(res, refusal);
            auto decoded = protocol::decode_text<Req>(http.body);
            if (!decoded) return send(res, decode_refusal(decoded.error()));
            ApiContext ctx{lease.db(), self->m_config, *caller, protocol::now_utc()};
            if constexpr (!std::is_same_v<ReadFirst, std::nullptr_t>) {
                Transaction snapshot(lease.db(), TxMode::Deferred);
                std::optional<ApiResponse> quick = read_first(ctx, decoded.value());
                snapshot.commit();
                if (quick) return send(res, *quick);
            }
            WriteTransaction tx(self->m_pool, lease.db());
            ApiResponse r = fn(ctx, decoded.value(), http);
            tx.commit();
            send(res, r);
        };
    }

    // POST that creates something: the first response for (kiosk, key) is
    // stored in the same transaction as the record, so a retry replays it
    // and two concurrent duplicates serialize on the write lock.
    template <class Req, class Fn>
    httplib::Server::Handler idempotent_post(Fn fn) {
        return [self = shared_from_this(), fn](const httplib::Request& http, httplib::Response& res) {
            auto lease = self->m_pool.acquire();
            Database& db = lease.db();
            ApiResponse refusal;
            auto caller = authenticate(db, http, refusal);
            if (!caller) return send(res, refusal);
            const std::string key = http.get_header_value("Idempotency-Key");
            if (!valid_idempotency_key(key))
                return send(res, api_error(400, protocol::error_code::missing_idempotency_key,
                                           "This request needs an 'Idempotency-Key' header (a UUID made when the "
                                           "person pressed Submit)."));
            auto parsed = protocol::parse_json(http.body);
            if (!parsed) return send(res, decode_refusal(parsed.error()));
            auto decoded = protocol::decode<Req>(parsed.value());
            if (!decoded) return send(res, decode_refusal(decoded.error()));
            // Same body means the same JSON value (key order and spacing do not matter).
            const std::string request_hash =
                sha256_hex(http.method + " " + http.path + "\n" + protocol::dump_json(parsed.value()));

            WriteTransaction tx(self->m_pool, db);
            Statement prior(db, "SELECT request_sha256, status, response FROM idempotency WHERE kiosk_id = ? AND key = ?");
            prior.bind(1, caller->kiosk_id).bind(2, key);
            if (prior.step()) {
                if (prior.text(0) != request_hash)
                    return send(res, api_error(409, protocol::error_code::idempotency_conflict,
                                               "This Idempotency-Key was already used with a different request."));
                res.status = static_cast<int>(prior.int64(1));
                res.set_header("Idempotent-Replayed", "true");
                res.set_content(prior.text(2), "application/json; charset=utf-8");
                return;
            }
            ApiContext ctx{db, self->m_config, *caller, protocol::now_utc()};
            ApiResponse r = fn(ctx, decoded.value(), http);
            Statement store(db, R"sql(
INSERT INTO idempotency (kiosk_id, key, request_sha256, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?))sql");
            store.bind(1, caller->kiosk_id).bind(2, key).bind(3, request_hash).bind(4, r.status);
            store.bind(5, protocol::dump_json(r.body)).bind(6, ctx.now);
            store.run();
            tx.commit();
            send(res, r);
        };
    }

    Pool& pool() { return m_pool; }

private:
    Pool& m_pool;
    const ServerConfig& m_config;
};

// ?since=N&limit=M, both optional non-negative integers.
std::optional<std::int64_t> query_int(const httplib::Request& http, const char* name, std::int64_t fallback,
                                      std::int64_t min, std::int64_t max) {
    if (!http.has_param(name)) return fallback;
    const std::string v = http.get_param_value(name);
    if (v.empty() || v.size() > 18) return std::nullopt;
    for (const char c : v)
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    const std::int64_t n = std::stoll(v);
    if (n < min || n > max) return std::nullopt;
    return n;
}

// ?collections=notices,surveys (optional): known names only.
bool parse_collections(const httplib::Request& http, std::vector<std::string>& out) {
    if (!http.has_param("collections")) return true;
    static const std::set<std::string> known = {"estate", "fee_kinds", "repair_categories", "notices",
                                                "surveys", "units", "bills", "tickets"};
    std::stringstream list(http.get_param_value("collections"));
    for (std::string name; std::getline(list, name, ',');) {
        if (!known.count(name)) return false;
        out.push_back(name);
    }
    return !out.empty();
}

// Adapters from service signatures to what the Router's handlers call.
template <class Req>
auto body_only(ApiResponse (*service)(ApiContext&, const Req&)) {
    return [service](ApiContext& ctx, const Req& body, const httplib::Request&) { return service(ctx, body); };
}

template <class Req>
auto with_path_id(ApiResponse (*service)(ApiContext&, const std::string&, const Req&)) {
    return [service](ApiContext& ctx, const Req& body, const httplib::Request& req) {
        return service(ctx, req.matches[1].str(), body);
    };
}

auto by_path_id(ApiResponse (*service)(ApiContext&, const std::string&)) {
    return [service](ApiContext& ctx, const httplib::Request& req) { return service(ctx, req.matches[1].str()); };
}

} // namespace

void install_api_routes(httplib::Server& http, Pool& pool, const ServerConfig& config) {
    // Every handler holds the router, so it lives exactly as long as `http`.
    auto r = std::make_shared<Router>(pool, config);
    namespace p = protocol;

    http.Get("/v1/health", [](const httplib::Request&, httplib::Response& res) {
        send(res, api_ok(200, p::Health{"ok", LOBBY_VERSION}));
    });

    http.Get("/v1/changes", r->get([r](ApiContext& ctx, const httplib::Request& req) {
        const auto since = query_int(req, "since", 0, 0, INT64_MAX / 2);
        const auto limit = query_int(req, "limit", p::changes_default_limit, 1, p::changes_max_limit);
        if (!since || !limit)
            return api_error(400, p::error_code::invalid_query,
                             "Query 'since' must be a whole number >= 0 and 'limit' between 1 and 1000.");
        FeedQuery query{*since, *limit, ctx.caller.kiosk_id, {}};
        if (!parse_collections(req, query.collections))
            return api_error(400, p::error_code::invalid_query,
                             "Query 'collections' must be a comma-separated list of: estate, fee_kinds, "
                             "repair_categories, notices, surveys, units, bills, tickets.");
        apply_due_refreshes(r->pool(), ctx.db, ctx.now);
        return api_ok(200, read_changes(ctx.db, query));
    }, Router::Snapshot::Own));

    http.Post("/v1/repairs", r->idempotent_post<p::RepairRequest>(body_only(create_repair)));
    http.Get(R"(/v1/repairs/([A-Za-z0-9-]{1,64}))", r->get(by_path_id(get_repair)));
    http.Post(R"(/v1/repairs/([A-Za-z0-9-]{1,64})/rating)", r->idempotent_post<p::RatingRequest>(with_path_id(rate_repair)));
    http.Post(R"(/v1/repairs/([A-Za-z0-9-]{1,64})/status)",
              r->idempotent_post<p::TicketStatusRequest>(with_path_id(advance_repair)));
    http.Post("/v1/visitors", r->idempotent_post<p::VisitorRequest>(body_only(register_visitor)));
    http.Post("/v1/visitor-codes", r->idempotent_post<p::VisitorCodeRequest>(body_only(create_visitor_code)));
    http.Post("/v1/visitor-codes/redeem", r->idempotent_post<p::RedeemRequest>(body_only(redeem_visitor_code)));
    http.Post("/v1/move-outs", r->idempotent_post<p::MoveOutRequest>(body_only(create_move_out)));
    http.Get(R"(/v1/move-outs/([A-Za-z0-9-]{1,64}))", r->get(by_path_id(get_move_out)));
    http.Post(R"(/v1/move-outs/([A-Za-z0-9-]{1,64})/decision)",
              r->idempotent_post<p::MoveOutDecision>(with_path_id(decide_move_out)));
    http.Post("/v1/survey-responses", r->idempotent_post<p::SurveyResponseRequest>(body_only(answer_survey)));
    http.Post("/v1/notices", r->idempotent_post<p::Notice>(body_only(publish_notice)));
    http.Post("/v1/fees/lookup", r->post<p::FeeLookupRequest>(body_only(lookup_fees), lookup_fees_read_only));
    http.Post("/v1/payment-orders", r->idempotent_post<p::PaymentOrderRequest>(body_only(create_payment_order)));
    http.Get(R"(/v1/payment-orders/([A-Za-z0-9-]{1,64}))", r->get(by_path_id(get_payment_order)));
    http.Post("/v1/heartbeat", r->post<p::Heartbeat>(body_only(record_heartbeat)));
    http.Get("/v1/kiosks", r->get([](ApiContext& ctx, const httplib::Request&) { return list_kiosks(ctx); }));
}

} // namespace lobby::server
