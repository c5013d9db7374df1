// Time-driven feed changes: expired notices become tombstones and bills are
// re-published when they turn late. Evaluated when a kiosk pulls.
#pragma once

#include "pool.hpp"
#include "protocol/time.hpp"

namespace lobby::server {

// Cheap when nothing is due (one indexed read); otherwise one write transaction.
void apply_due_refreshes(Pool& pool, Database& db, protocol::UtcSeconds now);

} // namespace lobby::server
