#include "visitors/pass_rows.hpp"

#include "protocol/masking.hpp"

namespace lobby::server::visitors {

protocol::VisitorPass read_pass(Database& db, Statement& row) {
    protocol::VisitorPass p;
    p.id = row.text(0);
    p.code = row.text(1);
    p.kind = row.text(2);
    p.unit_id = row.text(3);
    p.visitor_masked = protocol::mask_name(db.cipher().open(row.text(4)));
    p.phone_masked = row.is_null(5) ? "" : protocol::mask_phone(db.cipher().open(row.text(5)));
    p.purpose = row.text(6);
    p.people = row.int64(7);
    p.has_car = !row.is_null(8);
    p.valid_from = row.int64(9);
    p.valid_until = row.int64(10);
    p.redeemed_at = row.opt_int64(11);
    return p;
}

} // namespace lobby::server::visitors
