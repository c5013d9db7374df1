// A property company's estates (issue 19). The --db database is the "home"
// estate (a one-estate office is only that, exactly as before) and holds the
// company directory: which other estates exist, company tokens, and which
// estate each enrolment code belongs to. Every other estate keeps ALL its
// data apart: on SQLite its own file (<db>-estates/<id>.db), on PostgreSQL
// its own schema in the same database, reached through the same connections
// with search_path set when a connection is leased (Pool, Database::bind_estate).
//
// Isolation is by construction: a request's estate is decided once, from its
// credential (a kiosk token of a non-home estate is "<estate>.<secret>";
// the secret is checked in that estate's own kiosks table), and the handler
// only ever gets that estate's Database. No query names an estate.
#pragma once

#include "config.hpp"
#include "pool.hpp"

#include "protocol/time.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace lobby::server {

inline constexpr const char* home_estate = "home";
// A company manager's bearer token starts with this prefix (never an estate id).
inline constexpr const char* company_token_prefix = "company.";

// 1-24 of a-z, 0-9 and '-', starting with a letter; "home" and "company" are taken.
bool valid_estate_id(const std::string& id);

// The estate a bearer token names: the part before its first '.', or "home"
// for a token without one (every token made before estates existed).
std::string estate_of_token(const std::string& token);

// A new bearer secret for a kiosk of the estate `db` serves, carrying that
// estate's id when it is not the home estate (so the router can find it).
std::string estate_kiosk_token(const Database& db, const std::string& secret);

struct EstateEntry {
    std::string id;
    std::string name;
};

// Whether `entries` (a list() read earlier) names estate `id`.
bool lists_estate(const std::vector<EstateEntry>& entries, const std::string& id);

class Estates {
public:
    // Opens the home database (not yet migrated: see migrate_all).
    Estates(const ServerConfig& config, std::shared_ptr<const FieldCipher> cipher);
    Estates(const Estates&) = delete;
    Estates& operator=(const Estates&) = delete;

    Pool& home() { return m_home; }
    // The pool of a known estate (home included); nullptr if there is none.
    Pool* find(const std::string& id);
    // Home first, then by id.
    std::vector<EstateEntry> list();
    // The same, read with a connection of the home estate the caller holds
    // already (a request never asks its pool for a second one, pool.hpp).
    static std::vector<EstateEntry> list(Database& home_db);
    // PostgreSQL: the home estate's schema, which holds the company directory
    // (a connection bound to another estate writes it by this name); "" on SQLite.
    const std::string& home_schema() const { return m_home_schema; }
    // Creates an estate with the full schema. False if `id` exists already;
    // throws std::invalid_argument for an invalid id.
    bool add(const std::string& id, const std::string& name, protocol::UtcSeconds now);
    // Brings the home database and every estate to the newest schema.
    void migrate_all();

    // Where an estate's data is: its SQLite file, or its PostgreSQL schema.
    std::string location(const std::string& id);

    // A company manager's token: the id it was made for, if valid and not revoked.
    std::optional<std::string> company_caller(const std::string& token);
    // Makes a company token (printed once; only its SHA-256 is kept).
    std::string create_company_token(const std::string& id, protocol::UtcSeconds now);

private:
    std::unique_ptr<Pool> open_pool(const std::string& id);
    std::string schema_of(const std::string& id);

    const ServerConfig& m_config;
    std::shared_ptr<const FieldCipher> m_cipher;
    Pool m_home;
    std::string m_home_schema;  // PostgreSQL: the home estate's schema (names the others)
    std::mutex m_mutex;         // guards m_pools
    std::map<std::string, std::unique_ptr<Pool>> m_pools;
};

} // namespace lobby::server
