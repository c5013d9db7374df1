// The kiosk application: owns the window, ImGui, fonts, the controller and the
// view models, and runs the render-on-demand loop. Input comes from SDL (run)
// or from a script (the press/release/frame calls used by script_runner).
#pragma once

#include "app/backend.hpp"
#include "app/feature_registry.hpp"
#include "app/gl_window.hpp"
#include "core/controller.hpp"
#include "core/locale.hpp"
#include "core/sync_status.hpp"
#include "core/touch_gesture.hpp"
#include "core/views.hpp"
#include "input/input_service.hpp"
#include "screens/screens.hpp"
#include "speech/speech_engine.hpp"
#include "ui/atlas_append.hpp"
#include "ui/atlas_worker.hpp"
#include "ui/fonts.hpp"
#include "ui/frame_record.hpp"
#include "ui/text_pad.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::app {

struct FrameTiming {
    double imgui_ms;  // NewFrame .. Render: our UI code and ImGui
    double gl_ms;     // RenderDrawData + glFinish: the GPU (llvmpipe here)
    double frame_ms;  // the whole frame on the UI thread: font atlas work, the above, the swap
    double atlas_ms;  // of which the font atlas (a build in this frame, or taking a built one in)
};

// Font atlases built so far, and how.
struct AtlasCounts {
    std::uint64_t in_frame = 0;       // built on the UI thread (first one, text size, language)
    std::uint64_t background = 0;     // whole atlases built by the worker and swapped in
    std::uint64_t appended = 0;       // additions (new characters alone) appended to the atlas shown
    std::uint64_t did_not_fit = 0;    // additions with no room left: a whole atlas followed
    std::uint64_t discarded = 0;      // built by the worker for a size (or atlas) no longer shown
    double last_background_ms = 0;    // the worker's last build
    double slowest_upload_band_ms = 0;  // the longest band of a whole atlas's upload
};

class KioskApp {
public:
    // `config` is the one every part reads; the app puts the office's remote
    // settings over the file's values in it (between two people).
    KioskApp(KioskConfig& config, const Catalog& catalog, const FeatureRegistry& registry, Backend& backend);
    ~KioskApp();

    // Stops every thread that can push an SDL event (live requests, the sync
    // worker), then takes down ImGui, the GL context and the window. Called
    // by the destructor too; SDL itself stays up (SdlSession, in main).
    void shutdown();

    // Opens the window and ImGui; false with `error` on failure.
    bool start(const WindowOptions& window, const std::string& font_path, const std::string& icon_font_path,
               std::string& error);

    // The interactive loop: returns when the admin chose Exit or SDL quits,
    // or (tests) after `for_ms` of real time.
    void run(int for_ms = -1);

    // [Script interface] Input at a point in window pixels, then frames.
    void press(Point p);
    void move(Point p);
    void release(Point p);
    void render_frame();
    void settle();  // render until nothing is pending (bounded)
    // ImGui would lay the next frame out differently (a dialog still sizing
    // itself): the loop must not have stopped drawing in such a state.
    bool imgui_unsettled() const;
    // Waits up to `timeout_ms` of real time, handling events and drawing as
    // the interactive loop would, until `done()` holds; false on timeout.
    bool wait_until(const std::function<bool()>& done, int timeout_ms);
    SyncStatus sync_status() const { return m_backend.status(); }
    void advance_clock(std::int64_t ms) { m_clock_offset_ms += ms; }
    // Moves the clock on and lets timers fire and changes draw (frames only
    // for what changed: a long advance draws nothing while nothing shows it).
    void step_clock(std::int64_t ms);
    // How long until the controller's next timed change (the attract
    // slide's turn, the idle countdown's next second); INT64_MAX when none.
    std::int64_t ms_to_next_tick() const;
    std::int64_t now_utc_ms() const;  // real UTC plus the script's clock offset
    void resize(int width, int height);
    bool screenshot(const std::string& path, std::string& error);
    const ui::FrameRecord& last_frame() const { return m_last_record; }
    const AppState& state() const { return m_controller.state(); }
    const Controller& controller() const { return m_controller; }
    const Views& views() const { return m_views; }  // what the last frame was drawn from
    int width() const { return m_width; }  // drawable px
    void window_size(int& width, int& height) const { SDL_GetWindowSize(m_window->sdl(), &width, &height); }
    const ScreenMetrics& metrics() const { return m_metrics; }
    const KioskConfig& config() const { return m_config; }
    // [Read-aloud] What was last handed to the speech engine (after the
    // reading rules), and the engine (nullptr when [speech] enabled = false).
    const std::string& last_spoken() const { return m_last_spoken; }
    const std::string& last_voice() const { return m_last_voice; }  // espeak-ng's name: cmn, yue, en
    const speech::SpeechEngine* speech() const { return m_speech.get(); }
    // The one text pad (script mode types on it, the harness opens it).
    ui::TextPad& text_pad() { return *m_pad; }
    bool input_engines_loaded() const { return m_input && m_input->any_loaded(); }
    const ui::FontSet& fonts() const;
    int height() const { return m_height; }

    // [Loop counters] Frames drawn (swapped) and wake events handled so far.
    std::uint64_t frames_drawn() const { return m_frames_drawn; }
    std::uint64_t wakes() const { return m_wakes; }
    // Window events that asked for a redraw (another window on the display
    // exposed this one): a frame drawn for them is not an idle redraw.
    std::uint64_t window_redraws() const { return m_window_redraws; }
    // Asks the sync worker for a pull; thread-safe (the loop test's thread).
    void request_pull() { m_backend.effects().pull_now(); }
    // The layout matrix turns 长者模式 on and off on every screen; a person
    // does it with the switch on home.
    void toggle_elderly_for_script();
    // The bench opens each notice with a picture as the home banner's tap does.
    void open_notice_for_bench(const std::string& id) { m_controller.apply(RequestOpenItem{"notices", id}, now_ms()); }
    // The pad bench ends the visit as 首页 does (the next person starts).
    void go_home_for_bench() { m_controller.apply(RequestHome{}, now_ms()); }

    // [Bench interface]
    // Prints a line for each frame drawn (the idle bench counts them).
    void report_frames(bool on) { m_report_frames = on; }
    // Called once, right after the first frame reached the screen.
    void on_first_frame(std::function<void()> callback) { m_on_first_frame = std::move(callback); }
    void record_timings(bool on) { m_record_timings = on; }
    const std::vector<FrameTiming>& timings() const { return m_timings; }
    void clear_timings() { m_timings.clear(); }
    const AtlasCounts& atlas_counts() const { return m_atlas_counts; }
    // Every character of `text` is in the atlas drawn with (the bench).
    bool atlas_holds(std::string_view text) const { return m_fonts.built_covers(text); }
    // [Script interface] Characters new to the screen, as a drawn text
    // brings them: the worker starts on an atlas with them; true if it did.
    bool want_text_for_script(const std::string& text);
    // A font atlas is being built in the background or waits to be swapped in.
    bool atlas_building() const
    {
        return (m_atlas_worker && m_atlas_worker->busy()) || m_next_atlas || m_staged_atlas;
    }

    // Registers the SDL event that wake() pushes. Call once after SDL started
    // and before any thread that may call wake() (Backend::open) starts.
    static bool register_wake_event(std::string& error);
    // Wakes a blocked loop from another thread (the sync worker).
    static void wake();

private:
    std::int64_t now_ms() const;
    std::int64_t now_utc_s() const;
    void handle_event(const SDL_Event& event);
    void update(bool force_views);
    void rebuild_fonts_if_needed();
    void build_atlas_now(float body_px, Language language);
    bool take_built_atlas();
    void swap_in_built_atlas();
    void append_built_glyphs(ui::AtlasWorker::Built& built);
    void start_atlas_build();
    // `texture`: the atlas's pixels already on the GPU (a staged upload);
    // 0 uploads them here.
    void install_atlas(std::unique_ptr<ImFontAtlas> atlas, const ui::FontSet& fonts, unsigned texture = 0);
    void upload_staged_band();
    void drop_staged_atlas();
    void apply_requests();
    void take_answers(std::int64_t now);  // answers to online calls, applied like requests
    bool in_admin_corner(Point p) const;
    void speak(const std::vector<std::string>& pieces);

    KioskConfig& m_config;
    const KioskConfig m_file_config;  // the config file's values: what remote settings are put over
    RemoteSettings m_applied_remote;
    const Catalog& m_catalog;
    Backend& m_backend;
    screens::FeatureScreenMap m_feature_screens;
    CachedData m_cache;
    // When the cached data changes by time alone (a notice's end): read again then.
    std::int64_t m_cache_stale_at_utc = INT64_MAX;
    // The touch that ended the attract screen: its move and lift are taken too.
    bool m_swallowing_touch = false;
    Controller m_controller;
    std::unique_ptr<GlWindow> m_window;
    // The text pads' engines on their own thread, and the one pad.
    std::unique_ptr<input::InputService> m_input;
    std::unique_ptr<ui::TextPad> m_pad;
    ui::FontLibrary m_fonts;
    // The atlas drawn with (io.Fonts points at it) and the one being built.
    std::unique_ptr<ImFontAtlas> m_atlas;
    ImFontAtlas* m_context_atlas = nullptr;  // ImGui's own, given back before it is destroyed
    std::unique_ptr<ui::AtlasWorker> m_atlas_worker;
    std::optional<ui::AtlasWorker::Built> m_next_atlas;  // built, swapped in by the next frame
    // A whole atlas from the worker goes up to its own texture a band of rows
    // at a time between frames (one upload of 16 MB took up to 70 ms under
    // software GL); the atlas shown is drawn with until the last band.
    struct StagedAtlas {
        ui::AtlasWorker::Built built;
        unsigned texture = 0;
        int next_row = 0;
        int bands = 0;
        double slowest_band_ms = 0;
    };
    std::optional<StagedAtlas> m_staged_atlas;
    ui::FontSet m_atlas_fonts;   // the fonts of m_atlas
    ui::AtlasShelves m_shelves;  // where additions go in its free rows
    std::uint64_t m_atlas_generation = 0;  // which m_atlas an addition was built for
    bool m_atlas_full = false;   // an addition did not fit: the next build is whole
    std::uint64_t m_fonts_session = 0;  // the visit whose characters the atlas holds
    bool m_shrink_atlas_due = false;    // a visit ended: rebuild smaller after the next frame
    // How new characters enter the atlas (LOBBY_FONT_ATLAS; the pad bench
    // compares them): appended by the worker (default), a whole atlas by the
    // worker ("whole"), or a whole atlas inside the frame as before the
    // worker ("in_frame").
    enum class AtlasMode { Append, Whole, InFrame };
    AtlasMode m_atlas_mode = AtlasMode::Append;
    bool m_atlas_in_frame = false;  // m_atlas_mode == InFrame
    AtlasCounts m_atlas_counts;
    double m_frame_atlas_ms = 0;
    TouchGesture m_gesture;
    Requests m_requests;
    Views m_views;
    ui::FrameRecord m_last_record;

    int m_width = 0, m_height = 0;
    ScreenMetrics m_metrics;
    unsigned m_font_texture = 0;
    // What ImGui's style was last built for; empty until the first frame.
    struct StyledFor {
        DisplayMode mode;
        float px_per_mm;
    };
    std::optional<StyledFor> m_styled_for;

    std::uint64_t m_built_state_version = 0;
    std::uint64_t m_built_sync_version = UINT64_MAX;
    std::uint64_t m_built_store_version = UINT64_MAX;
    std::int64_t m_built_minute = -1;
    int m_built_idle_seconds = -1;
    std::int64_t m_built_pin_seconds = -1;
    ScreenId m_built_screen = screen::home;
    std::uint64_t m_pad_session = 0;  // the session the pad was last seen in
    int m_frames_pending = 2;
    std::uint64_t m_frames_drawn = 0;
    std::uint64_t m_wakes = 0;
    std::uint64_t m_window_redraws = 0;
    bool m_report_frames = false;
    std::int64_t m_clock_offset_ms = 0;
    std::uint64_t m_last_frame_ticks = 0;

    bool m_quit = false;
    std::string m_pending_screenshot;
    bool m_screenshot_ok = false;
    std::string m_screenshot_error;

    std::unique_ptr<speech::SpeechEngine> m_speech;
    std::string m_last_spoken;
    std::string m_last_voice;

    std::function<void()> m_on_first_frame;
    bool m_record_timings = false;
    std::vector<FrameTiming> m_timings;
};

} // namespace kiosk::app
