#include "sim_kiosk.hpp"

#include "protocol/follow_code.hpp"
#include "protocol/protocol.hpp"
#include "protocol/uuid.hpp"
#include "protocol/verifier.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace lobby::bench {
namespace {

constexpr int page_limit = 250;  // the kiosk's own (kiosk/net/sync_config.hpp)

// Runs one request and notes its time in `ms`.
template <class Request>
httplib::Result timed(double& ms, Request&& request) {
    const auto start = std::chrono::steady_clock::now();
    httplib::Result r = request();
    ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return r;
}

Outcome failed(const httplib::Result& r, int expected, double ms) {
    if (!r) return {false, "no answer: " + httplib::to_string(r.error()), ms};
    return {false, "expected " + std::to_string(expected) + ", got " + std::to_string(r->status) + ": " +
                       r->body.substr(0, 200), ms};
}

std::string ticket_id_of(const std::string& body) {
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_object() || !json.contains("id") || !json["id"].is_string()) return "";
    return json["id"].get<std::string>();
}

} // namespace

SimKiosk::SimKiosk(KioskCredentials credentials, int port)
    : m_credentials(std::move(credentials)), m_http("127.0.0.1", port)
{
    m_http.set_tcp_nodelay(true);  // as libcurl does
    m_http.set_connection_timeout(10, 0);
    m_http.set_read_timeout(60, 0);
}

httplib::Headers SimKiosk::auth(const std::string& idempotency_key) const {
    httplib::Headers h{{"Authorization", "Bearer " + m_credentials.token}};
    if (!idempotency_key.empty()) h.emplace("Idempotency-Key", idempotency_key);
    return h;
}

bool SimKiosk::learn_units(std::size_t wanted) {
    m_wanted = wanted;
    m_cursor = 0;
    while (m_units.size() < wanted) {
        const std::int64_t before = m_cursor;
        const Outcome page = fetch_page(true);
        if (!page.ok) {
            std::fprintf(stderr, "%s: feed: %s\n", m_credentials.kiosk_id.c_str(), page.error.c_str());
            return false;
        }
        if (m_cursor <= before) break;  // wrapped: the whole feed read
    }
    m_cursor = 0;
    return m_units.size() >= wanted;
}

Outcome SimKiosk::pull_page() { return fetch_page(false); }

Outcome SimKiosk::fetch_page(bool learn) {
    const std::string path = "/v1/changes?since=" + std::to_string(m_cursor) + "&limit=" + std::to_string(page_limit);
    double ms = 0;
    const auto r = timed(ms, [&] { return m_http.Get(path.c_str(), auth()); });
    if (!r || r->status != 200) return failed(r, 200, ms);
    auto page = protocol::decode_text<protocol::ChangesPage>(r->body);
    if (!page) return {false, "feed page does not decode: " + page.error().message, ms};
    if (learn)
        for (const auto& change : page.value().changes)
            if (change.collection == protocol::collection::units && !change.deleted && m_units.size() < m_wanted)
                learn_from(change.key, change.data.value("resident_last4_hmacs", std::vector<std::string>{}));
    m_cursor = page.value().has_more ? page.value().next_since : 0;
    return {true, "", ms};
}

// The kiosk keys its verifiers; the one four digits whose verifier is in the
// list are what a resident of the unit would type.
void SimKiosk::learn_from(const std::string& unit_id, const std::vector<std::string>& verifiers) {
    if (verifiers.empty()) return;
    char digits[5];
    for (int n = 0; n < 10000; ++n) {
        std::snprintf(digits, sizeof digits, "%04d", n);
        const std::string v = protocol::last4_verifier(m_credentials.verify_key, unit_id, digits);
        if (std::find(verifiers.begin(), verifiers.end(), v) != verifiers.end()) {
            m_units.push_back({unit_id, digits});
            return;
        }
    }
}

Outcome SimKiosk::look_up_fees() {
    if (m_units.empty()) return {false, "no unit known"};
    const KnownUnit& unit = m_units[m_next_unit++ % m_units.size()];
    const nlohmann::json body{{"unit_id", unit.id}, {"phone_last4", unit.last4}, {"session_id", protocol::make_uuid_v4()}};
    double ms = 0;
    const auto r = timed(ms, [&] { return m_http.Post("/v1/fees/lookup", auth(), protocol::dump_json(body), "application/json"); });
    if (!r || r->status != 200) return failed(r, 200, ms);
    return {true, "", ms};
}

Outcome SimKiosk::post_repair() {
    if (m_units.empty()) return {false, "no unit known"};
    const KnownUnit& unit = m_units[m_next_unit++ % m_units.size()];
    const std::string description =
        "厨房水龙头漏水 bench " + m_credentials.kiosk_id + " #" + std::to_string(++m_repairs);
    const nlohmann::json body{{"unit_id", unit.id},
                              {"category", "plumbing"},
                              {"description", description},
                              {"location", "own_unit"},
                              {"location_detail", "厨房"},
                              {"client_ref", protocol::make_uuid_v4()},
                              {"follow_code", protocol::make_follow_code()}};
    const std::string text = protocol::dump_json(body);
    const std::string key = protocol::make_uuid_v4();
    double ms = 0;
    const auto r = timed(ms, [&] { return m_http.Post("/v1/repairs", auth(key), text, "application/json"); });
    if (!r || r->status != 201) return failed(r, 201, ms);
    const std::string ticket = ticket_id_of(r->body);
    if (ticket.empty()) return {false, "created, but no ticket id in " + r->body.substr(0, 200), ms};
    m_posted.push_back({ticket, description});
    if (m_repairs % 5 == 0) {
        // The answer "was lost": the outbox sends the same record again.
        const auto again = m_http.Post("/v1/repairs", auth(key), text, "application/json");
        if (!again || again->status / 100 != 2) return failed(again, 201, ms);
        if (ticket_id_of(again->body) != ticket)
            return {false, "the same Idempotency-Key made another ticket: " + again->body.substr(0, 200), ms};
    }
    return {true, "", ms};
}

} // namespace lobby::bench
