// Bills as contract records.
#include "fees/bills.hpp"

#include "feed.hpp"

#include "protocol/changes.hpp"

namespace lobby::server::fees {
namespace {

protocol::Bill bill_from_row(Statement& st, protocol::UtcSeconds now) {
    protocol::Bill b;
    b.id = st.text(0);
    b.unit_id = st.text(1);
    b.fee_kind = st.text(2);
    b.period = st.text(3);
    b.amount_fen = st.int64(4);
    b.paid_fen = st.int64(5);
    b.due_date = st.text(6);
    settle(b, now);
    return b;
}

constexpr const char* bill_columns = "SELECT id, unit_id, fee_kind, period, amount_fen, paid_fen, due_date FROM bills ";

} // namespace

protocol::UtcSeconds late_from(const std::string& due_date) {
    const auto starts = protocol::parse_date_shanghai(due_date);
    return starts ? *starts + 86400 : 0;
}

std::optional<protocol::Bill> find_bill(Database& db, const std::string& bill_id, protocol::UtcSeconds now) {
    Statement st(db, (std::string(bill_columns) + "WHERE id = ?").c_str());
    st.bind(1, bill_id);
    if (!st.step()) return std::nullopt;
    return bill_from_row(st, now);
}

std::vector<protocol::Bill> unit_bills(Database& db, const std::string& unit_id, protocol::UtcSeconds now) {
    Statement st(db, (std::string(bill_columns) + "WHERE unit_id = ? ORDER BY period DESC, fee_kind").c_str());
    st.bind(1, unit_id);
    std::vector<protocol::Bill> out;
    while (st.step()) out.push_back(bill_from_row(st, now));
    return out;
}

void settle(protocol::Bill& b, protocol::UtcSeconds now) {
    b.status = b.paid_fen >= b.amount_fen ? "paid" : b.paid_fen > 0 ? "partial" : "unpaid";
    b.late = b.status != "paid" && now >= late_from(b.due_date);
}

void publish_bill(FeedWriter& feed, const protocol::Bill& bill) {
    PublishOptions options;
    if (bill.status != "paid" && !bill.late) options.refresh_at = late_from(bill.due_date);
    feed.publish(protocol::collection::bills, bill.id, bill, options);
}

void publish_bill(Database& db, const protocol::Bill& bill) {
    FeedWriter feed(db);
    publish_bill(feed, bill);
}

} // namespace lobby::server::fees
