// Applies feed refreshes whose time has come: the feature that owns the
// collection decides (fees re-publishes a bill that turned late); rows of
// other collections become tombstones (an expired notice).
#include "refresh.hpp"

#include "feature.hpp"
#include "feed.hpp"

namespace lobby::server {

void apply_due_refreshes(Pool& pool, Database& db, protocol::UtcSeconds now) {
    if (due_refreshes(db, now).empty()) return;
    WriteTransaction tx(pool, db);
    // Re-read under the lock: another request may have applied them already.
    for (const FeedKey& k : due_refreshes(db, now)) {
        const Feature* owner = nullptr;
        for (const Feature& f : server_features().features())
            if (f.refresh && f.refresh_collection == k.collection) owner = &f;
        if (owner) owner->refresh(db, k.key, now);
        else publish_tombstone(db, k.collection, k.key);
    }
    tx.commit();
}

} // namespace lobby::server
