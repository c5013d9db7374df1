// The /v1 adapters every feature's routes use: authentication, body
// decoding, idempotency and transactions are done here once, so the
// services only see decoded requests. install_api_routes() installs the core
// endpoints (health, the feed) and then each registered feature's routes.
#pragma once

#include "api.hpp"
#include "config.hpp"
#include "estates.hpp"
#include "pool.hpp"
#include "route_table.hpp"

#include "protocol/decode.hpp"

#include <httplib.h>

#include <memory>
#include <optional>
#include <string>
#include <type_traits>

namespace lobby::server {

void install_api_routes(RouteTable& http, Estates& estates, const ServerConfig& config);

// [SECTION] Pieces of the adapters (router.cpp)
void send(httplib::Response& res, const ApiResponse& r);
// 401 for a missing, unknown or revoked bearer token, and for a kiosk's
// previous token once its grace after a rotation (previous_token_until) passed.
std::optional<Caller> authenticate(Database& db, const httplib::Request& http, ApiResponse& refusal,
                                   protocol::UtcSeconds now = protocol::now_utc());
ApiResponse decode_refusal(const protocol::DecodeError& e);
ApiResponse missing_idempotency_key();
// Replays the stored response for (kiosk, key) into `res` and returns true,
// or returns false when the key is new; a key reused with another request is 409.
bool replay_idempotent(Database& db, const std::string& kiosk_id, const std::string& key,
                       const std::string& request_hash, httplib::Response& res);
void store_idempotent(Database& db, const std::string& kiosk_id, const std::string& key,
                      const std::string& request_hash, const ApiResponse& r, protocol::UtcSeconds now);
// A UUID is expected; any 8..128 printable ASCII characters are accepted.
bool valid_idempotency_key(const std::string& key);
std::string request_hash(const httplib::Request& http, const nlohmann::json& body);

// An authenticated caller and a connection to its estate's database, the
// only one its handler gets (estates.hpp).
struct CallerScope {
    Pool& pool;  // the caller's estate: its connections and its write lock
    std::optional<Pool::Lease> lease;  // always held; another one after Pool::lock_writes
    Caller caller;
};

class Router : public std::enable_shared_from_this<Router> {
public:
    Router(Estates& estates, const ServerConfig& config) : m_estates(estates), m_config(config) {}

    // The caller of a bearer token and its estate: a kiosk or staff token is
    // checked in the estate it names (estate_of_token); a company manager's
    // token acts in the estate of the 'Lobby-Estate' header. nullopt with
    // `refusal` set (401, or 400/404 for a company token's estate).
    std::optional<CallerScope> open(const httplib::Request& http, ApiResponse& refusal);

    // GET with a kiosk token; fn(ApiContext&, const httplib::Request&) reads
    // one consistent snapshot (a ticket and its timeline agree), unless it
    // manages its own transactions (the feed applies refreshes first).
    enum class Snapshot { Wrap, Own };
    template <class Fn>
    httplib::Server::Handler get(Fn fn, Snapshot snapshot = Snapshot::Wrap) {
        return [self = shared_from_this(), fn, snapshot](const httplib::Request& http, httplib::Response& res) {
            ApiResponse refusal;
            auto scope = self->open(http, refusal);
            if (!scope) return send(res, refusal);
            ApiContext ctx = self->context(*scope);
            if (snapshot == Snapshot::Own) return send(res, fn(ctx, http));
            Transaction read(ctx.db, TxMode::Deferred);
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
            ApiResponse refusal;
            auto scope = self->open(http, refusal);
            if (!scope) return send(res, refusal);
            auto decoded = protocol::decode_text<Req>(http.body);
            if (!decoded) return send(res, decode_refusal(decoded.error()));
            if constexpr (!std::is_same_v<ReadFirst, std::nullptr_t>) {
                ApiContext read_ctx = self->context(*scope);
                Transaction snapshot(read_ctx.db, TxMode::Deferred);
                std::optional<ApiResponse> quick = read_first(read_ctx, decoded.value());
                snapshot.commit();
                if (quick) return send(res, *quick);
            }
            WriteTransaction tx(scope->pool, scope->lease);  // maybe another connection than the snapshot's
            ApiContext ctx = self->context(*scope);
            ApiResponse r = fn(ctx, decoded.value(), http);
            tx.commit();
            send(res, r);
        };
    }

    // POST that creates something: the first response for (kiosk, key) is
    // stored in the same transaction as the record, so a retry replays it
    // and two concurrent duplicates serialize on the write lock. A response
    // with store = false is answered but not stored. (idempotent_post_after
    // with nothing to do outside the transaction.)
    template <class Req, class Fn>
    httplib::Server::Handler idempotent_post(Fn fn) {
        return idempotent_post_after<Req>(
            [](ApiContext&, const Req&) { return 0; },
            [fn](ApiContext& ctx, const Req& req, const httplib::Request& http, int) { return fn(ctx, req, http); });
    }

    // idempotent_post with a slow step (a call to another service, e.g. the
    // payment provider) kept off the write lock: after a read-only replay
    // check, outside(ctx, req) runs without any transaction held, and its
    // result is handed to fn(ctx, req, http, result) inside the write
    // transaction, where the replay check is repeated (a concurrent duplicate
    // may have won meanwhile) and fn must re-check what it relies on.
    template <class Req, class Outside, class Fn>
    httplib::Server::Handler idempotent_post_after(Outside outside, Fn fn) {
        return [self = shared_from_this(), outside, fn](const httplib::Request& http, httplib::Response& res) {
            ApiResponse refusal;
            auto scope = self->open(http, refusal);
            if (!scope) return send(res, refusal);
            Database& db = scope->lease->db();
            const Caller* caller = &scope->caller;
            const std::string key = http.get_header_value("Idempotency-Key");
            if (!valid_idempotency_key(key)) return send(res, missing_idempotency_key());
            auto parsed = protocol::parse_json(http.body);
            if (!parsed) return send(res, decode_refusal(parsed.error()));
            auto decoded = protocol::decode<Req>(parsed.value());
            if (!decoded) return send(res, decode_refusal(decoded.error()));
            const std::string hash = request_hash(http, parsed.value());
            {
                Transaction read(db, TxMode::Deferred);
                const bool replayed = replay_idempotent(db, caller->kiosk_id, key, hash, res);
                read.commit();
                if (replayed) return;
            }
            ApiContext outer = self->context(*scope);
            auto prepared = outside(outer, decoded.value());

            WriteTransaction tx(scope->pool, scope->lease);
            Database& write_db = scope->lease->db();  // db's connection, or another one
            if (replay_idempotent(write_db, caller->kiosk_id, key, hash, res)) return;
            ApiContext ctx = self->context(*scope);
            ApiResponse r = fn(ctx, decoded.value(), http, prepared);
            if (r.store) store_idempotent(write_db, caller->kiosk_id, key, hash, r, ctx.now);
            tx.commit();
            send(res, r);
        };
    }

    // DELETE (staff actions such as lifting a lock): no body; fn(ApiContext&,
    // const httplib::Request&) runs in one write transaction. Deleting is
    // idempotent by nature, so no Idempotency-Key is needed.
    template <class Fn>
    httplib::Server::Handler remove(Fn fn) {
        return [self = shared_from_this(), fn](const httplib::Request& http, httplib::Response& res) {
            ApiResponse refusal;
            auto scope = self->open(http, refusal);
            if (!scope) return send(res, refusal);
            WriteTransaction tx(scope->pool, scope->lease);
            ApiContext ctx = self->context(*scope);
            ApiResponse r = fn(ctx, http);
            tx.commit();
            send(res, r);
        };
    }

    Estates& estates() { return m_estates; }

private:
    ApiContext context(CallerScope& scope) {
        return ApiContext{scope.lease->db(), m_config, scope.caller, m_config.now(), &scope.pool};
    }

    Estates& m_estates;
    const ServerConfig& m_config;
};

// [SECTION] Adapters from service signatures to what the Router's handlers call
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

inline auto by_path_id(ApiResponse (*service)(ApiContext&, const std::string&)) {
    return [service](ApiContext& ctx, const httplib::Request& req) { return service(ctx, req.matches[1].str()); };
}

// Path segment of ids in routes: /v1/repairs/{id}.
inline constexpr const char* id_segment = "([A-Za-z0-9-]{1,64})";

} // namespace lobby::server
