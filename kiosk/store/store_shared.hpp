// State shared by every connection a Store opened to the same file (internal to kiosk_store).
#pragma once

#include "store/store.hpp"
#include "store/transaction.hpp"

#include <atomic>
#include <mutex>
#include <string>

namespace kiosk::store {

struct Store::Shared {
    StoreOptions options;
    std::atomic<std::uint64_t> version{1};   // starts at 1 so a UI holding 0 builds once
    std::string phone_hash_key;              // per-kiosk secret for keyed_last4_hash
    std::mutex write_gate;                   // writers of this process queue here (see Transaction::begin)
};

// Every write of the store: immediate, gated, bumping the version.
inline Result<Transaction> begin_write(Connection& connection, Store::Shared& shared)
{
    return Transaction::begin(connection, &shared.version, TxMode::immediate, &shared.write_gate);
}

} // namespace kiosk::store
