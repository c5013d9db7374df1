// Retention of stored responses (core) and of each feature's personal data.
#include "retention.hpp"

#include "feature.hpp"

namespace lobby::server {

void apply_retention(Database& db, const ServerConfig& config, protocol::UtcSeconds now) {
    Transaction tx(db);
    // A kiosk retries an outbox item for hours or days, not months.
    Statement responses(db, "DELETE FROM idempotency WHERE created_at < ?");
    responses.bind(1, now - config.idempotency_retention_seconds);
    responses.run();
    for (const Feature& f : server_features().features())
        if (f.retention) f.retention(db, config, now);
    tx.commit();
}

} // namespace lobby::server
