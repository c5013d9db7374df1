// Opening the store: pragmas, migrations, the per-kiosk secret, the shared version counter.
#include "store/store.hpp"

#include "store/migrations.hpp"
#include "store/store_shared.hpp"
#include "store/transaction.hpp"
#include "protocol/uuid.hpp"

#include <sqlite3.h>

#include <utility>

namespace kiosk::store {
namespace {

Status set_pragmas(Connection& connection, Durability durability)
{
    // WAL: the UI reads while the worker writes, neither waits for the other.
    if (auto wal = connection.exec("PRAGMA journal_mode = WAL"); !wal)
        return wal.error();
    const char* sync = durability == Durability::full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL";
    if (auto synced = connection.exec(sync); !synced)
        return synced.error();
    // See Store::checkpoint for why the automatic one is off.
    if (auto manual = connection.exec("PRAGMA wal_autocheckpoint = 0"); !manual)
        return manual.error();
    return connection.exec("PRAGMA foreign_keys = ON");
}

// The phone-hash key is made once per kiosk and never leaves the file.
Result<std::string> load_or_create_hash_key(Connection& connection)
{
    auto tx = Transaction::begin(connection, nullptr);
    if (!tx)
        return tx.error();
    {
        Statement read(connection, "SELECT value FROM meta WHERE key = 'phone_hash_key'");
        const int rc = read.step();
        if (rc == SQLITE_ROW)
            return read.column_text(0);
        if (rc != SQLITE_DONE)
            return connection.last_error(rc);
    }
    std::string key = lobby::protocol::make_uuid_v4() + lobby::protocol::make_uuid_v4();
    Statement write(connection, "INSERT INTO meta(key, value) VALUES ('phone_hash_key', ?1)");
    if (auto written = write.bind(1, key).run(); !written)
        return written.error();
    if (auto committed = tx->commit(); !committed)
        return committed.error();
    return key;
}

} // namespace

Store::Store(Connection connection, std::shared_ptr<Shared> shared)
    : m_connection(std::move(connection)), m_shared(std::move(shared))
{
}

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Result<Store> Store::connect(const StoreOptions& options, std::shared_ptr<Shared> shared)
{
    auto connection = Connection::open(options.path, options.busy_timeout_ms);
    if (!connection)
        return connection.error();
    if (auto pragmas = set_pragmas(*connection, options.durability); !pragmas)
        return pragmas.error();
    return Store(std::move(*connection), std::move(shared));
}

Result<Store> Store::open(const StoreOptions& options)
{
    auto shared = std::make_shared<Shared>();
    shared->options = options;
    auto store = connect(options, shared);
    if (!store)
        return store.error();
    if (auto migrated = migrate(store->m_connection); !migrated)
        return migrated.error();
    auto key = load_or_create_hash_key(store->m_connection);
    if (!key)
        return key.error();
    shared->phone_hash_key = std::move(*key);
    // Nobody else has the file open yet in the usual start-up, so this folds
    // the whole WAL back. Best effort: on a full disk it fails, and the kiosk
    // must still start and show what it has.
    (void)store->m_connection.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return store;
}

Result<Store> Store::open_sibling(Durability durability) const
{
    StoreOptions options = m_shared->options;
    options.durability = durability;
    return connect(options, m_shared);
}

Status Store::checkpoint()
{
    const int rc = sqlite3_wal_checkpoint_v2(m_connection.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                             nullptr);
    // BUSY only means another checkpoint is running: the work gets done.
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        return m_connection.last_error(rc);
    return Done{};
}

std::uint64_t Store::version() const noexcept { return m_shared->version.load(std::memory_order_acquire); }

const std::string& Store::path() const noexcept { return m_shared->options.path; }

} // namespace kiosk::store
