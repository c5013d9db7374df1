// Applies feed refreshes whose time has come.
#include "refresh.hpp"

#include "estate_store.hpp"
#include "feed.hpp"

namespace lobby::server {

void apply_due_refreshes(Pool& pool, Database& db, protocol::UtcSeconds now) {
    if (due_refreshes(db, now).empty()) return;
    WriteTransaction tx(pool, db);
    // Re-read under the lock: another request may have applied them already.
    for (const FeedKey& k : due_refreshes(db, now)) {
        if (k.collection == protocol::collection::bills) {
            if (auto bill = find_bill(db, k.key, now)) publish_bill(db, *bill);
            else publish_tombstone(db, k.collection, k.key);
        } else {
            publish_tombstone(db, k.collection, k.key);  // notices (and anything else) expire
        }
    }
    tx.commit();
}

} // namespace lobby::server
