// The staff console's visitor lists.
#include "visitors/staff_lists.hpp"

#include "protocol/masking.hpp"

namespace lobby::server::visitors {

std::vector<protocol::VisitorPass> passes_between(Database& db, protocol::UtcSeconds from, protocol::UtcSeconds until,
                                                  int limit) {
    Statement st(db, "SELECT id, code, kind, unit_id, name, phone, purpose, people, car_plate, valid_from, valid_until, "
                     "redeemed_at FROM visitor_codes WHERE valid_from < ? AND valid_until > ? ORDER BY valid_from LIMIT ?");
    st.bind(1, until).bind(2, from).bind(3, limit);
    std::vector<protocol::VisitorPass> out;
    while (st.step()) {
        protocol::VisitorPass p;
        p.id = st.text(0);
        p.code = st.text(1);
        p.kind = st.text(2);
        p.unit_id = st.text(3);
        p.visitor_masked = protocol::mask_name(db.cipher().open(st.text(4)));
        p.phone_masked = st.is_null(5) ? "" : protocol::mask_phone(db.cipher().open(st.text(5)));
        p.purpose = st.text(6);
        p.people = st.int64(7);
        p.has_car = !st.is_null(8);
        p.valid_from = st.int64(9);
        p.valid_until = st.int64(10);
        p.redeemed_at = st.opt_int64(11);
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<MoveOutListing> move_outs_in(Database& db, const std::string& status, int limit) {
    const bool waiting = status == "awaiting_owner_confirmation";
    Statement st(db, waiting ? "SELECT id, items FROM move_outs WHERE status = ? ORDER BY created_at LIMIT ?"
                             : "SELECT id, items FROM move_outs WHERE status = ? ORDER BY decided_at DESC LIMIT ?");
    st.bind(1, status).bind(2, limit);
    std::vector<MoveOutListing> out;
    while (st.step()) out.push_back(MoveOutListing{st.text(0), st.text(1)});
    return out;
}

} // namespace lobby::server::visitors
