// Parses the kiosk's TOML config with toml++, which reports line and column.
#include "core/config.hpp"

#include "core/pin_guard.hpp"
#include "core/server_trust.hpp"

#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

namespace kiosk {
namespace {

std::string where(const std::string& source, const toml::source_region& region)
{
    return source + ":" + std::to_string(region.begin.line);
}

// Reads the optional key `table.key` into `out`; a wrong type is an error.
template <typename T>
bool read_field(const toml::table& root, const char* table, const char* key, T& out,
                const std::string& source, std::string& error)
{
    const toml::node* node = root.at_path(std::string(table) + "." + key).node();
    if (!node)
        return true;
    if (auto value = node->value<T>()) {
        out = *value;
        return true;
    }
    error = where(source, node->source()) + ": [" + table + "] " + key + " has the wrong type";
    return false;
}

std::string line_of(const toml::table& root, const char* path, const std::string& source)
{
    const toml::node* node = root.at_path(path).node();
    return node ? where(source, node->source()) : source;
}

} // namespace

Result<KioskConfig> parse_config(std::string_view text, const std::string& source_name)
{
    toml::table root;
    try {
        root = toml::parse(text, source_name);
    } catch (const toml::parse_error& e) {
        return Error{source_name + ":" + std::to_string(e.source().begin.line) + ": " +
                     std::string(e.description())};
    }

    // The unsalted SHA-256 of older kiosks is refused outright rather than
    // ignored, so an upgraded kiosk never runs with a PIN nobody set.
    if (const toml::node* old = root.at_path("admin.pin_sha256").node())
        return Error{where(source_name, old->source()) +
                     ": [admin] pin_sha256 is no longer accepted (an unsalted SHA-256 is guessed in moments); "
                     "replace it with pin_hash = \"<output of: kiosk --hash-pin>\""};

    KioskConfig config;
    std::string error;
    std::string language = std::string(language_code(config.default_language));
    double width_mm = config.screen_width_mm, height_mm = config.screen_height_mm,
           lower_edge_mm = config.screen_lower_edge_mm;
    int64_t idle = config.idle_timeout_s, idle_large = config.idle_timeout_large_text_s,
            countdown = config.countdown_s;
    std::string zh_cn_voice = "mandarin", zh_hk_voice = "cantonese";
    int64_t attract_after = config.attract_after_s, attract_slide = config.attract_slide_s;
    int64_t fee_failures = config.fees_lockout_failures, fee_lock_s = config.fees_lockout_s,
            fee_poll_ms = config.fees_poll_interval_ms, fee_free = config.fees_free_tries,
            fee_delay_s = config.fees_delay_s, fee_window_s = config.fees_lockout_window_s;

    bool ok = read_field(root, "kiosk", "id", config.kiosk_id, source_name, error) &&
              read_field(root, "kiosk", "language", language, source_name, error) &&
              read_field(root, "server", "url", config.server_url, source_name, error) &&
              read_field(root, "server", "token", config.server_token, source_name, error) &&
              read_field(root, "server", "token_file", config.server_token_file, source_name, error) &&
              read_field(root, "server", "ca_file", config.server_ca_file, source_name, error) &&
              read_field(root, "server", "pin_sha256", config.server_pin_sha256, source_name, error) &&
              read_field(root, "server", "allow_plain_http", config.server_allow_plain_http, source_name, error) &&
              read_field(root, "estate", "name", config.estate_name, source_name, error) &&
              read_field(root, "screen", "width_mm", width_mm, source_name, error) &&
              read_field(root, "screen", "height_mm", height_mm, source_name, error) &&
              read_field(root, "screen", "lower_edge_mm", lower_edge_mm, source_name, error) &&
              read_field(root, "session", "idle_timeout_s", idle, source_name, error) &&
              read_field(root, "session", "idle_timeout_large_text_s", idle_large, source_name, error) &&
              read_field(root, "session", "countdown_s", countdown, source_name, error) &&
              read_field(root, "session", "elderly_mode", config.elderly_default, source_name, error) &&
              read_field(root, "speech", "enabled", config.speech_enabled, source_name, error) &&
              read_field(root, "speech", "zh_cn_voice", zh_cn_voice, source_name, error) &&
              read_field(root, "speech", "zh_hk_voice", zh_hk_voice, source_name, error) &&
              read_field(root, "attract", "after_s", attract_after, source_name, error) &&
              read_field(root, "attract", "slide_s", attract_slide, source_name, error) &&
              read_field(root, "admin", "pin_hash", config.admin_pin_hash, source_name, error) &&
              read_field(root, "store", "path", config.store_path, source_name, error) &&
              read_field(root, "store", "key_file", config.store_key_file, source_name, error) &&
              read_field(root, "fees", "free_tries", fee_free, source_name, error) &&
              read_field(root, "fees", "delay_s", fee_delay_s, source_name, error) &&
              read_field(root, "fees", "lockout_failures", fee_failures, source_name, error) &&
              read_field(root, "fees", "lockout_window_s", fee_window_s, source_name, error) &&
              read_field(root, "fees", "lockout_s", fee_lock_s, source_name, error) &&
              read_field(root, "fees", "poll_interval_ms", fee_poll_ms, source_name, error);
    if (!ok)
        return Error{error};

    auto language_value = language_from_code(language);
    if (!language_value)
        return Error{line_of(root, "kiosk.language", source_name) + ": [kiosk] language must be zh-CN, zh-HK or en"};
    config.default_language = *language_value;

    if (width_mm < 100 || width_mm > 2000 || height_mm < 100 || height_mm > 2000)
        return Error{line_of(root, "screen", source_name) + ": [screen] width_mm and height_mm must be between 100 and 2000"};
    // Stored as portrait; a landscape window swaps them at run time.
    config.screen_width_mm = std::min(width_mm, height_mm);
    config.screen_height_mm = std::max(width_mm, height_mm);
    if (lower_edge_mm < 0 || lower_edge_mm > 1500)
        return Error{line_of(root, "screen.lower_edge_mm", source_name) +
                     ": [screen] lower_edge_mm (the panel's lower edge above the floor) must be 0..1500"};
    config.screen_lower_edge_mm = lower_edge_mm;

    if (idle < 10 || idle > 3600 || idle_large < idle || idle_large > 3600)
        return Error{line_of(root, "session", source_name) +
                     ": [session] idle_timeout_s must be 10..3600 and idle_timeout_large_text_s at least as long"};
    if (countdown < 5 || countdown > 120)
        return Error{line_of(root, "session.countdown_s", source_name) + ": [session] countdown_s must be 5..120"};
    config.idle_timeout_s = static_cast<int>(idle);
    config.idle_timeout_large_text_s = static_cast<int>(idle_large);
    config.countdown_s = static_cast<int>(countdown);
    if (attract_after != 0 && (attract_after < 10 || attract_after > 86400))
        return Error{line_of(root, "attract.after_s", source_name) + ": [attract] after_s must be 0 (never) or 10..86400"};
    if (attract_slide < 3 || attract_slide > 600)
        return Error{line_of(root, "attract.slide_s", source_name) + ": [attract] slide_s must be 3..600"};
    config.attract_after_s = static_cast<int>(attract_after);
    config.attract_slide_s = static_cast<int>(attract_slide);

    for (auto [key, word, voice] : {std::tuple{"zh_cn_voice", &zh_cn_voice, &config.speech_zh_cn},
                                    std::tuple{"zh_hk_voice", &zh_hk_voice, &config.speech_zh_hk}}) {
        const auto chosen = chinese_voice_from_word(*word);
        if (!chosen)
            return Error{line_of(root, (std::string("speech.") + key).c_str(), source_name) + ": [speech] " + key +
                         " must be \"mandarin\" or \"cantonese\""};
        *voice = *chosen;
    }

    if (fee_free < 1 || fee_free > 20)
        return Error{line_of(root, "fees.free_tries", source_name) + ": [fees] free_tries must be 1..20"};
    if (fee_delay_s < 1 || fee_delay_s > 3600)
        return Error{line_of(root, "fees.delay_s", source_name) + ": [fees] delay_s must be 1..3600"};
    if (fee_failures < 1 || fee_failures > 100)
        return Error{line_of(root, "fees.lockout_failures", source_name) + ": [fees] lockout_failures must be 1..100"};
    if (fee_window_s < 60 || fee_window_s > 86400)
        return Error{line_of(root, "fees.lockout_window_s", source_name) + ": [fees] lockout_window_s must be 60..86400"};
    if (fee_lock_s < 10 || fee_lock_s > 86400)
        return Error{line_of(root, "fees.lockout_s", source_name) + ": [fees] lockout_s must be 10..86400"};
    if (fee_poll_ms < 200 || fee_poll_ms > 60000)
        return Error{line_of(root, "fees.poll_interval_ms", source_name) + ": [fees] poll_interval_ms must be 200..60000"};
    config.fees_free_tries = static_cast<int>(fee_free);
    config.fees_delay_s = static_cast<int>(fee_delay_s);
    config.fees_lockout_window_s = static_cast<int>(fee_window_s);
    config.fees_lockout_failures = static_cast<int>(fee_failures);
    config.fees_lockout_s = static_cast<int>(fee_lock_s);
    config.fees_poll_interval_ms = static_cast<int>(fee_poll_ms);

    if (auto problem = server_trust_problem(config))
        return Error{line_of(root, "server.url", source_name) + ": " + *problem};
    // No token is fine: the kiosk starts and waits for an enrolment code.
    if (config.server_token_file.empty())
        return Error{line_of(root, "server.token_file", source_name) + ": [server] token_file is empty"};
    if (!is_argon2id_hash(config.admin_pin_hash))
        return Error{line_of(root, "admin.pin_hash", source_name) +
                     ": [admin] pin_hash must be an Argon2id hash ($argon2id$v=19$m=...); make one with: kiosk --hash-pin"};
    if (config.store_path.empty())
        return Error{line_of(root, "store", source_name) + ": [store] path is empty"};
    if (config.store_key_file.empty())
        return Error{line_of(root, "store.key_file", source_name) + ": [store] key_file is empty"};
    return config;
}

Result<KioskConfig> load_config(const std::string& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return Error{path + ": cannot open the config file"};
    std::stringstream buffer;
    buffer << file.rdbuf();
    auto config = parse_config(buffer.str(), path);
    // A relative store path (and key file) belongs next to the config,
    // wherever the kiosk was started from.
    const auto beside_config = [&path](std::string& field) {
        if (std::filesystem::path(field).is_relative())
            field = (std::filesystem::path(path).parent_path() / field).lexically_normal().string();
    };
    if (config) {
        beside_config(config.value().store_path);
        beside_config(config.value().store_key_file);
        beside_config(config.value().server_token_file);
        std::string& ca_file = config.value().server_ca_file;
        if (!ca_file.empty()) {
            beside_config(ca_file);
            // Said at start, not as a vague TLS failure on every request later.
            if (!std::ifstream(ca_file, std::ios::binary))
                return Error{path + ": [server] ca_file " + ca_file + " cannot be read"};
        }
    }
    return config;
}

} // namespace kiosk
