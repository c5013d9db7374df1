// Bench modes.
#include "app/bench_modes.hpp"

#include "app/gl_helpers.hpp"

#include <algorithm>
#include <cstdio>
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
