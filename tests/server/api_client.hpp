// A small HTTP client for server tests: bearer token, Idempotency-Key, and
// decoding of bodies with the shared protocol types.
#pragma once

#include "protocol/protocol.hpp"
#include "support/office_server_process.hpp"

#include <doctest/doctest.h>
#include <httplib.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace lobby::test {

inline constexpr const char* lobby1_token = "demo-lobby-1-token";
inline constexpr const char* lobby2_token = "demo-lobby-2-token";
inline constexpr const char* revoked_token = "demo-revoked-token";
inline constexpr const char* staff_token = "demo-staff-token";

struct Reply {
    int status = 0;  // 0: no response at all
    std::string body;
    httplib::Headers headers;

    nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
    std::string error_code() const {
        auto e = protocol::decode_text<protocol::ErrorBody>(body);
        return e ? e.value().code : "<not an error body: " + body.substr(0, 200) + ">";
    }
    template <class T>
    T as() const {
        auto r = protocol::decode_text<T>(body);
        if (!r) FAIL("response does not decode: " << r.error().message << " body: " << body.substr(0, 400));
        return r.value();
    }
};

class Api {
public:
    Api(int port, std::string token) : m_client("127.0.0.1", port), m_token(std::move(token)) {
        m_client.set_read_timeout(20, 0);
        m_client.set_tcp_nodelay(true);
    }

    Reply get(const std::string& path) { return wrap(m_client.Get(path.c_str(), headers(""))); }
    Reply post(const std::string& path, const std::string& body, const std::string& idempotency_key = "") {
        return wrap(m_client.Post(path.c_str(), headers(idempotency_key), body, "application/json"));
    }
    Reply post(const std::string& path, const nlohmann::json& body, const std::string& idempotency_key = "") {
        return post(path, protocol::dump_json(body), idempotency_key);
    }
    Reply del(const std::string& path) { return wrap(m_client.Delete(path.c_str(), headers(""))); }
    // POST with a fresh key each call.
    Reply create(const std::string& path, const nlohmann::json& body) { return post(path, body, fresh_key()); }

    static std::string fresh_key() {
        static std::atomic<int> n{0};
        return "test-key-" + std::to_string(::getpid()) + "-" + std::to_string(++n);
    }

private:
    httplib::Headers headers(const std::string& key) const {
        httplib::Headers h;
        if (!m_token.empty()) h.emplace("Authorization", "Bearer " + m_token);
        if (!key.empty()) h.emplace("Idempotency-Key", key);
        return h;
    }
    static Reply wrap(const httplib::Result& r) {
        if (!r) return {};
        return Reply{r->status, r->body, r->headers};
    }

    httplib::Client m_client;
    std::string m_token;
};

// Pulls the feed from `since` to the end, checking the paging contract on
// the way; `last` receives the final cursor.
inline std::vector<protocol::Change> pull_feed(Api& api, std::int64_t since = 0, std::int64_t limit = 1000,
                                               std::int64_t* last = nullptr) {
    std::vector<protocol::Change> all;
    for (int guard = 0; guard < 10000; ++guard) {
        const Reply r = api.get("/v1/changes?since=" + std::to_string(since) + "&limit=" + std::to_string(limit));
        REQUIRE(r.status == 200);
        auto page = r.as<protocol::ChangesPage>();
        CHECK(static_cast<std::int64_t>(page.changes.size()) <= limit);
        // One check a page, not two a change: the demo feed has ~20,000.
        bool ascending = true;
        for (auto& c : page.changes) {
            ascending = ascending && c.seq > since;
            since = c.seq;
            all.push_back(std::move(c));
        }
        CHECK_MESSAGE(ascending, "the feed's seq must grow within and across pages");
        CHECK(page.next_since >= since);
        since = page.next_since;
        if (!page.has_more) break;
    }
    if (last) *last = since;
    return all;
}

// The verification token a fee lookup gives for `unit` with the right last
// four digits of its phone: what a kiosk sends to act for that household.
inline std::string verification_token_for(Api& api, const std::string& unit, const std::string& last4) {
    const Reply r = api.post("/v1/fees/lookup", {{"unit_id", unit}, {"phone_last4", last4}});
    REQUIRE(r.status == 200);
    return r.as<protocol::FeeLookupResult>().verification_token.value_or("");
}

// A one-time enrolment code staff make for `kiosk_id`.
inline std::string new_enrolment_code(Api& staff, const std::string& kiosk_id) {
    const Reply r = staff.post("/v1/kiosks/enrolment-codes", {{"kiosk_id", kiosk_id}});
    REQUIRE(r.status == 201);
    return r.as<protocol::EnrolmentCode>().code;
}

// One demo server shared by the tests of this executable that only need
// the demo data and do not depend on each other's writes.
inline OfficeServerProcess& shared_server() {
    static OfficeServerProcess server;
    return server;
}

} // namespace lobby::test

#include "support/test_database.hpp"

#include <sqlite3.h>  // some suites read the SQLite file directly

namespace lobby::test {

// Reads one integer from the server's database (SQLite: read-only, beside
// the live server, WAL lets us; or the PostgreSQL database standing for that
// path under ctest -L postgres). Returns -1 on any error.
inline long long db_int(const std::string& db_path, const std::string& sql) {
    return query_int(test_database(db_path), sql);
}

} // namespace lobby::test
