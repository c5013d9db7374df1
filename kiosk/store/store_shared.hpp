// State shared by every connection a Store opened to the same file (internal to kiosk_store).
#pragma once

#include "store/store.hpp"

#include <atomic>
#include <string>

namespace kiosk::store {

struct Store::Shared {
    StoreOptions options;
    std::atomic<std::uint64_t> version{1};   // starts at 1 so a UI holding 0 builds once
    std::string phone_hash_key;              // per-kiosk secret for keyed_last4_hash
};

} // namespace kiosk::store
