// The core /v1 endpoints (health, the feed), the adapters' pieces, and the
// installation of every feature's routes.
#include "router.hpp"

#include "visitors/visitors.hpp"

#include "estate.hpp"
#include "feature.hpp"
#include "feed.hpp"
#include "refresh.hpp"
#include "sha256.hpp"

#include "protocol/changes.hpp"
#include "protocol/kiosk.hpp"

#include <cctype>
#include <set>
#include <sstream>

namespace lobby::server {

using protocol::error_code::unauthorized;

void send(httplib::Response& res, const ApiResponse& r) {
    res.status = r.status;
    res.set_content(protocol::dump_json(r.body), "application/json; charset=utf-8");
}

std::optional<Caller> authenticate(Database& db, const httplib::Request& http, ApiResponse& refusal,
                                   protocol::UtcSeconds now) {
    const std::string header = http.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0) {
        refusal = api_error(401, unauthorized, "This request needs an 'Authorization: Bearer <kiosk token>' header.");
        return std::nullopt;
    }
    // The current token, or the one it replaced while its grace lasts (a
    // rotation must not strand requests already on their way).
    Statement st(db, "SELECT id, role, revoked FROM kiosks WHERE token_sha256 = ?1 "
                     "OR (previous_token_sha256 = ?1 AND previous_token_until > ?2)");
    st.bind(1, sha256_hex(header.substr(prefix.size()))).bind(2, now);
    if (!st.step()) {
        refusal = api_error(401, unauthorized, "The kiosk token is not known to this office server.");
        return std::nullopt;
    }
    if (st.int64(2) != 0) {
        refusal = api_error(401, unauthorized, "The kiosk token has been revoked; ask the office for a new one.");
        return std::nullopt;
    }
    return Caller{st.text(0), st.text(1), sha256_hex(header.substr(prefix.size()))};
}

std::optional<CallerScope> Router::open(const httplib::Request& http, ApiResponse& refusal) {
    const std::string header = http.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    const std::string token = header.rfind(prefix, 0) == 0 ? header.substr(prefix.size()) : std::string();
    if (token.rfind(company_token_prefix, 0) == 0) {
        const auto company = m_estates.company_caller(token);
        if (!company) {
            refusal = api_error(401, unauthorized, "The company token is not known to this office server.");
            return std::nullopt;
        }
        const std::string estate = http.get_header_value("Lobby-Estate");
        if (estate.empty()) {
            refusal = api_error(400, protocol::error_code::bad_request,
                                "A company token acts in one estate at a time: name it in the 'Lobby-Estate' "
                                "header (GET /v1/estates lists them).");
            return std::nullopt;
        }
        Pool* pool = m_estates.find(estate);
        if (!pool) {
            refusal = api_error(404, protocol::error_code::not_found, "There is no estate '" + estate.substr(0, 24) + "'.");
            return std::nullopt;
        }
        return CallerScope{*pool, pool->acquire(), Caller{"company:" + *company, "staff", sha256_hex(token)}};
    }
    // A kiosk's or staff token is looked up only in the estate it names; a
    // token naming an estate that does not exist is simply unknown.
    Pool* pool = token.empty() ? &m_estates.home() : m_estates.find(estate_of_token(token));
    if (!pool) {
        refusal = api_error(401, unauthorized, "The kiosk token is not known to this office server.");
        return std::nullopt;
    }
    auto lease = pool->acquire();
    auto caller = authenticate(lease.db(), http, refusal, m_config.now());
    if (!caller) return std::nullopt;
    return CallerScope{*pool, std::move(lease), std::move(*caller)};
}

ApiResponse decode_refusal(const protocol::DecodeError& e) {
    if (e.kind == protocol::DecodeError::Kind::Syntax) return api_error(400, protocol::error_code::bad_json, e.message);
    return api_error(422, protocol::error_code::invalid_field, e.message);
}

ApiResponse missing_idempotency_key() {
    return api_error(400, protocol::error_code::missing_idempotency_key,
                     "This request needs an 'Idempotency-Key' header (a UUID made when the person pressed Submit).");
}

bool valid_idempotency_key(const std::string& key) {
    if (key.size() < 8 || key.size() > 128) return false;
    for (const char c : key)
        if (c <= 0x20 || c >= 0x7F) return false;
    return true;
}

std::string request_hash(const httplib::Request& http, const nlohmann::json& body) {
    // Same body means the same JSON value (key order and spacing do not matter).
    return sha256_hex(http.method + " " + http.path + "\n" + protocol::dump_json(body));
}

bool replay_idempotent(Database& db, const std::string& kiosk_id, const std::string& key,
                       const std::string& request_hash, httplib::Response& res) {
    Statement prior(db, "SELECT request_sha256, status, response FROM idempotency WHERE kiosk_id = ? AND key = ?");
    prior.bind(1, kiosk_id).bind(2, key);
    if (!prior.step()) return false;
    if (prior.text(0) != request_hash) {
        send(res, api_error(409, protocol::error_code::idempotency_conflict,
                            "This Idempotency-Key was already used with a different request."));
        return true;
    }
    res.status = static_cast<int>(prior.int64(1));
    res.set_header("Idempotent-Replayed", "true");
    res.set_content(prior.text(2), "application/json; charset=utf-8");
    return true;
}

void store_idempotent(Database& db, const std::string& kiosk_id, const std::string& key,
                      const std::string& request_hash, const ApiResponse& r, protocol::UtcSeconds now) {
    Statement store(db, R"sql(
INSERT INTO idempotency (kiosk_id, key, request_sha256, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?))sql");
    store.bind(1, kiosk_id).bind(2, key).bind(3, request_hash).bind(4, r.status);
    store.bind(5, protocol::dump_json(r.body)).bind(6, now);
    store.run();
}

namespace {

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
    static const std::set<std::string> known = {"estate", "fee_kinds", "repair_categories", "repair_locations", "notices",
                                                "surveys", "units", "bills", "tickets", "visitor_codes",
                                                "kiosk_settings"};
    std::stringstream list(http.get_param_value("collections"));
    for (std::string name; std::getline(list, name, ',');) {
        if (!known.count(name)) return false;
        out.push_back(name);
    }
    return !out.empty();
}

} // namespace

void install_api_routes(RouteTable& http, Estates& estates, const ServerConfig& config) {
    // Every handler holds the router, so it lives exactly as long as `http`.
    auto r = std::make_shared<Router>(estates, config);
    namespace p = protocol;

    http.Get("/v1/health", [](const httplib::Request&, httplib::Response& res) {
        send(res, api_ok(200, p::Health{"ok", LOBBY_VERSION}));
    });

    http.Get("/v1/changes", r->get([](ApiContext& ctx, const httplib::Request& req) {
        const auto since = query_int(req, "since", 0, 0, INT64_MAX / 2);
        const auto limit = query_int(req, "limit", p::changes_default_limit, 1, p::changes_max_limit);
        if (!since || !limit)
            return api_error(400, p::error_code::invalid_query,
                             "Query 'since' must be a whole number >= 0 and 'limit' between 1 and 1000.");
        FeedQuery query{*since, *limit, ctx.caller.kiosk_id, {}};
        if (!parse_collections(req, query.collections))
            return api_error(400, p::error_code::invalid_query,
                             "Query 'collections' must be a comma-separated list of: estate, fee_kinds, "
                             "repair_categories, repair_locations, notices, surveys, units, bills, tickets, visitor_codes, "
                             "kiosk_settings.");
        apply_due_refreshes(*ctx.pool, ctx.db, ctx.now);
        protocol::ChangesPage page = read_changes(ctx.db, query);
        add_unit_verifiers(ctx.db, ctx.caller.kiosk_id, page);
        visitors::add_code_verifiers(ctx.db, ctx.caller.kiosk_id, page);
        return api_ok(200, page);
    }, Router::Snapshot::Own));

    RouteContext routes{http, r, estates.home(), estates, config};
    for (const Feature& feature : server_features().features())
        if (feature.routes) feature.routes(routes);
}

} // namespace lobby::server
