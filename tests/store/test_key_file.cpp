// The phone-hash key file: made 0600 once, reused, refused when others can read it, never in the database.
#include "protocol/verifier.hpp"
#include "store/key_file.hpp"
#include "store_test_util.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>

using namespace kiosk;

namespace {

unsigned file_mode(const std::string& path)
{
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return static_cast<unsigned>(info.st_mode & 07777);
}

std::string file_bytes(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

void write_file(const std::string& path, const std::string& text, unsigned mode)
{
    { std::ofstream(path, std::ios::binary) << text; }
    REQUIRE(::chmod(path.c_str(), mode) == 0);
}

} // namespace

TEST_CASE("the key file is created with mode 0600 and 256 random bits, then reused")
{
    test::TempDir dir;
    const std::string path = dir.file("kiosk.key");
    auto made = store::load_or_create_key_file(path);
    REQUIRE_MESSAGE(made.ok(), (made.ok() ? "" : made.error().message));
    CHECK(made->size() == 64);
    CHECK(made->find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(file_mode(path) == 0600);
    CHECK(file_bytes(path) == *made + "\n");
    // Nothing else is left in the folder (the temporary file is gone).
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 1);

    auto again = store::load_or_create_key_file(path);
    REQUIRE(again.ok());
    CHECK(*again == *made);

    test::TempDir other;
    CHECK(*store::load_or_create_key_file(other.file("kiosk.key")) != *made);  // per kiosk
}

TEST_CASE("a key file that group or others can read is refused, naming the file and the fix, not the key")
{
    test::TempDir dir;
    const std::string path = dir.file("kiosk.key");
    const std::string key = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    for (unsigned mode : {0644u, 0640u, 0604u, 0660u}) {
        CAPTURE(mode);
        write_file(path, key + "\n", mode);
        auto loaded = store::load_or_create_key_file(path);
        REQUIRE_FALSE(loaded.ok());
        CHECK(loaded.error().code == store::StoreErrc::bad_input);
        CHECK(loaded.error().message.find(path) == 0);
        CHECK(loaded.error().message.find("chmod 600") != std::string::npos);
        CHECK(loaded.error().message.find(key) == std::string::npos);
        CHECK(file_bytes(path) == key + "\n");  // left as it was
    }
    write_file(path, key + "\n", 0600);
    auto loaded = store::load_or_create_key_file(path);
    REQUIRE(loaded.ok());
    CHECK(*loaded == key);
}

TEST_CASE("a key file that does not hold a key is refused rather than replaced")
{
    test::TempDir dir;
    const std::string path = dir.file("kiosk.key");
    for (const char* text : {"", "short\n", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeZ\n"}) {
        write_file(path, text, 0600);
        auto loaded = store::load_or_create_key_file(path);
        REQUIRE_FALSE(loaded.ok());
        CHECK(loaded.error().message.find("64 hex digits") != std::string::npos);
    }
    // A key file in a folder that does not exist: an I/O error naming it.
    auto missing = store::load_or_create_key_file(dir.file("no/such/folder/kiosk.key"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == store::StoreErrc::io);
}

TEST_CASE("no key material in the database: the key stays in its file and still verifies")
{
    test::TempDir dir;
    auto key = store::load_or_create_key_file(dir.file("kiosk.key"));
    REQUIRE(key.ok());
    const std::string db = dir.file("kiosk.db");
    {
        store::StoreOptions options;
        options.path = db;
        options.phone_hash_key = *key;
        auto opened = store::Store::open(options);
        REQUIRE(opened.ok());
        REQUIRE(opened
                    ->apply_page({test::change(1, "units", "3-2-1502",
                                               {{"owner_phone", "13812345678"},
                                                {"resident_last4_hmacs",
                                                 {lobby::protocol::last4_verifier(*key, "3-2-1502", "5678")}}})},
                                 1)
                    .ok());
        CHECK(*opened->verify_phone_last4("3-2-1502", "5678"));
        CHECK(test::query_text(opened->connection(), "SELECT count(*) FROM meta") == "0");
    }
    const std::string bytes = file_bytes(db) + file_bytes(db + "-wal");
    CHECK(bytes.find("_last4_hash") != std::string::npos);  // the hash is there...
    CHECK(bytes.find(*key) == std::string::npos);           // ...its key is not

    // Reopened with the same key file, the verifiers still match.
    store::StoreOptions options;
    options.path = db;
    options.phone_hash_key = *store::load_or_create_key_file(dir.file("kiosk.key"));
    auto reopened = store::Store::open(options);
    REQUIRE(reopened.ok());
    CHECK(*reopened->verify_phone_last4("3-2-1502", "5678"));
}

TEST_CASE("a store opened without a key is refused")
{
    test::TempDir dir;
    store::StoreOptions options;
    options.path = dir.file("kiosk.db");
    auto opened = store::Store::open(options);
    REQUIRE_FALSE(opened.ok());
    CHECK(opened.error().code == store::StoreErrc::bad_input);
}

TEST_CASE("the token file: absent is no token; written 0600 and replaced whole; refused when others can read it")
{
    test::TempDir dir;
    const std::string path = dir.file("kiosk.token");
    auto none = store::load_token_file(path);
    REQUIRE(none.ok());
    CHECK_FALSE(none.value().has_value());

    REQUIRE(store::save_token_file(path, "first-token-0123456789").ok());
    CHECK(file_mode(path) == 0600);
    CHECK(file_bytes(path) == "first-token-0123456789\n");
    REQUIRE(store::save_token_file(path, "second-token").ok());
    CHECK(file_bytes(path) == "second-token\n");
    CHECK(*store::load_token_file(path).value() == "second-token");
    CHECK_FALSE(store::save_token_file(path, "two\nlines").ok());  // never half a token
    CHECK(file_bytes(path) == "second-token\n");

    write_file(path, "leaky-token\n", 0644);
    auto leaky = store::load_token_file(path);
    REQUIRE_FALSE(leaky.ok());
    CHECK(leaky.error().message.find("chmod 600") != std::string::npos);
    CHECK(leaky.error().message.find("leaky-token") == std::string::npos);
    write_file(path, "bad token\n", 0600);
    CHECK_FALSE(store::load_token_file(path).ok());
}
