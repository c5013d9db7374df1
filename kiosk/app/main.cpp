// Lobby Kiosk: set-up, loop, clean-up (as in Dear ImGui's SDL2 + OpenGL 3
// example). Everything else lives in KioskApp and the layers below it.
#include "app/backend.hpp"
#include "app/bench_modes.hpp"
#include "app/feature_registry.hpp"
#include "app/kiosk_app.hpp"
#include "app/script_runner.hpp"
#include "core/config.hpp"
#include "core/locale.hpp"
#include "core/pin_guard.hpp"
#include "core/server_trust.hpp"
#include "protocol/install_paths.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <malloc.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <exception>

namespace {

bool parse_size(const std::string& text, int& width, int& height)
{
    return std::sscanf(text.c_str(), "%dx%d", &width, &height) == 2 && width >= 200 && height >= 200;
}

// kiosk --hash-pin: reads the new admin PIN from stdin (never from the
// command line, where `ps` and the shell history would keep it) and prints
// the line to paste into [admin] pin_hash.
int print_pin_hash()
{
    std::string pin;
    std::getline(std::cin, pin);
    while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' '))
        pin.pop_back();
    auto hash = kiosk::hash_pin(pin);
    if (!hash) {
        std::fprintf(stderr, "kiosk: %s\n", hash.error().message.c_str());
        return 2;
    }
    std::printf("%s\n", hash.value().c_str());
    return 0;
}

int run_kiosk(int argc, char** argv)
{
    const long long started_ns = kiosk::app::monotonic_ns();
    // Font atlases (2-20 MB of pixels each) come and go as characters come
    // and visits end. glibc raises its mmap threshold after the first such
    // block is freed, and later ones then stay in the heap, resident, after
    // free (+19 MB on home after a pinyin visit, bench/input/pad_frames.sh).
    // A fixed threshold maps every big block on its own: freed, it is gone.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    CLI::App cli{"Lobby Kiosk: the lobby touchscreen of a residential estate"};
    // Installed (lobby-kiosk package): /etc/lobby-kiosk and /usr/share/lobby-kiosk;
    // from a build tree: the demo config and the source tree's words.
    const auto installed = lobby::protocol::installed_share_dir("lobby-kiosk");
    std::string config_path = installed ? "/etc/lobby-kiosk/kiosk.toml" : std::string(LOBBY_SOURCE_DIR) + "/assets/kiosk.toml";
    std::string locale_dir = installed.value_or(LOBBY_SOURCE_DIR) + "/locale";
    std::string font_path = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    std::string icon_font_path = "/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf";
    std::string window_size, script_path, screenshot_dir, store_path, key_file, server_url;
    int bench_frames = 0;
    int bench_notices = 0;
    int bench_pad = 0;
    bool report_startup = false, bare_window = false, hash_pin = false, report_frames = false;
    cli.add_option("--config", config_path, "Configuration file (TOML)");
    cli.add_option("--locale-dir", locale_dir, "Folder with zh-CN.json, zh-HK.json, en.json");
    cli.add_option("--store", store_path,
                   "Local store file (overrides [store] path; the key file then goes beside it)");
    cli.add_option("--key-file", key_file, "Phone-hash key file (overrides [store] key_file)");
    cli.add_option("--server-url", server_url, "Office server URL (overrides [server] url), e.g. http://127.0.0.1:8470");
    cli.add_option("--font", font_path, "Noto Sans CJK collection (fonts-noto-cjk)");
    cli.add_option("--icon-font", icon_font_path, "Icon font (fonts-font-awesome); empty for none");
    cli.add_option("--window", window_size, "Run in a window of WIDTHxHEIGHT instead of full screen");
    cli.add_option("--bench-pad", bench_pad,
                   "Benchmark: type pinyin at 2x text N times over, print frame times and RSS (bench/input)");
    cli.add_option("--script", script_path, "Run a UI test script and exit with its result");
    cli.add_option("--screenshot-dir", screenshot_dir, "Where script screenshots go");
    cli.add_option("--bench-frames", bench_frames, "Benchmark: draw N frames per scene and print timings");
    cli.add_option("--bench-notices", bench_notices,
                   "Benchmark: drag the notices list at 2x text for N frames, print timings and RSS (bench/notices)");
    cli.add_flag("--report-startup", report_startup, "Benchmark: print the time of the first frame");
    cli.add_flag("--report-frames", report_frames, "Benchmark: print a line for each frame drawn");
    cli.add_flag("--bare-window", bare_window, "Benchmark: open only an SDL/GL window (memory baseline)");
    cli.add_flag("--hash-pin", hash_pin,
                 "Read an admin PIN (6-8 digits) from stdin and print its hash for [admin] pin_hash");
    CLI11_PARSE(cli, argc, argv);
    if (hash_pin)
        return print_pin_hash();

    kiosk::app::WindowOptions window;
    if (!window_size.empty() && !parse_size(window_size, window.width, window.height)) {
        std::fprintf(stderr, "kiosk: --window wants WIDTHxHEIGHT, e.g. 1080x1920\n");
        return 2;
    }
    if (!kiosk::app::display_available()) {
        std::fprintf(stderr,
                     "kiosk: no display found (DISPLAY is not set).\n"
                     "  On a machine without a screen, run it under Xvfb:\n"
                     "    scripts/with-display %s --window 1080x1920\n",
                     argv[0]);
        return 2;
    }
    // SDL first, and the wake event registered, before any thread starts:
    // the sync worker (Backend::open) pushes that event from its own thread.
    // Declared first, so it is stopped last, after every worker joined.
    std::string error;
    auto sdl = kiosk::app::SdlSession::start(error);
    if (!sdl || !kiosk::app::KioskApp::register_wake_event(error)) {
        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        return 1;
    }
    if (bare_window)
        return kiosk::app::run_bare_window(window);

    auto config = kiosk::load_config(config_path);
    if (!config) {
        std::fprintf(stderr, "kiosk: %s\n", config.error().message.c_str());
        return 2;
    }
    auto catalog = kiosk::Catalog::load(locale_dir);
    if (!catalog) {
        std::fprintf(stderr, "kiosk: %s\n", catalog.error().message.c_str());
        return 2;
    }

    // A store moved elsewhere (UI tests use a temporary folder) takes its
    // key file along, so nothing is written beside the config.
    if (!store_path.empty()) {
        config.value().store_path = store_path;
        config.value().store_key_file = (std::filesystem::path(store_path).parent_path() / "kiosk.key").string();
        config.value().server_token_file = (std::filesystem::path(store_path).parent_path() / "kiosk.token").string();
    }
    if (!key_file.empty())
        config.value().store_key_file = key_file;
    if (!server_url.empty()) {
        if (server_url.rfind("http://", 0) != 0 && server_url.rfind("https://", 0) != 0) {
            std::fprintf(stderr, "kiosk: --server-url must start with http:// or https://\n");
            return 2;
        }
        config.value().server_url = server_url;
        // The same rules as the file's [server] url (plain http:// only to this machine, unless allowed).
        if (auto problem = kiosk::server_trust_problem(config.value())) {
            std::fprintf(stderr, "kiosk: --server-url: %s\n", problem->c_str());
            return 2;
        }
    }
    kiosk::app::FeatureRegistry registry(config.value());
    kiosk::app::register_features(registry);
    auto backend = kiosk::app::Backend::open(config.value(), registry, &kiosk::app::KioskApp::wake, error);
    if (!backend) {
        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        return 1;
    }
    kiosk::app::KioskApp app(config.value(), catalog.value(), registry, *backend);
    if (!app.start(window, font_path, icon_font_path, error)) {
        std::fprintf(stderr, "kiosk: %s\n", error.c_str());
        return 1;
    }
    if (report_startup) {
        app.on_first_frame([started_ns] {
            const long long now_ns = kiosk::app::monotonic_ns();
            std::printf("main_to_first_frame_ms=%.1f first_frame_unix_ns=%lld\n", (now_ns - started_ns) / 1e6,
                        kiosk::app::unix_ns());
            std::fflush(stdout);
        });
    }
    app.report_frames(report_frames);
    app.settle();
    int rc = 0;
    if (bench_frames > 0)
        rc = kiosk::app::run_frame_bench(app, bench_frames);
    else if (bench_notices > 0)
        rc = kiosk::app::run_notices_bench(app, bench_notices);
    else if (bench_pad > 0)
        rc = kiosk::app::run_pad_bench(app, bench_pad);
    else if (!script_path.empty())
        rc = kiosk::app::run_script(app, script_path, screenshot_dir);
    else
        app.run();
    // Workers join here, before the window and, after `sdl`, SDL go down.
    app.shutdown();
    return rc;
}

} // namespace

int main(int argc, char** argv)
{
    // Errors a person can fix are values with a message (above); anything
    // thrown is a bug: say what it was, and exit non-zero so the session
    // manager restarts the kiosk instead of leaving a frozen screen.
    try {
        return run_kiosk(argc, argv);
    } catch (const std::exception& e) {
        spdlog::critical("kiosk: stopped by an unexpected error: {}", e.what());
    } catch (...) {
        spdlog::critical("kiosk: stopped by an unexpected error of unknown type");
    }
    return 70;  // EX_SOFTWARE
}
