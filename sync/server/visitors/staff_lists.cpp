// The staff console's visitor lists.
#include "visitors/staff_lists.hpp"

#include "visitors/pass_rows.hpp"

namespace lobby::server::visitors {

std::vector<protocol::VisitorPass> passes_between(Database& db, protocol::UtcSeconds from, protocol::UtcSeconds until,
                                                  protocol::UtcSeconds now, int limit) {
    Statement st(db, (std::string("SELECT ") + pass_columns +
                      " FROM visitor_codes WHERE valid_from < ? AND valid_until > ? ORDER BY valid_from LIMIT ?")
                         .c_str());
    st.bind(1, until).bind(2, from).bind(3, limit);
    std::vector<protocol::VisitorPass> out;
    while (st.step()) out.push_back(read_pass(db, st, now));
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
