// Pieces of the demo seed, one file each; all run inside the seed's transaction.
#pragma once

#include "db.hpp"
#include "feed.hpp"
#include "protocol/time.hpp"

#include <cstdint>
#include <random>
#include <string>

namespace lobby::server::demo {

// Deterministic choices: the same seed gives the same estate on any run.
class Rng {
public:
    explicit Rng(std::uint32_t seed) : m_engine(seed) {}
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(m_engine() % n); }
    bool chance(std::uint32_t percent) { return below(100) < percent; }

private:
    std::mt19937 m_engine;
};

void seed_reference(FeedWriter& feed);                                        // estate, fee kinds, categories
void seed_units_and_bills(Database& db, FeedWriter& feed, Rng& rng, protocol::UtcSeconds now);
void seed_notices_and_surveys(FeedWriter& feed, protocol::UtcSeconds now);
void seed_tickets(Database& db, protocol::UtcSeconds now);
void seed_visitors(Database& db, protocol::UtcSeconds now);

} // namespace lobby::server::demo
