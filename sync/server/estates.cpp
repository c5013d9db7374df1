// The company directory and each estate's own database (see estates.hpp).
#include "estates.hpp"

#include "postgres.hpp"
#include "schema.hpp"
#include "sha256.hpp"

#include "protocol/public_links.hpp"
#include "protocol/random.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace lobby::server {

namespace {

// --db-pool (else --threads) and --db-pool-wait-seconds. On PostgreSQL the
// estates borrow the home pool's connections, so the bound is the office's.
PoolLimits pool_limits(const ServerConfig& config) {
    PoolLimits limits;
    limits.size = config.db_pool > 0 ? config.db_pool : config.threads;
    limits.wait = std::chrono::milliseconds(static_cast<long long>(config.db_pool_wait_seconds * 1000));
    return limits;
}

} // namespace

bool valid_estate_id(const std::string& id) {
    if (id.empty() || id.size() > 24 || id == home_estate || id == "company") return false;
    if (id[0] < 'a' || id[0] > 'z') return false;
    for (const char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

std::string estate_of_token(const std::string& token) {
    // The kiosk reads its own estate the same way (protocol/public_links.hpp).
    const std::string estate = protocol::estate_of_kiosk_token(token);
    return estate.empty() ? std::string(home_estate) : estate;
}

std::string estate_kiosk_token(const Database& db, const std::string& secret) {
    return db.estate() == home_estate ? secret : db.estate() + "." + secret;
}

Estates::Estates(const ServerConfig& config, std::shared_ptr<const FieldCipher> cipher)
    : m_config(config), m_cipher(cipher), m_home(config.db_path, cipher, pool_limits(config), home_estate) {
    auto lease = m_home.acquire();
    if (lease.db().is_postgres()) {
        Statement schema(lease.db(), "SELECT current_schema()");
        if (!schema.step() || schema.is_null(0))
            throw DbError("the PostgreSQL --db has no schema to create tables in (check its search_path)", 1);
        m_home_schema = schema.text(0);
    }
}

// PostgreSQL: "estate_<id>" beside a home estate in "public", else
// "<home schema>_estate_<id>" (several offices in one database, as the tests
// run); '-' becomes '_' (ids have no '_', so names stay distinct).
std::string Estates::schema_of(const std::string& id) {
    std::string name = (m_home_schema == "public" ? std::string() : m_home_schema + "_") + "estate_" + id;
    for (char& c : name)
        if (c == '-') c = '_';
    return name;
}

std::unique_ptr<Pool> Estates::open_pool(const std::string& id) {
    if (is_postgres_url(m_config.db_path)) return std::make_unique<Pool>(m_home, id, schema_of(id));
    const std::string file = location(id);  // <db>-estates/<id>.db: the folder is made here
    const std::filesystem::path dir = std::filesystem::path(file).parent_path();
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw DbError("cannot create " + dir.string() + ": " + ec.message(), 14);
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
    return std::make_unique<Pool>(file, m_cipher, pool_limits(m_config), id);
}

std::string Estates::location(const std::string& id) {
    if (is_postgres_url(m_config.db_path)) return id == home_estate ? m_home_schema : schema_of(id);
    return id == home_estate ? m_config.db_path : m_config.db_path + "-estates/" + id + ".db";
}

Pool* Estates::find(const std::string& id) {
    if (id == home_estate) return &m_home;
    if (!valid_estate_id(id)) return nullptr;
    std::lock_guard<std::mutex> lock(m_mutex);
    if (auto found = m_pools.find(id); found != m_pools.end()) return found->second.get();
    {
        auto lease = m_home.acquire();
        Statement known(lease.db(), "SELECT 1 FROM estates WHERE id = ?");
        known.bind(1, id);
        if (!known.step()) return nullptr;
    }
    return m_pools.emplace(id, open_pool(id)).first->second.get();
}

bool lists_estate(const std::vector<EstateEntry>& entries, const std::string& id) {
    return std::any_of(entries.begin(), entries.end(), [&id](const EstateEntry& e) { return e.id == id; });
}

std::vector<EstateEntry> Estates::list() {
    auto lease = m_home.acquire();
    return list(lease.db());
}

std::vector<EstateEntry> Estates::list(Database& home_db) {
    if (home_db.estate() != home_estate) throw std::logic_error("the estates are listed from the home estate's database");
    std::vector<EstateEntry> out{{home_estate, ""}};
    Statement st(home_db, "SELECT id, name FROM estates ORDER BY id");
    while (st.step()) out.push_back({st.text(0), st.text(1)});
    return out;
}

bool Estates::add(const std::string& id, const std::string& name, protocol::UtcSeconds now) {
    if (!valid_estate_id(id)) throw std::invalid_argument("estate ids are 1-24 of a-z, 0-9 and '-', starting with a letter");
    // The tables first, the directory row last: every server sees the row at
    // once, so it never points at an estate without its tables, even if this
    // process dies in between. A crash leaves at most tables nobody lists,
    // which an add of the same id completes (both steps are idempotent).
    {
        const std::unique_ptr<Pool> pool = open_pool(id);
        auto lease = pool->acquire();
        if (lease.db().is_postgres()) lease.db().exec(("CREATE SCHEMA IF NOT EXISTS \"" + schema_of(id) + "\"").c_str());
        migrate(lease.db());
    }
    auto lease = m_home.acquire();
    WriteTransaction tx(m_home, lease.db());
    Statement add(lease.db(), "INSERT INTO estates (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
    add.bind(1, id).bind(2, name).bind(3, now);
    add.run();
    if (lease.db().changes() == 0) return false;
    tx.commit();
    return true;
}

void Estates::migrate_all() {
    {
        auto lease = m_home.acquire();
        migrate(lease.db());
    }
    for (const EstateEntry& e : list()) {
        if (e.id == home_estate) continue;
        Pool* pool = find(e.id);
        auto lease = pool->acquire();
        if (lease.db().is_postgres()) lease.db().exec(("CREATE SCHEMA IF NOT EXISTS \"" + schema_of(e.id) + "\"").c_str());
        migrate(lease.db());
    }
}

std::optional<std::string> Estates::company_caller(const std::string& token) {
    auto lease = m_home.acquire();
    Statement st(lease.db(), "SELECT id FROM company_tokens WHERE token_sha256 = ? AND revoked = 0");
    st.bind(1, sha256_hex(token));
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

std::string Estates::create_company_token(const std::string& id, protocol::UtcSeconds now) {
    const std::string token = company_token_prefix + protocol::random_hex(24);
    auto lease = m_home.acquire();
    WriteTransaction tx(m_home, lease.db());
    Statement put(lease.db(), R"sql(
INSERT INTO company_tokens (id, token_sha256, revoked, created_at) VALUES (?1, ?2, 0, ?3)
ON CONFLICT (id) DO UPDATE SET token_sha256 = ?2, revoked = 0, created_at = ?3)sql");
    put.bind(1, id).bind(2, sha256_hex(token)).bind(3, now);
    put.run();
    tx.commit();
    return token;
}

} // namespace lobby::server
