// Reading live feed records for the console's lists.
#include "console/feed_records.hpp"

#include "protocol/decode.hpp"

namespace lobby::server::console {

std::vector<nlohmann::json> live_records(Database& db, const std::string& collection, int limit) {
    Statement st(db, "SELECT data FROM feed WHERE collection = ? AND deleted = 0 AND audience IS NULL "
                     "ORDER BY seq DESC LIMIT ?");
    st.bind(1, collection).bind(2, limit);
    std::vector<nlohmann::json> out;
    while (st.step()) {
        auto parsed = protocol::parse_json(st.text(0));
        if (parsed) out.push_back(std::move(parsed.value()));
    }
    return out;
}

} // namespace lobby::server::console
