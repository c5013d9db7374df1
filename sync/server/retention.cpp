// Retention of stored responses and visitors' personal data.
#include "retention.hpp"

namespace lobby::server {

void apply_retention(Database& db, const ServerConfig& config, protocol::UtcSeconds now) {
    Transaction tx(db);
    // A kiosk retries an outbox item for hours or days, not months.
    Statement responses(db, "DELETE FROM idempotency WHERE created_at < ?");
    responses.bind(1, now - config.idempotency_retention_seconds);
    responses.run();
    // Masked forms were already handed out; the clear text is no longer needed.
    const protocol::UtcSeconds cutoff = now - config.personal_data_retention_seconds;
    Statement visitors(db, "UPDATE visitor_codes SET name = '*', phone = NULL, car_plate = CASE WHEN car_plate IS NULL "
                           "THEN NULL ELSE '*' END WHERE valid_until < ? AND name <> '*'");
    visitors.bind(1, cutoff);
    visitors.run();
    Statement move_outs(db, "UPDATE move_outs SET requester_name = '*', requester_phone = '*', car_plate = NULL "
                            "WHERE created_at < ? AND status <> 'awaiting_owner_confirmation' AND requester_name <> '*'");
    move_outs.bind(1, cutoff);
    move_outs.run();
    tx.commit();
}

} // namespace lobby::server
