// The company's estate directory (sync/server/estates.hpp): an estate is
// listed only once its tables exist, on both engines.
#include "in_process_server.hpp"

#include "db.hpp"
#include "estates.hpp"
#include "feature.hpp"
#include "schema.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

using namespace lobby::test;
namespace srv = lobby::server;

namespace {

bool listed(srv::Estates& estates, const std::string& id) {
    const auto all = estates.list();
    return std::any_of(all.begin(), all.end(), [&](const srv::EstateEntry& e) { return e.id == id; });
}

// Runs "<verb> TABLE <prefix>kiosks<rest>" where estate `id`'s tables go (its
// own SQLite file, or its PostgreSQL schema), before the estate exists.
void on_kiosks_table(srv::Estates& estates, const std::string& id, const std::string& verb, const std::string& rest) {
    const std::string where = estates.location(id);
    if (where.find('/') == std::string::npos) {  // a PostgreSQL schema
        auto lease = estates.home().acquire();
        lease.db().exec(("CREATE SCHEMA IF NOT EXISTS \"" + where + "\"").c_str());
        lease.db().exec((verb + " TABLE \"" + where + "\".kiosks" + rest).c_str());
        return;
    }
    std::filesystem::create_directories(std::filesystem::path(where).parent_path());
    srv::Database db(where, std::make_shared<const srv::FieldCipher>(srv::FieldCipher::Key{}));
    db.exec((verb + " TABLE kiosks" + rest).c_str());
}

} // namespace

// Before: the directory row was committed first and the tables made after,
// so a failed (or killed) migration left an estate every server listed and
// routed to, with no tables: 500 on each of its requests.
TEST_CASE("an estate whose tables cannot be made is not listed; once the cause is gone, adding it again works") {
    InProcessServer server;
    srv::Estates& estates = server.office().estates();
    // Something in the way of the first schema step ("CREATE TABLE kiosks").
    on_kiosks_table(estates, "e077", "CREATE", " (in_the_way INTEGER)");

    CHECK_THROWS(estates.add("e077", "在建小区", server.clock().now()));
    CHECK_FALSE(listed(estates, "e077"));
    CHECK(estates.find("e077") == nullptr);

    on_kiosks_table(estates, "e077", "DROP", "");
    CHECK(estates.add("e077", "在建小区", server.clock().now()));
    CHECK(listed(estates, "e077"));
    srv::Pool* pool = estates.find("e077");
    REQUIRE(pool != nullptr);
    {
        auto lease = pool->acquire();  // given back before add() takes one (one a thread at a time)
        CHECK(srv::schema_version(lease.db()) == static_cast<int>(srv::schema_steps(srv::server_features()).size()));
        srv::Statement units(lease.db(), "SELECT COUNT(*) FROM units");
        REQUIRE(units.step());
        CHECK(units.int64(0) == 0);
    }
    // Taken now: a second add changes nothing.
    CHECK_FALSE(estates.add("e077", "另一个名字", server.clock().now()));
}
