// Opening the store: pragmas, migrations, the shared version counter.
#include "store/store.hpp"

#include "store/migrations.hpp"
#include "store/store_shared.hpp"
#include "store/transaction.hpp"

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
    // A submission's body (a phone, a code) is deleted once the office has
    // it: overwrite it with zeros rather than leave it in a free page.
    if (auto zeroed = connection.exec("PRAGMA secure_delete = ON"); !zeroed)
        return zeroed.error();
    return connection.exec("PRAGMA foreign_keys = ON");
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
    if (options.phone_hash_key.empty())
        return StoreError{StoreErrc::bad_input, 0, "no phone-hash key given (see key_file.hpp)"};
    auto shared = std::make_shared<Shared>();
    shared->options = options;
    auto store = connect(options, shared);
    if (!store)
        return store.error();
    if (auto migrated = migrate(store->m_connection); !migrated)
        return migrated.error();
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
