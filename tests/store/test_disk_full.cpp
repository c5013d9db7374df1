// Disk full while saving: a clear error value, nothing half-written, the database intact.
#include "store_test_util.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <sys/mount.h>
#include <sys/statvfs.h>

using namespace kiosk;

namespace {

// Enqueues 3 KB submissions until one is refused (or `limit` were saved);
// returns why it was refused, internal when none was.
store::StoreErrc save_until_refused(store::Store& store, int limit, int& saved)
{
    const std::string big(3000, 'x');
    for (int i = 0; i < limit; ++i) {
        auto id = store.enqueue("repair", "/v1/repairs", {{"description", big}, {"n", i}});
        if (!id.ok())
            return id.error().code;
        ++saved;
    }
    return store::StoreErrc::internal;
}

} // namespace

TEST_CASE("disk full while saving returns disk_full and leaves the database intact")
{
    test::TempDir dir;
    auto store = test::open_store(dir.file("kiosk.db"));
    REQUIRE(store.enqueue("repair", "/v1/repairs", {{"description", "before"}}).ok());

    // Cap the file at its current size plus a little: deterministic "disk full".
    const std::string pages = test::query_text(store.connection(), "PRAGMA page_count");
    const std::string cap = "PRAGMA max_page_count = " + std::to_string(std::stoi(pages) + 2);
    REQUIRE(store.connection().exec(cap.c_str()).ok());

    int saved = 0;
    const store::StoreErrc seen = save_until_refused(store, 100, saved);
    CHECK(seen == store::StoreErrc::disk_full);
    CHECK(std::string(store::to_string(seen)) == "disk_full");

    // Whatever was saved before the disk filled is all there, nothing partial.
    CHECK(store.outbox_counts()->pending == saved + 1);
    CHECK(test::query_text(store.connection(), "PRAGMA integrity_check") == "ok");

    // A cache page that does not fit is refused as a whole, cursor unchanged.
    std::vector<store::CacheChange> page;
    for (int i = 0; i < 50; ++i)
        page.push_back(test::change(i + 1, "notices", "N-" + std::to_string(i), {{"body", std::string(3000, 'x')}}));
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

namespace {

// A tiny tmpfs mounted for one test (needs root; the test is skipped without it).
class TinyFileSystem {
public:
    explicit TinyFileSystem(const std::string& dir, const char* size) : m_dir(dir)
    {
        const std::string options = std::string("size=") + size;
        m_mounted = mount("tmpfs", dir.c_str(), "tmpfs", 0, options.c_str()) == 0;
    }
    ~TinyFileSystem()
    {
        if (m_mounted)
            umount(m_dir.c_str());
    }
    bool mounted() const { return m_mounted; }

private:
    std::string m_dir;
    bool m_mounted = false;
};

} // namespace

TEST_CASE("a really full file system: disk_full, nothing corrupt, works again once space is freed")
{
    test::TempDir dir;
    TinyFileSystem tiny(dir.path().string(), "1m");
    if (!tiny.mounted()) {
        MESSAGE("skipped: cannot mount a tmpfs here (not root?)");
        return;
    }
    const std::string path = dir.file("kiosk.db");
    const std::string filler = dir.file("filler");
    int saved = 0;
    {
        auto store = test::open_store(path);
        // Leave ~100 KB free, then save until the disk says no.
        struct statvfs fs {};
        REQUIRE(statvfs(dir.path().c_str(), &fs) == 0);
        const auto free_bytes = static_cast<std::size_t>(fs.f_bavail) * fs.f_frsize;
        REQUIRE(free_bytes > 200 * 1024);
        {
            std::FILE* file = std::fopen(filler.c_str(), "wb");
            REQUIRE(file != nullptr);
            const std::string block(4096, 'f');
            for (std::size_t written = 0; written + 100 * 1024 < free_bytes; written += block.size())
                std::fwrite(block.data(), 1, block.size(), file);
            std::fclose(file);
        }
        const store::StoreErrc seen = save_until_refused(store, 500, saved);
        CHECK(seen == store::StoreErrc::disk_full);
        CHECK(saved > 0);
        CHECK(store.outbox_counts()->pending == saved);
        CHECK(test::query_text(store.connection(), "PRAGMA integrity_check") == "ok");
    }
    {
        // The kiosk restarts while the disk is still full: it opens and reads.
        auto store = test::open_store(path);
        CHECK(store.outbox_counts()->pending == saved);
        std::remove(filler.c_str());
        CHECK(store.enqueue("repair", "/v1/repairs", {{"description", "after"}}).ok());
    }
    // A restart finds everything that was saved.
    auto reopened = test::open_store(path);
    CHECK(reopened.outbox_counts()->pending == saved + 1);
    CHECK(test::query_text(reopened.connection(), "PRAGMA integrity_check") == "ok");
}
