// What the screenless kiosk children of the kill -9 tests share: the store
// they open (with the tests' phone-hash key) and a sync worker config with
// short timeouts and backoff, so a killed-and-restarted child resends fast.
#pragma once

#include "net/sync_worker.hpp"
#include "store/store.hpp"

#include <string>

namespace kiosk::test {

inline store::StoreOptions child_store_options(const char* path)
{
    store::StoreOptions options;
    options.path = path;
    options.phone_hash_key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    return options;
}

inline net::SyncConfig child_sync_config(const std::string& server_url)
{
    net::SyncConfig config;
    config.server_url = server_url;
    config.timeouts = {1000, 5000};
    config.outbox_backoff = {20, 200};
    return config;
}

} // namespace kiosk::test
