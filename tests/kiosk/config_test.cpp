// Config: valid files load; every bad file names the file and the line.
#include "core/config.hpp"
#include "test_config.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using kiosk::parse_config;

namespace {

std::string valid_config()
{
    return "[kiosk]\nid = \"lobby-7\"\nlanguage = \"en\"\n"
           "[server]\nurl = \"http://127.0.0.1:8470\"\ntoken = \"t\"\n"
           "[estate]\nname = \"翠湖花园\"\n"
           "[screen]\nwidth_mm = 476\nheight_mm = 268\n"
           "[session]\nidle_timeout_s = 45\nidle_timeout_large_text_s = 90\ncountdown_s = 15\n"
           "[admin]\npin_hash = \"" + std::string(k_test_pin_hash) + "\"\n"
           "[store]\npath = \"/tmp/k.db\"\n";
}

} // namespace

TEST_CASE("a complete config loads with every field")
{
    auto config = parse_config(valid_config(), "kiosk.toml");
    REQUIRE(config.ok());
    CHECK(config.value().kiosk_id == "lobby-7");
    CHECK(config.value().default_language == kiosk::Language::En);
    CHECK(config.value().estate_name == "翠湖花园");
    CHECK(config.value().idle_timeout_s == 45);
    CHECK(config.value().countdown_s == 15);
    // Given landscape, stored portrait: the narrow side is the width.
    CHECK(config.value().screen_width_mm == 268);
    CHECK(config.value().screen_height_mm == 476);
}

TEST_CASE("speech voices and the elderly default: defaults, and per kiosk")
{
    auto defaults = parse_config(valid_config(), "kiosk.toml");
    REQUIRE(defaults.ok());
    CHECK(defaults.value().speech_enabled);
    CHECK_FALSE(defaults.value().elderly_default);
    // 繁體 is read in Cantonese unless the kiosk says otherwise; 简体 in Mandarin.
    CHECK(kiosk::speech_voice_for(kiosk::Language::ZhHK, defaults.value()) == kiosk::SpeechVoice::Cantonese);
    CHECK(kiosk::speech_voice_for(kiosk::Language::ZhCN, defaults.value()) == kiosk::SpeechVoice::Mandarin);
    CHECK(kiosk::speech_voice_for(kiosk::Language::En, defaults.value()) == kiosk::SpeechVoice::English);

    std::string text = valid_config();
    text.replace(text.find("[admin]"), 7, "[speech]\nenabled = false\nzh_cn_voice = \"cantonese\"\nzh_hk_voice = \"mandarin\"\n[admin]");
    text.replace(text.find("countdown_s = 15\n"), 17, "countdown_s = 15\nelderly_mode = true\n");
    auto chosen = parse_config(text, "kiosk.toml");
    REQUIRE_MESSAGE(chosen.ok(), chosen.error().message);
    CHECK_FALSE(chosen.value().speech_enabled);
    CHECK(chosen.value().elderly_default);
    CHECK(kiosk::speech_voice_for(kiosk::Language::ZhCN, chosen.value()) == kiosk::SpeechVoice::Cantonese);
    CHECK(kiosk::speech_voice_for(kiosk::Language::ZhHK, chosen.value()) == kiosk::SpeechVoice::Mandarin);
}

TEST_CASE("malformed TOML names the file and the line")
{
    auto config = parse_config("[kiosk]\nid = \"x\"\nlanguage = = \n", "bad.toml");
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().message.find("bad.toml:3") == 0);
}

TEST_CASE("a field of the wrong type names its line")
{
    std::string text = valid_config();
    text.replace(text.find("idle_timeout_s = 45"), 19, "idle_timeout_s = \"soon\"");
    auto config = parse_config(text, "k.toml");
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().message.find("k.toml:13") == 0);
    CHECK(config.error().message.find("idle_timeout_s") != std::string::npos);
}

TEST_CASE("values out of range are refused with a reason")
{
    auto check_refused = [](std::string from, std::string to, const char* word) {
        std::string text = valid_config();
        text.replace(text.find(from), from.size(), to);
        auto config = parse_config(text, "k.toml");
        REQUIRE_FALSE(config.ok());
        CHECK(config.error().message.find(word) != std::string::npos);
    };
    check_refused("language = \"en\"", "language = \"fr\"", "language");
    check_refused("width_mm = 476", "width_mm = 5", "width_mm");
    check_refused("height_mm = 268\n", "height_mm = 268\nlower_edge_mm = -40\n", "lower_edge_mm");
    check_refused("height_mm = 268\n", "height_mm = 268\nlower_edge_mm = \"high\"\n", "lower_edge_mm");
    check_refused("idle_timeout_s = 45", "idle_timeout_s = 2", "idle_timeout_s");
    check_refused("countdown_s = 15\n", "countdown_s = 15\nelderly_mode = \"yes\"\n", "elderly_mode");
    check_refused("[admin]", "[speech]\nzh_cn_voice = \"klingon\"\n[admin]", "zh_cn_voice");
    check_refused("[admin]", "[speech]\nzh_hk_voice = \"yue\"\n[admin]", "zh_hk_voice");
    check_refused("[admin]", "[speech]\nzh_hk_voice = 3\n[admin]", "zh_hk_voice");
    check_refused("[admin]", "[speech]\nenabled = \"on\"\n[admin]", "enabled");
    check_refused("url = \"http://127.0.0.1:8470\"", "url = \"ftp://x\"", "url");
    check_refused("token = \"t\"", "token = \"t\"\ntoken_file = \"\"", "token_file");
    check_refused("pin_hash = \"$argon2id$", "pin_hash = \"$argon2i$", "pin_hash");
    check_refused("m=19456,", "m=abc,", "pin_hash");
    check_refused("$v=19$", "$v=16$", "pin_hash");
}

TEST_CASE("a missing admin PIN hash is refused and says how to make one")
{
    auto config = parse_config("[server]\ntoken = \"t\"\n", "k.toml");
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().message.find("pin_hash") != std::string::npos);
    CHECK(config.error().message.find("kiosk --hash-pin") != std::string::npos);
}

TEST_CASE("an old unsalted pin_sha256 is refused with its line and how to make a pin_hash")
{
    std::string text = valid_config();
    text.replace(text.find("pin_hash = "), 0,
                 "pin_sha256 = \"a1fb4e703a9ef1fa4936801721ff285a97ac85330856674412e054892afe6972\"\n");
    auto config = parse_config(text, "k.toml");
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().message.find("k.toml:17: [admin] pin_sha256") == 0);
    CHECK(config.error().message.find("kiosk --hash-pin") != std::string::npos);
}

TEST_CASE("a missing file says it cannot be opened")
{
    auto config = kiosk::load_config("/nonexistent/kiosk.toml");
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().message == "/nonexistent/kiosk.toml: cannot open the config file");
}

TEST_CASE("the shipped demo config is valid")
{
    auto config = kiosk::load_config(std::string(LOBBY_SOURCE_DIR) + "/assets/kiosk.toml");
    REQUIRE_MESSAGE(config.ok(), (config.ok() ? "" : config.error().message));
    CHECK(config.value().server_token == "demo-lobby-1-token");
    // Both the store and its key file end up in build/demo, not in assets/.
    CHECK(config.value().store_key_file == std::string(LOBBY_SOURCE_DIR) + "/build/demo/lobby-1.key");
}

TEST_CASE("the key file defaults to kiosk.key beside the config; relative paths resolve against its folder")
{
    auto parsed = parse_config(valid_config(), "k.toml");
    REQUIRE(parsed.ok());
    CHECK(parsed.value().store_key_file == "kiosk.key");
    auto with_key = parse_config(valid_config() + "key_file = \"secret/k.key\"\n", "k.toml");
    REQUIRE(with_key.ok());
    CHECK(with_key.value().store_key_file == "secret/k.key");
    auto empty = parse_config(valid_config() + "key_file = \"\"\n", "k.toml");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message.find("key_file") != std::string::npos);

    const auto folder = std::filesystem::temp_directory_path() / ("lobby-config-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    { std::ofstream(folder / "kiosk.toml") << valid_config(); }
    auto loaded = kiosk::load_config((folder / "kiosk.toml").string());
    std::filesystem::remove_all(folder);
    REQUIRE(loaded.ok());
    CHECK(loaded.value().store_key_file == (folder / "kiosk.key").string());
}

TEST_CASE("without a token the config loads (the kiosk waits for an enrolment code); the token file sits beside it")
{
    std::string text = valid_config();
    text.replace(text.find("token = \"t\"\n"), 12, "");
    auto parsed = parse_config(text, "k.toml");
    REQUIRE(parsed.ok());
    CHECK(parsed.value().server_token.empty());
    CHECK(parsed.value().server_token_file == "kiosk.token");

    const auto folder = std::filesystem::temp_directory_path() / ("lobby-config-token-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    { std::ofstream(folder / "kiosk.toml") << text; }
    auto loaded = kiosk::load_config((folder / "kiosk.toml").string());
    std::filesystem::remove_all(folder);
    REQUIRE(loaded.ok());
    CHECK(loaded.value().server_token_file == (folder / "kiosk.token").string());
}

TEST_CASE("a relative store path is taken relative to the config file")
{
    auto config = kiosk::load_config(std::string(LOBBY_SOURCE_DIR) + "/assets/kiosk.toml");
    REQUIRE(config.ok());
    CHECK(config.value().store_path == std::string(LOBBY_SOURCE_DIR) + "/build/demo/kiosk.db");
}

namespace {

// valid_config() with its [server] url replaced and `extra` lines added to [server].
std::string with_server(const std::string& url, const std::string& extra = "")
{
    std::string text = valid_config();
    const std::string old_url = "url = \"http://127.0.0.1:8470\"\n";
    text.replace(text.find(old_url), old_url.size(), "url = \"" + url + "\"\n" + extra);
    return text;
}

} // namespace

TEST_CASE("plain http:// is refused for a server on another machine unless allow_plain_http says so")
{
    for (const char* loopback : {"http://127.0.0.1:8470", "http://localhost:8470", "http://127.1.2.3",
                                 "http://[::1]:8470/", "HTTP://LOCALHOST"}) {
        CAPTURE(loopback);
        auto config = parse_config(with_server(loopback), "kiosk.toml");
        CHECK_MESSAGE(config.ok(), (config.ok() ? "" : config.error().message));
    }
    for (const char* remote : {"http://192.168.1.20:8470", "http://office.example.org", "http://127.0.0.1.example.org",
                               "http://localhost.example.org:8470", "http://127.0.0.1@10.0.0.5/", "http://[::2]:8470"}) {
        CAPTURE(remote);
        auto config = parse_config(with_server(remote), "kiosk.toml");
        REQUIRE_FALSE(config.ok());
        CHECK(config.error().message.find("kiosk.toml:5: [server] url " + std::string(remote) +
                                          " is plain http:// to another machine") == 0);
        CHECK(config.error().message.find("allow_plain_http = true") != std::string::npos);
        auto allowed = parse_config(with_server(remote, "allow_plain_http = true\n"), "kiosk.toml");
        CHECK_MESSAGE(allowed.ok(), (allowed.ok() ? "" : allowed.error().message));
    }
    auto https = parse_config(with_server("https://office.example.org"), "kiosk.toml");
    REQUIRE(https.ok());
    CHECK_FALSE(https.value().server_allow_plain_http);
    CHECK(https.value().server_ca_file.empty());
}

TEST_CASE("ca_file and pin_sha256: read for https://, refused for http://, a pin must be a base64 SHA-256")
{
    const std::string pin = "EcKAY2TyNFHwhrivOYA7Vck5iWLokr3ETmyXJ/XdW5s=";
    auto config = parse_config(
        with_server("https://office.example.org", "ca_file = \"/etc/lobby-kiosk/ca.pem\"\npin_sha256 = \"" + pin + "\"\n"),
        "kiosk.toml");
    REQUIRE_MESSAGE(config.ok(), (config.ok() ? "" : config.error().message));
    CHECK(config.value().server_ca_file == "/etc/lobby-kiosk/ca.pem");
    CHECK(config.value().server_pin_sha256 == pin);

    for (const char* bad : {"EcKAY2TyNFHwhrivOYA7Vck5iWLokr3ETmyXJ/XdW5s", "sha256//EcKAY2TyNFHwhrivOYA7Vck5iWLokr3ETmyXJ/XdW5s=",
                            "EcKAY2TyNFHwhrivOYA7Vck5iWLokr3ETmyXJ/XdW5!=", "0123456789abcdef"}) {
        CAPTURE(bad);
        auto refused = parse_config(with_server("https://office.example.org", "pin_sha256 = \"" + std::string(bad) + "\"\n"),
                                    "kiosk.toml");
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().message.find("[server] pin_sha256 must be the base64 SHA-256") != std::string::npos);
    }
    auto plain = parse_config(with_server("http://127.0.0.1:8470", "ca_file = \"ca.pem\"\n"), "kiosk.toml");
    REQUIRE_FALSE(plain.ok());
    CHECK(plain.error().message.find("[server] ca_file and pin_sha256 only apply to an https:// url") != std::string::npos);
}

TEST_CASE("a relative ca_file is beside the config; one that cannot be read is refused at start, named")
{
    const auto folder = std::filesystem::temp_directory_path() / ("lobby-ca-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    { std::ofstream(folder / "kiosk.toml") << with_server("https://office.example.org", "ca_file = \"office-ca.pem\"\n"); }
    auto missing = kiosk::load_config((folder / "kiosk.toml").string());
    { std::ofstream(folder / "office-ca.pem") << "-----BEGIN CERTIFICATE-----\n"; }
    auto present = kiosk::load_config((folder / "kiosk.toml").string());
    std::filesystem::remove_all(folder);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == (folder / "kiosk.toml").string() + ": [server] ca_file " +
                                         (folder / "office-ca.pem").string() + " cannot be read");
    REQUIRE(present.ok());
    CHECK(present.value().server_ca_file == (folder / "office-ca.pem").string());
}
