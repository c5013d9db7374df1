// Bench modes.
#include "app/bench_modes.hpp"

#include "app/gl_helpers.hpp"
#include "core/text_entry.hpp"
#include "ui/frame_record.hpp"
#include "ui/image_cache.hpp"

#include <string>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>


namespace kiosk::app {
namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    std::size_t index = static_cast<std::size_t>(p * (values.size() - 1) + 0.5);
    return values[index];
}

void print_timings(const char* label, const std::vector<FrameTiming>& timings)
{
    std::vector<double> imgui, gl;
    for (const auto& t : timings) {
        imgui.push_back(t.imgui_ms);
        gl.push_back(t.gl_ms);
    }
    std::printf("frames_%s=%zu imgui_cpu_ms_p50=%.3f imgui_cpu_ms_p99=%.3f gl_render_ms_p50=%.2f gl_render_ms_p99=%.2f\n",
                label, timings.size(), percentile(imgui, 0.5), percentile(imgui, 0.99), percentile(gl, 0.5),
                percentile(gl, 0.99));
}

} // namespace

long long monotonic_ns()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<long long>(ts.tv_sec) * 1'000'000'000LL + ts.tv_nsec;
}

long long unix_ns()
{
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<long long>(ts.tv_sec) * 1'000'000'000LL + ts.tv_nsec;
}

int run_frame_bench(KioskApp& app, int frames)
{
    // Measure the screen people see: with the server's data (the banner).
    app.wait_until([&] { return app.sync_status().last_sync_utc != 0; }, 5000);
    app.settle();
    app.record_timings(true);
    for (int i = 0; i < frames; ++i)
        app.render_frame();
    app.record_timings(false);
    print_timings("home", app.timings());
    std::fflush(stdout);

    // Open the PIN dialog with the hidden gesture: a dialog over the screen.
    for (int i = 0; i < 5; ++i) {
        app.press({5, 5});
        app.render_frame();
        app.release({5, 5});
        app.render_frame();
    }
    app.settle();
    std::vector<FrameTiming> before = app.timings();
    app.record_timings(true);
    for (int i = 0; i < frames; ++i)
        app.render_frame();
    app.record_timings(false);
    std::vector<FrameTiming> dialog(app.timings().begin() + static_cast<long>(before.size()), app.timings().end());
    print_timings("pin_dialog", dialog);
    return 0;
}

namespace {

long rss_kb()
{
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    long kb = -1;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "VmRSS: %ld kB", &kb) == 1)
            break;
    std::fclose(f);
    return kb;
}

bool tap_target(KioskApp& app, const std::string& id)
{
    app.settle();
    const ui::DrawnTarget* target = app.last_frame().find_target(id);
    if (!target)
        return false;
    const Point p{(target->rect.x + target->rect.z) * 0.5f, (target->rect.y + target->rect.w) * 0.5f};
    app.press(p);
    app.render_frame();
    app.release(p);
    app.render_frame();
    app.settle();
    return true;
}

} // namespace

int run_notices_bench(KioskApp& app, int frames)
{
    // The first pull of a thousand notices and their pictures.
    if (!app.wait_until([&] { return app.sync_status().last_sync_utc != 0; }, 120000)) {
        std::fprintf(stderr, "notices bench: no pull completed\n");
        return 1;
    }
    app.settle();
    std::printf("rss_kb_home_synced=%ld\n", rss_kb());
    if (!tap_target(app, "settings.text_size") || !tap_target(app, "settings.text_size") ||
        !tap_target(app, "home.tile.notices")) {
        std::fprintf(stderr, "notices bench: home targets not found\n");
        return 1;
    }
    for (int i = 0; i < 4; ++i)
        app.render_frame();  // the 2x atlas with every title's characters
    int rows = 0;
    for (const ui::DrawnTarget& t : app.last_frame().targets)
        rows += t.id.rfind("notices.row.", 0) == 0 ? 1 : 0;

    // A finger dragging up and down the list, a frame every 16 ms.
    const Point start{app.width() * 0.5f, app.height() * 0.6f};
    const std::size_t before = app.timings().size();
    app.record_timings(true);
    app.press(start);
    app.render_frame();
    int rows_max = 0;
    for (int i = 0; i < frames; ++i) {
        const float phase = static_cast<float>(i % 120) / 120.0f;  // down 60 frames, up 60 frames
        const float dy = (phase < 0.5f ? phase : 1.0f - phase) * -2.0f * app.height() * 0.5f;
        app.advance_clock(16);
        app.move({start.x, start.y + dy});
        app.render_frame();
        int drawn = 0;
        for (const ui::DrawnTarget& t : app.last_frame().targets)
            drawn += t.id.rfind("notices.row.", 0) == 0 ? 1 : 0;
        rows_max = std::max(rows_max, drawn);
    }
    app.release(start);
    app.record_timings(false);
    std::vector<FrameTiming> drag(app.timings().begin() + static_cast<long>(before), app.timings().end());
    std::printf("notice_rows_in_first_frame=%d notice_rows_laid_out_max=%d\n", rows, rows_max);
    print_timings("notices_drag_2x", drag);
    std::printf("rss_kb_list_2x=%ld\n", rss_kb());
    std::fflush(stdout);

    // Every notice with a picture, opened once (its texture made and kept while used).
    int opened = 0;
    for (int i = 0; i < 1000; i += 20) {  // the bench gives every 20th notice a picture
        app.open_notice_for_bench("N-bench-" + std::to_string(i));
        app.render_frame();
        app.render_frame();
        ++opened;
    }
    std::printf("details_opened=%d pictures_held=%zu picture_pixels_held=%zu rss_kb_after_pictures=%ld\n", opened,
                ui::pictures_held(), ui::picture_pixels_held(), rss_kb());
    std::fflush(stdout);
    return 0;
}

namespace {

// A finger on a target through the real loop (KioskApp::run): the frames a
// person would see, drawn on demand, with the workers' wakes handled.
bool touch_in_loop(KioskApp& app, const std::string& id)
{
    const ui::DrawnTarget* target = app.last_frame().find_target(id);
    if (!target)
        return false;
    const Point p{(target->rect.x + target->rect.z) * 0.5f, (target->rect.y + target->rect.w) * 0.5f};
    app.press(p);
    app.run(60);
    app.release(p);
    app.run(140);  // about five keys a second
    return true;
}

// Runs the real loop in short slices until `done` holds; false after `ms`.
template <typename Done>
bool loop_until(KioskApp& app, Done done, int ms)
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (!done()) {
        if (std::chrono::steady_clock::now() >= until)
            return false;
        app.run(2);
    }
    return true;
}

// Every character of the shown candidates is in the atlas drawn with (as
// far as the font has it: a character it lacks stays the fallback).
bool candidates_have_glyphs(KioskApp& app)
{
    for (const std::string& label : app.text_pad().candidates())
        if (!app.atlas_holds(label))
            return false;
    return true;
}

} // namespace

int run_pad_bench(KioskApp& app, int rounds)
{
    app.settle();
    if (!tap_target(app, "settings.text_size") || !tap_target(app, "settings.text_size")) {
        std::fprintf(stderr, "pad bench: no text size switch on home\n");
        return 1;
    }
    app.run(500);
    const long rss_home_before = rss_kb();
    const std::uint64_t drawn_before = app.frames_drawn();
    app.clear_timings();
    app.record_timings(true);
    TextLimits limits;
    limits.max_chars = 1000;
    app.text_pad().open("bench.field", TextKind::ChineseText, "", limits);
    app.render_frame();  // opened from outside: nothing asked the loop for a frame
    app.run(300);
    // Syllables whose candidates bring many characters new to the screen.
    static const char* const syllables[] = {"zhang", "xiao", "qu", "jiong", "wei", "xiu", "shui", "guan", "lou",
                                            "dian", "ti", "men", "jin", "ting", "che", "ye", "fei", "yang", "lao",
                                            "ren", "kuai", "di", "zhu", "hu", "ming", "bing", "xun", "que", "lin",
                                            "zhen"};
    std::vector<double> glyph_ms;
    std::vector<double> glyph_frames;
    int words = 0, skipped = 0;
    for (int round = 0; round < rounds; ++round) {
        for (const char* syllable : syllables) {
            for (const char* key = syllable; *key; ++key)
                if (!touch_in_loop(app, std::string("pad.key.") + *key)) {
                    std::fprintf(stderr, "pad bench: no key %c\n", *key);
                    return 1;
                }
            if (!loop_until(app, [&] { return app.last_frame().find_target("pad.cand.1") != nullptr; }, 10000)) {
                std::fprintf(stderr, "pad bench: no candidates for %s (skipped)\n", syllable);
                touch_in_loop(app, "pad.clear");
                ++skipped;
                continue;
            }
            // From the first frame that showed the list to the frame whose
            // atlas holds all its characters.
            const auto shown = std::chrono::steady_clock::now();
            const std::uint64_t shown_frame = app.frames_drawn();
            loop_until(app, [&] { return candidates_have_glyphs(app); }, 5000);
            glyph_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - shown).count());
            glyph_frames.push_back(static_cast<double>(app.frames_drawn() - shown_frame));
            // A less likely candidate, as people often need.
            touch_in_loop(app, "pad.cand." + std::to_string(1 + words % 2));
            ++words;
        }
    }
    app.record_timings(false);
    // The whole frame, and its UI work alone (font atlas, our UI, ImGui):
    // the GL draw is llvmpipe's software rasteriser here, as slow as the
    // machine is busy; a kiosk's GPU takes it off the CPU.
    std::vector<double> frame_ms, work_ms, atlas_ms;
    int over_33 = 0, over_50 = 0;
    for (const FrameTiming& t : app.timings()) {
        frame_ms.push_back(t.frame_ms);
        work_ms.push_back(t.frame_ms - t.gl_ms);
        atlas_ms.push_back(t.atlas_ms);
        over_33 += t.frame_ms - t.gl_ms > 33.3 ? 1 : 0;
        over_50 += t.frame_ms - t.gl_ms > 50 ? 1 : 0;
    }
    const AtlasCounts& atlases = app.atlas_counts();
    std::printf("pad_bench_mode=%s words=%d frames=%zu\n",
                std::getenv("LOBBY_FONT_ATLAS") ? std::getenv("LOBBY_FONT_ATLAS") : "append", words, frame_ms.size());
    std::printf("ui_work_ms_p50=%.1f ui_work_ms_p99=%.1f ui_work_ms_max=%.1f (over 33 ms: %d, over 50 ms: %d) "
                "atlas_ms_p99=%.1f atlas_ms_max=%.1f\n",
                percentile(work_ms, 0.5), percentile(work_ms, 0.99), percentile(work_ms, 1.0), over_33, over_50,
                percentile(atlas_ms, 0.99), percentile(atlas_ms, 1.0));
    std::printf("frame_with_gl_ms_p50=%.1f frame_with_gl_ms_p99=%.1f frame_with_gl_ms_max=%.1f\n",
                percentile(frame_ms, 0.5), percentile(frame_ms, 0.99), percentile(frame_ms, 1.0));
    std::printf("atlases_in_frame=%llu atlases_background=%llu additions_appended=%llu additions_not_fitting=%llu "
                "builds_discarded=%llu\n",
                static_cast<unsigned long long>(atlases.in_frame), static_cast<unsigned long long>(atlases.background),
                static_cast<unsigned long long>(atlases.appended), static_cast<unsigned long long>(atlases.did_not_fit),
                static_cast<unsigned long long>(atlases.discarded));
    std::printf("whole_atlas_upload_slowest_band_ms=%.1f\n", atlases.slowest_upload_band_ms);
    std::printf("candidate_glyphs_after_list_ms_p50=%.0f ms_max=%.0f frames_p50=%.0f frames_max=%.0f\n",
                percentile(glyph_ms, 0.5), percentile(glyph_ms, 1.0), percentile(glyph_frames, 0.5),
                percentile(glyph_frames, 1.0));
    std::printf("frames_drawn_total=%llu syllables_skipped=%d\n",
                static_cast<unsigned long long>(app.frames_drawn() - drawn_before), skipped);
    std::fflush(stdout);
    // Back on home with the pad closed; engines unload after
    // LOBBY_INPUT_UNLOAD_S (60 s by default).
    const long rss_pad_used = rss_kb();
    app.text_pad().close();
    app.go_home_for_bench();  // the visit ends: the next person sees home
    app.run(300);
    loop_until(app, [&] { return !app.input_engines_loaded() && !app.atlas_building(); }, 90000);
    app.run(500);
    std::printf("rss_kb_home_before=%ld rss_kb_pad_used=%ld rss_kb_home_after=%ld (+%ld MB)\n", rss_home_before,
                rss_pad_used, rss_kb(), (rss_kb() - rss_home_before) / 1024);
    std::fflush(stdout);
    return 0;
}

int run_bare_window(const WindowOptions& options)
{
    std::string error;
    auto window = GlWindow::create(options, error);
    if (!window) {
        std::fprintf(stderr, "bare window: %s\n", error.c_str());
        return 1;
    }
    int w = 0, h = 0;
    window->drawable_size(w, h);
    begin_gl_frame(w, h, 0xFF000000u);
    window->swap();
    std::printf("first_frame_unix_ns=%lld\n", unix_ns());
    std::fflush(stdout);
    SDL_Event event;
    while (SDL_WaitEvent(&event))
        if (event.type == SDL_QUIT)
            break;
    return 0;
}

} // namespace kiosk::app
