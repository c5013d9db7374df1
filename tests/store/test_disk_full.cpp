// Disk full while saving: a clear error value, nothing half-written, the database intact.
#include "store_test_util.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("disk full while saving returns disk_full and leaves the database intact")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    REQUIRE(store.enqueue("repair", "/v1/repairs", {{"description", "before"}}).ok());

    // Cap the file at its current size plus a little: deterministic "disk full".
    const std::string pages = test::query_text(store.connection(), "PRAGMA page_count");
    const std::string cap = "PRAGMA max_page_count = " + std::to_string(std::stoi(pages) + 2);
    REQUIRE(store.connection().exec(cap.c_str()).ok());

    const std::string big(3000, 'x');
    store::StoreErrc seen = store::StoreErrc::internal;
    int saved = 0;
    for (int i = 0; i < 100; ++i) {
        auto id = store.enqueue("repair", "/v1/repairs", {{"description", big}, {"n", i}});
        if (!id.ok()) {
            seen = id.error().code;
            break;
        }
        ++saved;
    }
    CHECK(seen == store::StoreErrc::disk_full);
    CHECK(std::string(store::to_string(seen)) == "disk_full");

    // Whatever was saved before the disk filled is all there, nothing partial.
    CHECK(store.outbox_counts()->pending == saved + 1);
    CHECK(test::query_text(store.connection(), "PRAGMA integrity_check") == "ok");

    // A cache page that does not fit is refused as a whole, cursor unchanged.
    std::vector<store::CacheChange> page;
    for (int i = 0; i < 50; ++i)
        page.push_back(test::change(i + 1, "notices", "N-" + std::to_string(i), {{"body", big}}));
    auto applied = store.apply_page(page, 50);
    REQUIRE_FALSE(applied.ok());
    CHECK(applied.error().code == store::StoreErrc::disk_full);
    CHECK(*store.cursor() == 0);
    CHECK(store.records("notices")->empty());

    // Space comes back: saving works again on the same connection.
    REQUIRE(store.connection().exec("PRAGMA max_page_count = 1000000").ok());
    CHECK(store.enqueue("repair", "/v1/repairs", {{"description", "after"}}).ok());
    CHECK(test::query_text(store.connection(), "PRAGMA integrity_check") == "ok");
}
