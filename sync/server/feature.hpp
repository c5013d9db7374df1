// What a server feature (sync/server/<feature>/) contributes, and the
// registry that collects them: its schema steps, demo seed parts, routes,
// feed refresh handlers and retention. Each feature has one
// `register_<feature>(FeatureRegistry&)`; features.cpp calls them all, the
// way ImHex's content registry collects its views.
#pragma once

#include "config.hpp"
#include "db.hpp"
#include "feed.hpp"
#include "pool.hpp"
#include "route_table.hpp"
#include "protocol/time.hpp"

#include <httplib.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace lobby::server {

class Router;
class Estates;

// One schema migration: moves PRAGMA user_version from version-1 to version.
// Version numbers are global and append-only across all features (an
// existing database must stay readable): a new step takes the next free
// number, and migrate() refuses gaps and duplicates.
struct SchemaStep {
    int version = 0;
    const char* sql = nullptr;
};

// [SECTION] Demo seed

// Deterministic choices: the same seed gives the same estate on any run.
class DemoRng {
public:
    explicit DemoRng(std::uint32_t seed) : m_engine(seed) {}
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(m_engine() % n); }
    bool chance(std::uint32_t percent) { return below(100) < percent; }

private:
    std::mt19937 m_engine;
};

// Everything a seed part may use; all parts run inside the seed's one transaction.
struct DemoSeed {
    Database& db;
    FeedWriter& feed;
    DemoRng& rng;
    protocol::UtcSeconds now = 0;
    int units = 0;  // 0: the demo plan's ~650 units; else exactly this many (more buildings)
    int bill_months = 12;  // months of bills each unit gets (load-test estates: fewer)
};

// A unit the estate seed just created (with its residents, already published).
struct DemoUnit {
    std::string id;
    double area_m2 = 0;
};

// [SECTION] Routes

// What a feature's routes get: the route table (the HTTP server), the /v1
// adapters (authentication, decoding, idempotency, transactions, the
// caller's estate; see router.hpp), the home estate's pool, the estates
// (a page outside /v1 serves every estate: install_public_page in
// public_page.hpp), and the config.
struct RouteContext {
    RouteTable& http;
    std::shared_ptr<Router> api;
    Pool& pool;  // the home estate's only: not for public pages
    Estates& estates;
    const ServerConfig& config;
};

// [SECTION] The feature record

struct Feature {
    std::string name;                   // "fees": the folder name
    std::vector<SchemaStep> schema;     // steps this feature added after the base step
    // Demo seed, in three phases so the demo estate is the same whatever the
    // number of features: reference data (before units), one call per unit
    // (bills of the unit), activity (after all units).
    std::function<void(DemoSeed&)> seed_reference;
    std::function<void(DemoSeed&, const DemoUnit&)> seed_unit;
    std::function<void(DemoSeed&)> seed_activity;
    std::function<void(RouteContext&)> routes;
    // Feed rows of `refresh_collection` whose refresh_at passed are handed to
    // `refresh` (inside a write transaction); collections without a handler
    // become tombstones (an expired notice).
    std::string refresh_collection;
    std::function<void(Database&, const std::string& key, protocol::UtcSeconds now)> refresh;
    // Runs at start inside the retention transaction: drop personal data past its time.
    std::function<void(Database&, const ServerConfig&, protocol::UtcSeconds now)> retention;
};

class FeatureRegistry {
public:
    void add(Feature feature) { m_features.push_back(std::move(feature)); }
    const std::vector<Feature>& features() const { return m_features; }

private:
    std::vector<Feature> m_features;
};

// Every feature, registered once in features.cpp's order (that order is the
// demo seed's and the route table's).
const FeatureRegistry& server_features();

} // namespace lobby::server
