// The outbox: keys, order, state transitions, crash recovery, personal data wiped after the answer.
#include "store/privacy.hpp"
#include "store_test_util.hpp"

#include <doctest/doctest.h>

#include <ctime>
#include <regex>
#include <set>

using namespace kiosk;

TEST_CASE("enqueue writes a row with a fresh UUID v4 key, visible to a sibling connection")
{
    test::TempDir dir;
    auto ui = test::open_store(dir.file("kiosk.db"));
    auto worker = ui.open_sibling(store::Durability::normal);
    std::set<std::string> keys;
    for (int i = 0; i < 50; ++i) {
        auto id = ui.enqueue("visitor", "/v1/visitors", {{"name", "王五"}, {"phone", "13800000000"}});
        REQUIRE(id.ok());
        keys.insert(worker->outbox_item(*id)->value().idempotency_key);
    }
    CHECK(keys.size() == 50);
    const std::regex v4("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    for (const auto& key : keys)
        CHECK(std::regex_match(key, v4));
    CHECK(worker->outbox_counts()->pending == 50);
}

TEST_CASE("enqueue refuses what cannot be sent")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    CHECK(store.enqueue("repair", "/v1/repairs", nlohmann::json::array()).error().code
          == store::StoreErrc::bad_input);
    CHECK(store.enqueue("", "/v1/repairs", nlohmann::json::object()).error().code == store::StoreErrc::bad_input);
    CHECK(store.outbox_counts()->pending == 0);
}

TEST_CASE("the head is the oldest unfinished item; done and failed ones leave the queue")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    const auto first = *store.enqueue("repair", "/v1/repairs", {{"description", "lamp"}, {"contact_phone", "13811112222"}});
    const auto second = *store.enqueue("visitor", "/v1/visitors", {{"name", "王五"}, {"phone", "13800000000"}});
    const auto third = *store.enqueue("rating", "/v1/repairs/R-1/rating", {{"score", 5}});
    CHECK(store.outbox_head()->value().id == first);

    REQUIRE(store.mark_sending(first).ok());
    CHECK(store.outbox_item(first)->value().state == store::OutboxState::sending);
    CHECK(store.outbox_item(first)->value().attempts == 1);
    CHECK(store.outbox_head()->value().id == first);   // still the head while in flight

    REQUIRE(store.mark_done(first, 201, R"({"id":"R-9","status":"submitted","contact_phone":"13811112222"})").ok());
    auto done = store.outbox_item(first)->value();
    CHECK(done.state == store::OutboxState::done);
    CHECK_FALSE(done.body.has_value());
    REQUIRE(done.server_response.has_value());
    CHECK(done.server_response->find("R-9") != std::string::npos);
    CHECK(done.server_response->find("13811112222") == std::string::npos);
    CHECK(done.http_status == 201);

    CHECK(store.outbox_head()->value().id == second);
    REQUIRE(store.mark_sending(second).ok());
    REQUIRE(store.mark_failed(second, 422, "phone is not a mainland mobile").ok());
    auto failed = store.outbox_item(second)->value();
    CHECK(failed.state == store::OutboxState::failed);
    CHECK(failed.last_error == std::string("phone is not a mainland mobile"));
    CHECK_FALSE(failed.body.has_value());

    CHECK(store.outbox_head()->value().id == third);
    auto counts = *store.outbox_counts();
    CHECK(counts.pending == 1);
    CHECK(counts.failed == 1);
    CHECK(counts.done == 1);

    // Finished rows cannot be reopened.
    CHECK(store.mark_sending(first).error().code == store::StoreErrc::not_found);
    CHECK(store.mark_done(424242, 200, "{}").error().code == store::StoreErrc::not_found);

    // No personal data left anywhere in finished rows.
    const std::string leftovers = test::query_text(
        store.connection(), "SELECT group_concat(coalesce(body,'') || coalesce(server_response,''), '|') "
                            "FROM outbox WHERE state IN ('done','failed')");
    CHECK(leftovers.find("1381") == std::string::npos);
    CHECK(leftovers.find("王") == std::string::npos);
}

TEST_CASE("retry keeps the item pending with its key and due time")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    const auto id = *store.enqueue("repair", "/v1/repairs", {{"description", "lamp"}});
    const auto key = store.outbox_item(id)->value().idempotency_key;
    REQUIRE(store.mark_sending(id).ok());
    REQUIRE(store.schedule_retry(id, 123456, "HTTP 503").ok());
    auto item = store.outbox_item(id)->value();
    CHECK(item.state == store::OutboxState::pending);
    CHECK(item.next_attempt_at_ms == 123456);
    CHECK(item.last_error == std::string("HTTP 503"));
    CHECK(item.idempotency_key == key);
    CHECK(item.body.has_value());
}

TEST_CASE("items left sending by a crash go back to pending on recovery")
{
    test::TempDir dir;
    const std::string path = dir.file("kiosk.db");
    store::OutboxId id = 0;
    {
        auto store = test::open_store(path);
        id = *store.enqueue("repair", "/v1/repairs", {{"description", "lamp"}});
        REQUIRE(store.mark_sending(id).ok());
    }
    auto store = test::open_store(path);
    CHECK(*store.recover_interrupted() == 1);
    CHECK(store.outbox_item(id)->value().state == store::OutboxState::pending);
    CHECK(store.outbox_items(10)->size() == 1);
}

TEST_CASE("names in cached records are masked by the same rule as on the server; phones become keyed hashes")
{
    // The rule itself is tested in tests/protocol (masking); here: the store uses it.
    const auto scrubbed = store::scrub_personal({{"owner_name", "欧阳涛"}, {"contact_name", "阿卜杜热合曼"},
                                                 {"contact_phone", "13812345678"}},
                                                "k1");
    CHECK(scrubbed["owner_name"] == "欧阳*");
    CHECK(scrubbed["contact_name"] == "阿*曼");
    CHECK(!scrubbed.contains("contact_phone"));
    CHECK(scrubbed["contact_phone_last4_hash"] == store::keyed_last4_hash("k1", "5678"));
    CHECK(store::keyed_last4_hash("k1", "13812345678") == store::keyed_last4_hash("k1", "5678"));
    CHECK(store::keyed_last4_hash("k1", "5678") != store::keyed_last4_hash("k2", "5678"));
}

TEST_CASE("old finished rows are pruned; pending ones stay whatever their age")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    const auto done = *store.enqueue("repair", "/v1/repairs", {{"description", "a"}});
    const auto failed = *store.enqueue("repair", "/v1/repairs", {{"description", "b"}});
    const auto pending = *store.enqueue("repair", "/v1/repairs", {{"description", "c"}});
    REQUIRE(store.mark_done(done, 201, R"({"id":"R-1"})").ok());
    REQUIRE(store.mark_failed(failed, 422, "invalid_field: b").ok());
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    CHECK(*store.prune_finished(now - 60) == 0);   // answered just now: kept
    CHECK(*store.prune_finished(now + 60) == 2);
    CHECK_FALSE(store.outbox_item(done)->has_value());
    CHECK_FALSE(store.outbox_item(failed)->has_value());
    CHECK(store.outbox_item(pending)->has_value());
}
