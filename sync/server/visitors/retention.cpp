// Keeping visitors' personal data only as long as needed.
#include "visitors/visitors.hpp"

namespace lobby::server::visitors {

void apply_visitor_retention(Database& db, const ServerConfig& config, protocol::UtcSeconds now) {
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
}

} // namespace lobby::server::visitors
