// Bills as contract records: loading them (status and lateness computed for
// `now`) and re-publishing them to the feed after a change.
#pragma once

#include "db.hpp"
#include "feed.hpp"
#include "protocol/fees.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lobby::server::fees {

// The moment a bill counts as late: the end of its due day in China.
protocol::UtcSeconds late_from(const std::string& due_date);

std::optional<protocol::Bill> find_bill(Database& db, const std::string& bill_id, protocol::UtcSeconds now);
std::vector<protocol::Bill> unit_bills(Database& db, const std::string& unit_id, protocol::UtcSeconds now);
// Fills status (unpaid, partial, paid) and late from the amounts and the due date.
void settle(protocol::Bill& bill, protocol::UtcSeconds now);
// An open bill that is not late yet is re-published when it turns late.
void publish_bill(FeedWriter& feed, const protocol::Bill& bill);
void publish_bill(Database& db, const protocol::Bill& bill);  // one-off form of the above

} // namespace lobby::server::fees
