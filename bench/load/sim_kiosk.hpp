// One simulated lobby kiosk: its own token and key, talking HTTP to one
// office server as the kiosk's sync worker and live client do — feed pages
// of 250 records, fee lookups for the units it knows with the digits a
// resident would type, repairs posted with an Idempotency-Key (sent again
// with the same key now and then, as the outbox does after a lost answer).
// Each request opens its own connection: a real kiosk's requests are a
// minute apart, past the server's keep-alive.
#pragma once

#include "enrol.hpp"

#include <httplib.h>

#include <cstdint>
#include <string>
#include <vector>

namespace lobby::bench {

// What a request came to: ok, or why not (status and the body's start), and
// how long its one measured request took (a resend is not in it).
struct Outcome {
    bool ok = false;
    std::string error;
    double ms = 0;
};

struct PostedRepair {
    std::string ticket_id;
    std::string description;  // unique per record: the smoke test finds it by this
};

class SimKiosk {
public:
    SimKiosk(KioskCredentials credentials, int port);

    // Pulls pages from the start of the feed until it knows `wanted` units
    // and their residents' last four digits (from the verifiers its key
    // opens, trying the 10,000 possibilities). False if the feed ends first.
    bool learn_units(std::size_t wanted);

    Outcome pull_page();     // the next page from its cursor; back to 0 after the last
    Outcome look_up_fees();  // the next known unit, right digits, a new person's session
    Outcome post_repair();   // a new repair; every 5th is sent twice with its key

    const KioskCredentials& credentials() const { return m_credentials; }
    const std::vector<PostedRepair>& posted() const { return m_posted; }

private:
    struct KnownUnit {
        std::string id;
        std::string last4;
    };
    Outcome fetch_page(bool learn);
    void learn_from(const std::string& unit_id, const std::vector<std::string>& verifiers);
    httplib::Headers auth(const std::string& idempotency_key = "") const;

    KioskCredentials m_credentials;
    httplib::Client m_http;
    std::int64_t m_cursor = 0;
    std::vector<KnownUnit> m_units;
    std::size_t m_wanted = 0;  // units learn_units looks for
    std::size_t m_next_unit = 0;
    int m_repairs = 0;
    std::vector<PostedRepair> m_posted;
};

} // namespace lobby::bench
