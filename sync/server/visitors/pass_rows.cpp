#include "visitors/pass_rows.hpp"

#include "protocol/masking.hpp"

namespace lobby::server::visitors {

protocol::VisitorPass read_pass(Database& db, Statement& row, protocol::UtcSeconds now) {
    protocol::VisitorPass p;
    p.id = row.text(0);
    p.code = row.text(1);
    p.kind = row.text(2);
    p.unit_id = row.text(3);
    const std::string name = db.cipher().open(row.text(4));
    // A walk-in gives only the surname; a code's visitor is named in full.
    p.visitor_masked = name.empty()          ? std::string()
                       : p.kind == "walk_in" ? protocol::mask_surname(name)
                                             : protocol::mask_name(name);
    p.phone_masked = row.is_null(5) ? "" : protocol::mask_phone(db.cipher().open(row.text(5)));
    p.purpose = row.text(6);
    p.people = row.int64(7);
    p.has_car = !row.is_null(8);
    p.valid_from = row.int64(9);
    p.valid_until = row.int64(10);
    p.redeemed_at = row.opt_int64(11);
    p.status = row.text(12);
    const auto wait_until = row.opt_int64(13);
    if (p.status == protocol::pass_awaiting_host && wait_until && now > *wait_until)
        p.status = protocol::pass_see_front_desk;
    p.uses_allowed = row.int64(14);
    p.uses = row.int64(15);
    return p;
}

} // namespace lobby::server::visitors
