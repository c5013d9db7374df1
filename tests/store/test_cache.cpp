// The pull cache: pages with cursor, tombstones, expiry, ordering, personal-data scrubbing.
#include "protocol/verifier.hpp"
#include "store_test_util.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("pages apply in order, tombstones delete, the cursor follows")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    CHECK(*store.cursor() == 0);
    auto first = store.apply_page({test::change(1, "notices", "N-1", {{"title", "water off"}}),
                                   test::change(2, "notices", "N-2", {{"title", "lift"}}),
                                   test::change(3, "fee_kinds", "management", {{"code", "management"}})},
                                  3);
    REQUIRE(first.ok());
    CHECK(first->upserted == 3);
    CHECK(*store.cursor() == 3);

    auto second = store.apply_page({test::change(4, "notices", "N-1", {{"title", "water off 9-12"}}),
                                    test::tombstone(5, "notices", "N-2")},
                                   5);
    REQUIRE(second.ok());
    CHECK(second->deleted == 1);
    auto notices = store.records("notices");
    REQUIRE(notices->size() == 1);
    CHECK(notices->at(0).data["title"] == "water off 9-12");
    CHECK(notices->at(0).seq == 4);
    CHECK(*store.cursor() == 5);
    CHECK(store.fee_kinds()->size() == 1);
}

TEST_CASE("a replayed older page neither resurrects nor rolls back records")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    REQUIRE(store.apply_page({test::change(10, "notices", "N-1", {{"v", 2}})}, 10).ok());
    REQUIRE(store.apply_page({test::change(4, "notices", "N-1", {{"v", 1}})}, 4).ok());
    CHECK(store.record("notices", "N-1")->value().data["v"] == 2);
    CHECK(*store.cursor() == 10);   // the cursor never moves back
}

TEST_CASE("active notices: urgent first, expired ones hidden and then purged")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    const std::int64_t now = 1'795'000'000;   // 2026-11-18
    REQUIRE(store
                .apply_page({test::change(1, "notices", "N-old",
                                          {{"urgent", false}, {"published_at", "2026-11-01T00:00:00Z"}}),
                             test::change(2, "notices", "N-new",
                                          {{"urgent", false}, {"published_at", "2026-11-10T00:00:00Z"}}),
                             test::change(3, "notices", "N-urgent",
                                          {{"urgent", true}, {"published_at", "2026-10-01T00:00:00Z"}}),
                             test::change(4, "notices", "N-expired",
                                          {{"urgent", true},
                                           {"published_at", "2026-11-01T00:00:00Z"},
                                           {"expires_at", "2026-11-17T00:00:00Z"}})},
                            4)
                .ok());
    auto active = store.active_notices(now);
    REQUIRE(active.ok());
    REQUIRE(active->size() == 3);
    CHECK(active->at(0).key == "N-urgent");
    CHECK(active->at(1).key == "N-new");
    CHECK(active->at(2).key == "N-old");

    const auto before = store.version();
    CHECK(*store.purge_expired(now) == 1);
    CHECK_FALSE(store.record("notices", "N-expired")->has_value());
    CHECK(store.version() > before);
}

TEST_CASE("bills by unit: only that unit, newest period first")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    std::vector<store::CacheChange> page;
    std::int64_t seq = 0;
    for (const char* unit : {"1-1-101", "1-1-102"})
        for (const char* period : {"2026-09", "2026-11", "2026-10"})
            page.push_back(test::change(++seq, "bills", std::string(unit) + "/" + period,
                                        {{"unit_id", unit}, {"period", period}, {"amount_fen", 100}}));
    REQUIRE(store.apply_page(page, seq).ok());
    auto bills = store.bills_for_unit("1-1-102");
    REQUIRE(bills->size() == 3);
    CHECK(bills->at(0).data["period"] == "2026-11");
    CHECK(bills->at(2).data["period"] == "2026-09");
    CHECK(store.bills_for_unit("9-9-999")->empty());
}

TEST_CASE("estate, tickets and units read back")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    REQUIRE(store
                .apply_page({test::change(1, "estate", "estate", {{"hotline", "0755-1"}}),
                             test::change(2, "tickets", "R-1",
                                          {{"unit_id", "3-2-1502"}, {"created_at", "2026-11-01T00:00:00Z"}}),
                             test::change(3, "tickets", "R-2",
                                          {{"unit_id", "3-2-1502"}, {"created_at", "2026-11-02T00:00:00Z"}}),
                             test::change(4, "units", "3-2-1502", {{"owner_masked", "张*"}})},
                            4)
                .ok());
    CHECK(store.estate()->value().data["hotline"] == "0755-1");
    auto tickets = store.tickets_for_unit("3-2-1502");
    REQUIRE(tickets->size() == 2);
    CHECK(tickets->at(0).key == "R-2");
    CHECK(store.units()->at(0).data["owner_masked"] == "张*");
}

TEST_CASE("personal data arriving in a pull is masked or hashed before it is stored")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    REQUIRE(store
                .apply_page({test::change(1, "units", "3-2-1502",
                                          {{"owner_name", "欧阳振明"}, {"owner_phone", "13812345678"},
                                           {"owner_masked", "欧阳*明"}})},
                            1)
                .ok());
    const std::string raw = test::query_text(store.connection(), "SELECT data FROM records");
    CHECK(raw.find("13812345678") == std::string::npos);
    CHECK(raw.find("振") == std::string::npos);
    auto unit = store.record("units", "3-2-1502")->value();
    CHECK(unit.data["owner_name"] == "欧阳*明");
    // Without the feed's verifiers the digits cannot be checked offline.
    CHECK(store.verify_phone_last4("3-2-1502", "5678").error().code == store::StoreErrc::not_found);
    CHECK(store.verify_phone_last4("0-0-000", "5678").error().code == store::StoreErrc::not_found);
}

TEST_CASE("offline verification compares the typed digits' HMAC under this kiosk's key with the feed's verifiers")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    const std::string mine = lobby::protocol::last4_verifier(test::k_test_hash_key, "3-2-1502", "5678");
    const std::string other_kiosk = lobby::protocol::last4_verifier(std::string(64, 'f'), "3-2-1502", "1357");
    REQUIRE(store
                .apply_page({test::change(1, "units", "3-2-1502",
                                          {{"owner_masked", "张*"}, {"resident_last4_hmacs", {mine, other_kiosk}}})},
                            1)
                .ok());
    CHECK(*store.verify_phone_last4("3-2-1502", "5678"));
    CHECK_FALSE(*store.verify_phone_last4("3-2-1502", "5679"));
    CHECK_FALSE(*store.verify_phone_last4("3-2-1502", "1357"));  // keyed for another kiosk
    const std::string raw = test::query_text(store.connection(), "SELECT data FROM records");
    CHECK(raw.find("5678") == std::string::npos);
}

TEST_CASE("public reference data keeps its phone numbers (hotline, emergency, call-instead)")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    nlohmann::json estate = {{"hotline", "0755-86001234"},
                             {"emergency_contacts", {{{"name", {{"zh-CN", "火警"}}}, {"phone", "119"}}}}};
    nlohmann::json category = {{"code", "gas"}, {"refer_phone", "0755-83203999"}};
    REQUIRE(store.apply_page({test::change(1, "estate", "estate", estate),
                              test::change(2, "repair_categories", "gas", category),
                              test::change(3, "tickets", "R-1", {{"unit_id", "3-2-1502"}, {"contact_phone", "13812345678"}})},
                             3)
                .ok());
    CHECK(store.estate()->value().data["emergency_contacts"][0]["phone"] == "119");
    CHECK(store.record("repair_categories", "gas")->value().data["refer_phone"] == "0755-83203999");
    // A ticket is about a person: its phone is still scrubbed.
    CHECK_FALSE(store.record("tickets", "R-1")->value().data.contains("contact_phone"));
}

TEST_CASE("public reference data keeps its phone numbers; records about people do not")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    REQUIRE(store
                .apply_page({test::change(1, "estate", "estate",
                                          {{"hotline", "0755-86001234"},
                                           {"emergency_contacts", {{{"name", {{"zh-CN", "消防"}}}, {"phone", "119"}}}}}),
                             test::change(2, "repair_categories", "gas", {{"refer_phone", "0755-83203999"}}),
                             test::change(3, "units", "3-2-1502", {{"owner_phone", "13812345678"}})},
                            3)
                .ok());
    CHECK(store.estate()->value().data["emergency_contacts"][0]["phone"] == "119");
    CHECK(store.record("repair_categories", "gas")->value().data["refer_phone"] == "0755-83203999");
    CHECK_FALSE(store.record("units", "3-2-1502")->value().data.contains("owner_phone"));
}

TEST_CASE("pictures records name: missing ones listed, stored as bytes, dropped when no record names them")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    CHECK(*store.synced_at() == 0);
    REQUIRE(store
                .apply_page({test::change(1, "notices", "N-1",
                                          {{"published_at", "2026-11-01T00:00:00Z"}, {"images", {"IMG-a", "IMG-b"}}}),
                             test::change(2, "notices", "N-2", {{"published_at", "2026-11-02T00:00:00Z"}})},
                            2)
                .ok());
    CHECK(*store.synced_at() > 0);
    CHECK(*store.missing_images() == std::vector<std::string>{"IMG-a", "IMG-b"});
    const std::string bytes("\x89PNG\r\n\x1a\n\0\0binary", 16);
    REQUIRE(store.save_image("IMG-a", "image/png", bytes).ok());
    CHECK(*store.missing_images() == std::vector<std::string>{"IMG-b"});
    CHECK(store.image("IMG-a")->value() == bytes);  // every byte, NULs too
    CHECK_FALSE(store.image("IMG-b")->has_value());
    CHECK(*store.purge_unnamed_images() == 0);
    // The notice is withdrawn (a tombstone): its picture goes with the next purge.
    REQUIRE(store.apply_page({test::tombstone(3, "notices", "N-1")}, 3).ok());
    CHECK(store.missing_images()->empty());
    CHECK(*store.purge_unnamed_images() == 1);
    CHECK_FALSE(store.image("IMG-a")->has_value());
}
