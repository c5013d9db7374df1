// KioskApp: the render-on-demand loop. It sleeps in SDL_WaitEventTimeout and
// draws only on input, a running animation, the minute tick, a countdown
// second, or a change in app state or sync status.
#include "app/kiosk_app.hpp"

#include "app/gl_helpers.hpp"
#include "core/spoken_text.hpp"
#include "protocol/install_paths.hpp"
#include "screens/screens.hpp"
#include "ui/atlas_append.hpp"
#include "ui/context.hpp"
#include "ui/image_cache.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <malloc.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cfloat>
#include <cstdio>
#include <utility>
#include <cstdlib>

namespace kiosk::app {
namespace {

// Written once on the main thread before any worker starts, read by workers.
constexpr Uint32 no_wake_event = static_cast<Uint32>(-1);
std::atomic<Uint32> g_wake_event{no_wake_event};

// Frames to draw after something changed. ImGui needs a second one only to
// settle a window whose size depends on its content (imgui_settling()).
constexpr int frames_after_change = 1;

// True when ImGui will lay out the next frame differently with the same
// input: a window was hidden this frame to measure itself (a dialog's first
// frame) or is still auto-fitting, a closing popup was drawn one last time,
// a scroll request waits for the next Begin(), or content changed size in a
// window that sizes itself to it (its size follows next frame) or that is
// scrolled (the scroll is clamped to the new content next frame). Read
// after Render(), before the next NewFrame().
bool imgui_settling()
{
    ImGuiContext& g = *GImGui;
    for (ImGuiWindow* window : g.Windows) {
        if (!window->Active)
            continue;
        if (window->Hidden || window->AutoFitFramesX > 0 || window->AutoFitFramesY > 0)
            return true;
        if (window->ScrollTarget.x != FLT_MAX || window->ScrollTarget.y != FLT_MAX)
            return true;
        if (window->Flags & ImGuiWindowFlags_Popup) {
            bool still_open = false;
            for (const ImGuiPopupData& popup : g.OpenPopupStack)
                still_open |= popup.Window == window;
            if (!still_open)
                return true;
        }
        // What Begin() will measure next frame (CalcWindowContentSizes).
        const ImVec2 start = window->DC.CursorStartPos;
        const auto next_size = [&](float explicit_size, float cursor_max, float ideal_max, float from) {
            return explicit_size != 0.0f ? explicit_size : IM_FLOOR(ImMax(cursor_max, ideal_max) - from);
        };
        const float next_x = next_size(window->ContentSizeExplicit.x, window->DC.CursorMaxPos.x,
                                       window->DC.IdealMaxPos.x, start.x);
        const float next_y = next_size(window->ContentSizeExplicit.y, window->DC.CursorMaxPos.y,
                                       window->DC.IdealMaxPos.y, start.y);
        const bool content_moved =
            ImFabs(next_x - window->ContentSizeIdeal.x) >= 1.0f || ImFabs(next_y - window->ContentSizeIdeal.y) >= 1.0f;
        const bool sizes_to_content =
            (window->Flags & ImGuiWindowFlags_AlwaysAutoResize) != 0 || window->AutoFitChildAxises != 0;
        const bool scrolled = window->Scroll.x != 0.0f || window->Scroll.y != 0.0f;
        if (content_moved && (sizes_to_content || scrolled))
            return true;
    }
    return false;
}

// Whether two view sets draw the same frame on `screen`: draw_frame draws the
// chrome, the fees dialogs on any screen, and the open screen's own view. The
// admin rows (the last sync time) change with every pull but are not drawn
// on home.
// What the open screen draws is the same: the frame, and the home, admin or
// feature view (each feature compares its own views).
bool same_drawing(const Views& a, const Views& b, const ScreenId& screen, const std::vector<FeatureCore>& features)
{
    if (a.attract != b.attract)
        return false;
    for (const FeatureCore& feature : features)  // the attract slide hides everything else
        if (!a.attract.empty() && feature.id == a.attract)
            return feature.same_attract && feature.same_attract(a.attract_view, b.attract_view);
    if (!(a.chrome == b.chrome))
        return false;
    if (screen == screen::home)
        return a.home == b.home;
    if (screen == screen::admin)
        return a.admin == b.admin;
    for (const FeatureCore& feature : features)
        if (feature.id == screen)
            return a.feature == b.feature && feature.same_view(a.feature_view, b.feature_view);
    return false;
}

double ms_between(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

} // namespace

KioskApp::KioskApp(KioskConfig& config, const Catalog& catalog, const FeatureRegistry& registry,
                   Backend& backend)
    : m_config(config), m_file_config(config), m_catalog(catalog), m_backend(backend), m_feature_screens(registry.screens()),
      m_controller(config, registry.cores(), backend.effects())
{
    m_controller.set_utc_clock([this] { return now_utc_s(); });
    // Each answer of the input worker wakes the loop, like a sync event.
    // Engines are unloaded a minute after the last pad closed (the memory
    // bench shortens it with LOBBY_INPUT_UNLOAD_S).
    const char* unload_s = std::getenv("LOBBY_INPUT_UNLOAD_S");
    const auto unload_after = std::chrono::milliseconds(unload_s && *unload_s ? std::atoi(unload_s) * 1000 : 60000);
    // Installed, the schemas deployed at build time ship in
    // /usr/share/lobby-kiosk/input-data (LOBBY_INPUT_DATA_DIR still wins).
    auto input_paths = input::InputPaths::defaults();
    const char* input_dir = std::getenv("LOBBY_INPUT_DATA_DIR");
    const auto installed = lobby::protocol::installed_share_dir("lobby-kiosk");
    if (!(input_dir && *input_dir) && installed)
        input_paths.data_dir = *installed + "/input-data";
    m_input = std::make_unique<input::InputService>(std::move(input_paths), [] { wake(); }, unload_after);
    m_pad = std::make_unique<ui::TextPad>(*m_input);
}

const ui::FontSet& KioskApp::fonts() const
{
    return ui::context().fonts;
}

KioskApp::~KioskApp()
{
    shutdown();
}

void KioskApp::shutdown()
{
    // Join the threads first: after this nothing calls wake() or the backend.
    m_backend.shutdown();
    if (ui::context().text_pad == m_pad.get())
        ui::context().text_pad = nullptr;
    m_pad.reset();
    m_input.reset();
    m_speech.reset();  // its worker, and its audio device before SDL goes
    m_atlas_worker.reset();  // a build under way finishes; nothing wakes the loop after this
    if (ImGui::GetCurrentContext()) {
        ui::release_pictures();
        drop_staged_atlas();
        delete_texture(m_font_texture);
        m_font_texture = 0;
        // ImGui destroys the atlas io.Fonts points at: its own, not ours.
        if (m_context_atlas)
            ImGui::GetIO().Fonts = m_context_atlas;
        ImGui_ImplOpenGL3_Shutdown();
        ImGui::DestroyContext();
    }
    m_next_atlas.reset();
    m_atlas.reset();
    m_window.reset();  // the GL context, then the window
}

bool KioskApp::register_wake_event(std::string& error)
{
    const Uint32 type = SDL_RegisterEvents(1);
    if (type == no_wake_event) {
        error = std::string("cannot register the wake event: ") + SDL_GetError();
        return false;
    }
    g_wake_event.store(type, std::memory_order_release);
    return true;
}

void KioskApp::wake()
{
    const Uint32 type = g_wake_event.load(std::memory_order_acquire);
    if (type == no_wake_event)
        return;
    SDL_Event event{};
    event.type = type;
    SDL_PushEvent(&event);  // thread-safe by SDL's contract
}

bool KioskApp::start(const WindowOptions& window, const std::string& font_path, const std::string& icon_font_path,
                     std::string& error)
{
    if (!m_fonts.open(font_path, error))
        return false;
    // Icons sit beside words, never instead of them: without the icon font
    // the kiosk still says everything.
    if (std::string icon_error; !icon_font_path.empty() && !m_fonts.open_icons(icon_font_path, icon_error))
        spdlog::warn("icons are not drawn: {}", icon_error);
    m_window = GlWindow::create(window, error);
    if (!m_window)
        return false;
    if (m_config.speech_enabled) {
        m_speech = std::make_unique<speech::SpeechEngine>();
        if (!m_speech->can_synthesize() || !m_speech->audio_available())
            spdlog::warn("read-aloud is silent: {}", m_speech->why_silent());
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing about a person is written to disk
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.BackendPlatformName = "lobby_kiosk_touch";
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        error = "cannot initialise ImGui's OpenGL 3 renderer";
        return false;
    }
    // Let the backend make its shaders now (it uploads ImGui's default font
    // as RGBA), then replace that texture with our own one-byte atlas.
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ui::set_texture_uploader({[](const unsigned char* rgba, int width, int height) {
                                  const unsigned texture = upload_rgba_texture(rgba, width, height);
                                  return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture));
                              },
                              [](ImTextureID texture) {
                                  delete_texture(static_cast<unsigned>(reinterpret_cast<intptr_t>(texture)));
                              }});

    m_context_atlas = io.Fonts;
    if (const char* mode = std::getenv("LOBBY_FONT_ATLAS"); mode && *mode) {
        const std::string name = mode;
        m_atlas_mode = name == "in_frame" ? AtlasMode::InFrame : name == "whole" ? AtlasMode::Whole : AtlasMode::Append;
    }
    m_atlas_in_frame = m_atlas_mode == AtlasMode::InFrame;
    m_atlas_worker = std::make_unique<ui::AtlasWorker>(m_fonts.sources(), [] { wake(); });
    m_fonts.want_always(m_catalog.all_text());
    m_fonts_session = m_controller.state().session_number;
    m_window->drawable_size(m_width, m_height);
    m_last_frame_ticks = SDL_GetPerformanceCounter();
    update(true);
    return true;
}

std::int64_t KioskApp::now_ms() const
{
    return static_cast<std::int64_t>(SDL_GetTicks64()) + m_clock_offset_ms;
}

std::int64_t KioskApp::now_utc_ms() const
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count() + m_clock_offset_ms;
}

std::int64_t KioskApp::now_utc_s() const
{
    return now_utc_ms() / 1000;
}

void KioskApp::update(bool force_views)
{
    const std::int64_t now = now_ms();
    take_answers(now);
    m_controller.tick(now);
    const AppState& state = m_controller.state();
    // A font atlas built in the background (its worker woke the loop) is
    // swapped in by the next frame.
    // A whole one starts its upload at once, between frames: frames follow
    // when its last band is up (none is drawn for the bands).
    if (take_built_atlas()) {
        if (m_next_atlas->addition)
            m_frames_pending = std::max(m_frames_pending, frames_after_change);
        else if (!m_staged_atlas)
            swap_in_built_atlas();
    }
    // The pad's engine answers arrive from the worker (it woke the loop).
    if (m_pad && (m_pad->take_answers() || m_pad->redraw_due(static_cast<double>(now) / 1000.0)))
        m_frames_pending = std::max(m_frames_pending, frames_after_change);
    // The pad belongs to the screen it was opened on: another screen, or
    // the next person, starts without it (and without what was typed).
    if (m_pad && m_pad->is_open() &&
        (state.session.screen() != m_built_screen || state.session_number != m_pad_session))
        m_pad->close();
    m_pad_session = state.session_number;
    // The visit ended: the characters it brought leave the atlas (memory,
    // and a name typed is not kept), after the next frame wanted its own.
    if (state.session_number != m_fonts_session) {
        m_fonts.forget_shown();
        m_shrink_atlas_due = true;
        m_fonts_session = state.session_number;
    }
    const std::int64_t minute = now_utc_s() / 60;
    const int idle_seconds = m_controller.idle_seconds_left(now);
    const PinPrompt& pin = state.session.pin;
    const std::int64_t pin_seconds = pin.open && now < pin.locked_until_ms ? (pin.locked_until_ms - now + 999) / 1000 : 0;
    const std::uint64_t sync_version = m_backend.status_version();
    const std::uint64_t store_version = m_backend.store_version();
    const ScreenId screen = state.session.screen();

    const bool cache_stale = now_utc_s() >= m_cache_stale_at_utc;
    if (!force_views && screen == m_built_screen && state.version == m_built_state_version && sync_version == m_built_sync_version &&
        store_version == m_built_store_version && minute == m_built_minute &&
        idle_seconds == m_built_idle_seconds && pin_seconds == m_built_pin_seconds && !cache_stale)
        return;

    // The cache is read only when it changed, each minute, or when something
    // in it ends (a notice's end time, also offline).
    if (force_views || store_version != m_built_store_version || minute != m_built_minute || cache_stale) {
        m_cache = m_backend.read_cache(now_utc_s());
        if (m_cache.remote != m_applied_remote) {  // the office changed this kiosk's settings
            m_applied_remote = m_cache.remote;
            m_config = with_remote_settings(m_file_config, m_applied_remote);
            m_controller.settings_changed();
        }
        m_cache_stale_at_utc = INT64_MAX;
        for (const FeatureCore& feature : m_controller.features()) {
            auto cached = m_cache.features.find(feature.id);
            if (feature.cache_changes_at_utc && cached != m_cache.features.end())
                m_cache_stale_at_utc = std::min(m_cache_stale_at_utc, feature.cache_changes_at_utc(cached->second, now_utc_s()));
        }
    }
    const SyncStatus sync = m_backend.status();
    Views views = build_views(
        {state, m_controller.features(), m_config, m_catalog, sync, m_cache, now_utc_s(), now, idle_seconds});
    // A pull or a heartbeat that changed nothing on screen draws nothing.
    const bool changed =
        force_views || screen != m_built_screen || !same_drawing(views, m_views, screen, m_controller.features());
    m_views = std::move(views);
    m_built_screen = screen;
    m_built_store_version = store_version;
    m_built_state_version = state.version;
    m_built_sync_version = sync_version;
    m_built_minute = minute;
    m_built_idle_seconds = idle_seconds;
    m_built_pin_seconds = pin_seconds;
    if (changed)
        m_frames_pending = std::max(m_frames_pending, frames_after_change);
}

void KioskApp::rebuild_fonts_if_needed()
{
    m_metrics = ScreenMetrics::for_window(m_width, m_height, m_config.screen_width_mm, m_config.screen_height_mm,
                                         m_config.screen_lower_edge_mm);
    const PersonSession& session = m_controller.state().session;
    const float body_px = m_metrics.body_px(session.display);
    const auto started = std::chrono::steady_clock::now();
    // A new text size or face cannot be drawn with the atlas there is: built
    // here, once per switch (the tap that asked for it). New characters at
    // the same size come from the worker (start_atlas_build, after a frame).
    if (m_fonts.needs_new_size(body_px, session.language) ||
        (m_atlas_in_frame && m_fonts.needs_build(body_px, session.language)))
        build_atlas_now(body_px, session.language);
    else if (m_staged_atlas)
        upload_staged_band();
    else if (m_next_atlas)
        swap_in_built_atlas();
    m_frame_atlas_ms = ms_between(started, std::chrono::steady_clock::now());
    const bool style_stale = !m_styled_for || m_styled_for->mode.elderly != session.display.elderly ||
                             m_styled_for->mode.text_scale != session.display.text_scale ||
                             m_styled_for->px_per_mm != m_metrics.px_per_mm;  // spacing is in mm
    if (style_stale) {
        ui::apply_style(m_metrics, session.display);
        m_styled_for = StyledFor{session.display, m_metrics.px_per_mm};
    }
    m_gesture.set_slop(m_metrics.mm(4));  // a steady finger wanders less than 4 mm
}

void KioskApp::build_atlas_now(float body_px, Language language)
{
    const auto started = std::chrono::steady_clock::now();
    auto atlas = std::make_unique<ImFontAtlas>();
    const ui::FontSet fonts = m_fonts.build(*atlas, body_px, language);
    install_atlas(std::move(atlas), fonts);
    if (std::exchange(m_next_atlas, std::nullopt))
        ++m_atlas_counts.discarded;  // built for the size before
    if (m_staged_atlas) {
        drop_staged_atlas();
        ++m_atlas_counts.discarded;
    }
    // Rasterising glyphs leaves megabytes of freed scratch in the heap;
    // hand it back instead of keeping it resident.
    malloc_trim(0);
    ++m_atlas_counts.in_frame;
    spdlog::info("font atlas: {} glyphs at {:.0f} px, {}x{} texture, {:.0f} ms in the frame", m_fonts.glyph_count(),
                 body_px, m_atlas->TexWidth, m_atlas->TexHeight, ms_between(started, std::chrono::steady_clock::now()));
}

// Takes the worker's finished atlas if it can replace the one shown (same
// size and face, every character that one has); true when it waits to be
// swapped in by the next frame. One a text size switch overtook is dropped
// here, drawing nothing.
bool KioskApp::take_built_atlas()
{
    if (!m_next_atlas && m_atlas_worker) {
        if (std::optional<ui::AtlasWorker::Built> built = m_atlas_worker->take()) {
            if (built->addition ? built->tag == m_atlas_generation : m_fonts.can_replace_built(built->spec)) {
                m_next_atlas = std::move(built);
            } else {
                ++m_atlas_counts.discarded;
                start_atlas_build();
            }
        }
    }
    return m_next_atlas.has_value();
}

// Between frames, before NewFrame: the taken atlas becomes the one drawn with.
void KioskApp::swap_in_built_atlas()
{
    ui::AtlasWorker::Built built = std::move(*m_next_atlas);
    m_next_atlas.reset();
    if (built.addition) {
        append_built_glyphs(built);
        return;
    }
    if (!m_fonts.can_replace_built(built.spec)) {  // a size switch came between
        ++m_atlas_counts.discarded;
        return;
    }
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    built.atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    const unsigned texture = create_font_texture(width, height);
    m_staged_atlas = StagedAtlas{std::move(built), texture};
    upload_staged_band();
}

// One band of the staged atlas's rows to its texture; after the last, the
// atlas is the one drawn with from the next frame on.
void KioskApp::upload_staged_band()
{
    // About 1 MB a band: a few ms under software GL, far less on a GPU.
    constexpr int band_bytes = 1 << 20;
    StagedAtlas& staged = *m_staged_atlas;
    const auto started = std::chrono::steady_clock::now();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    staged.built.atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    const int rows = std::min(height - staged.next_row, std::max(1, band_bytes / std::max(1, width)));
    write_font_texture_block(staged.texture, pixels + static_cast<std::size_t>(staged.next_row) * width, width, 0,
                             staged.next_row, width, rows);
    staged.next_row += rows;
    ++staged.bands;
    staged.slowest_band_ms = std::max(staged.slowest_band_ms, ms_between(started, std::chrono::steady_clock::now()));
    if (staged.next_row < height)
        return;
    m_frames_pending = std::max(m_frames_pending, frames_after_change);  // the one frame that shows it
    StagedAtlas done = std::move(staged);
    m_staged_atlas.reset();
    install_atlas(std::move(done.built.atlas), done.built.fonts, done.texture);
    m_fonts.mark_built(done.built.spec);
    ++m_atlas_counts.background;
    m_atlas_counts.last_background_ms = done.built.build_ms;
    m_atlas_counts.slowest_upload_band_ms = std::max(m_atlas_counts.slowest_upload_band_ms, done.slowest_band_ms);
    spdlog::info("font atlas: {} glyphs at {:.0f} px, {}x{} texture, built in the background in {:.0f} ms, "
                 "uploaded in {} bands between frames (the slowest {:.1f} ms)",
                 done.built.spec.glyphs.count(), done.built.spec.body_px, m_atlas->TexWidth, m_atlas->TexHeight,
                 done.built.build_ms, done.bands, done.slowest_band_ms);
    // What was wanted while it was built goes into the next one at once.
    start_atlas_build();
}

void KioskApp::drop_staged_atlas()
{
    if (m_staged_atlas)
        delete_texture(m_staged_atlas->texture);
    m_staged_atlas.reset();
}

// The addition's glyphs go into the empty rows of the atlas shown: its
// pixels into the texture, its glyphs into the fonts. When they do not fit,
// the next build is a whole atlas.
void KioskApp::append_built_glyphs(ui::AtlasWorker::Built& built)
{
    const auto started = std::chrono::steady_clock::now();
    ImFontAtlas& addition = *built.atlas;
    const int rows = ui::used_rows(addition), columns = ui::used_columns(addition);
    const ImVec2 at = m_shelves.place(columns, rows);
    const int left = static_cast<int>(at.x), top = static_cast<int>(at.y);
    if (built.tag != m_atlas_generation ||
        !ui::append_glyphs(*m_atlas, m_atlas_fonts, left, top, addition, built.fonts)) {
        m_atlas_full = built.tag == m_atlas_generation;
        ++(m_atlas_full ? m_atlas_counts.did_not_fit : m_atlas_counts.discarded);
        start_atlas_build();
        return;
    }
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    addition.GetTexDataAsAlpha8(&pixels, &width, &height);
    write_font_texture_block(m_font_texture, pixels, width, left, top, columns, rows);
    m_shelves.take(at, columns, rows);
    m_fonts.mark_added(built.spec.glyphs);
    ++m_atlas_counts.appended;
    m_atlas_counts.last_background_ms = built.build_ms;
    spdlog::info("font atlas: {} glyphs added at {:.0f} px, {}x{} at ({}, {}) (rows used {} of {}), rasterised in "
                 "the background in {:.0f} ms, appended in {:.1f} ms",
                 built.spec.glyphs.count(), built.spec.body_px, columns, rows, left, top, m_shelves.used_rows(),
                 m_atlas->TexHeight, built.build_ms, ms_between(started, std::chrono::steady_clock::now()));
    start_atlas_build();  // what was wanted meanwhile
}

// After a frame that met characters the atlas lacks: the worker builds the
// next atlas while frames go on (one build at a time; the next one takes
// everything wanted meanwhile).
void KioskApp::start_atlas_build()
{
    const PersonSession& session = m_controller.state().session;
    const float body_px = m_metrics.body_px(session.display);
    // After a visit, a whole atlas with only what is wanted replaces one
    // grown by the visit's characters.
    const bool shrink = m_fonts.holds_unwanted();
    if (m_atlas_in_frame || !m_atlas_worker || m_fonts.needs_new_size(body_px, session.language) ||
        (!m_fonts.needs_build(body_px, session.language) && !shrink))
        return;
    if (m_atlas_mode == AtlasMode::Whole || m_atlas_full || shrink)
        m_atlas_worker->start(m_fonts.spec(body_px, session.language));
    else
        m_atlas_worker->start(m_fonts.missing(), true, m_atlas_generation);
}

bool KioskApp::want_text_for_script(const std::string& text)
{
    m_fonts.want(text);
    start_atlas_build();
    return atlas_building();
}

// Uploads `atlas` (its Alpha8 pixels are freed after) and draws with it from
// the next NewFrame on; the previous atlas and its texture are freed.
void KioskApp::install_atlas(std::unique_ptr<ImFontAtlas> atlas, const ui::FontSet& fonts, unsigned texture)
{
    m_shelves.reset(ui::used_rows(*atlas), atlas->TexWidth);
    if (texture) {
        delete_texture(m_font_texture);
        m_font_texture = texture;
        atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture)));
        atlas->ClearTexData();
    } else {
        m_font_texture = upload_font_texture(*atlas, m_font_texture);
    }
    ImGui::GetIO().Fonts = atlas.get();
    ui::context().fonts = fonts;
    m_atlas_fonts = fonts;
    ++m_atlas_generation;
    m_atlas_full = false;
    if (m_atlas)
        m_atlas->Locked = false;  // between frames; NewFrame locks the one in io.Fonts
    m_atlas = std::move(atlas);
}

void KioskApp::render_frame()
{
    using clock = std::chrono::steady_clock;
    const auto frame_start = clock::now();
    m_frames_pending = std::max(0, m_frames_pending - 1);
    rebuild_fonts_if_needed();

    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(m_width), static_cast<float>(m_height));
    const Uint64 ticks = SDL_GetPerformanceCounter();
    io.DeltaTime = std::max(1e-4f, static_cast<float>(ticks - m_last_frame_ticks) / SDL_GetPerformanceFrequency());
    m_last_frame_ticks = ticks;
    const TouchGesture::UiPointer pointer = m_gesture.ui_pointer();
    io.MousePos = pointer.present ? ImVec2(pointer.pos.x, pointer.pos.y) : ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = pointer.down;

    ui::Context& ctx = ui::context();
    ctx.metrics = m_metrics;
    ctx.mode = m_controller.state().session.display;
    ctx.font_library = &m_fonts;
    ctx.gesture = &m_gesture;
    ctx.catalog = &m_catalog;
    ctx.language = m_controller.state().session.language;
    ctx.text_pad = m_pad.get();
    ctx.now_s = static_cast<double>(now_ms()) / 1000.0;
    ctx.needs_font_rebuild = false;
    ctx.needs_another_frame = false;
    ctx.screen_reader = m_controller.state().session.screen_reader;
    if (!ctx.screen_reader)
        ctx.reader_armed.clear();
    ctx.previous_frame = &m_last_record;
    ctx.say.reset();
    ctx.new_page = false;

    const auto t0 = clock::now();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ui::frame_record().clear();
    screens::draw_frame(m_views, m_feature_screens, m_requests);
    ImGui::Render();
    const auto t1 = clock::now();

    begin_gl_frame(m_width, m_height, ui::palette(ctx.mode).background);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (m_record_timings) {
        finish_gl();
        const auto t2 = clock::now();
        m_timings.push_back({ms_between(t0, t1), ms_between(t1, t2), ms_between(frame_start, t2), m_frame_atlas_ms});
    }
    std::swap(m_last_record, ui::frame_record());
    if (!m_pending_screenshot.empty()) {
        m_screenshot_ok = save_screenshot(m_width, m_height, m_pending_screenshot, m_screenshot_error);
        m_pending_screenshot.clear();
    }
    m_window->swap();
    ++m_frames_drawn;
    if (m_report_frames) {
        std::printf("frame_drawn n=%llu utc_ms=%lld\n", static_cast<unsigned long long>(m_frames_drawn),
                    static_cast<long long>(now_utc_ms()));
        std::fflush(stdout);
    }
    if (m_on_first_frame)
        std::exchange(m_on_first_frame, nullptr)();

    m_gesture.end_frame();
    // A new screen or step (Home, Back, the idle timeout) silences what was
    // being read of the last one: a bill read aloud stops when its person goes.
    if (ctx.new_page && m_speech)
        m_speech->stop();
    ui::forget_unused_pictures();
    apply_requests();
    // After the requests: a voice just chosen (普通话 ⇄ 粤语) says its name in itself.
    if (ctx.say)
        speak(*std::exchange(ctx.say, std::nullopt));
    // New characters: the worker builds them in while nothing else is drawn
    // (its finished build wakes the loop for one frame). Only a rebuild in
    // the frame (LOBBY_FONT_ATLAS=in_frame) needs a frame to happen in.
    if (ctx.needs_font_rebuild || std::exchange(m_shrink_atlas_due, false))
        start_atlas_build();
    if ((ctx.needs_font_rebuild && m_atlas_in_frame) || ctx.needs_another_frame || m_gesture.animating() ||
        imgui_settling())
        m_frames_pending = std::max(m_frames_pending, 1);
    update(false);
}

// The reading rules in the voice of the person's language, then the engine
// (on its own thread: this returns at once).
void KioskApp::speak(const std::vector<std::string>& pieces)
{
    const PersonSession& session = m_controller.state().session;
    const SpeechVoice voice = speech_voice_for(session.language, m_config, session.chinese_voice);
    m_last_spoken = utterance(pieces, voice);
    m_last_voice = std::string(espeak_voice_name(voice));
    if (m_speech && !m_last_spoken.empty())
        m_speech->speak(m_last_spoken, std::string(espeak_voice_name(voice)));
}

void KioskApp::take_answers(std::int64_t now)
{
    for (const CallAnswer& answer : m_backend.take_answers())
        m_controller.apply_answer(answer, now);
}

void KioskApp::apply_requests()
{
    const std::int64_t now = now_ms();
    for (const Request& request : m_requests.take())
        m_controller.apply(request, now);
}

void KioskApp::toggle_elderly_for_script()
{
    m_controller.apply(RequestToggleElderly{}, now_ms());
    m_frames_pending = std::max(m_frames_pending, frames_after_change);
}

bool KioskApp::in_admin_corner(Point p) const
{
    const float corner = m_metrics.mm(20);
    return p.x < corner && p.y < corner;
}

void KioskApp::press(Point p)
{
    // A touch on the attract screen only brings home back: it is not a tap
    // on what lies beneath (its move and lift are taken as well).
    const bool attract_shown = !m_views.attract.empty();
    m_controller.on_touch(now_ms());
    if (attract_shown) {
        m_swallowing_touch = true;
        update(false);
        m_frames_pending = std::max(m_frames_pending, frames_after_change);
        return;
    }
    m_gesture.press(p, now_ms() / 1000.0);
    m_frames_pending = std::max(m_frames_pending, frames_after_change);
}

void KioskApp::move(Point p)
{
    if (m_swallowing_touch)
        return;
    m_gesture.move(p, now_ms() / 1000.0);
    m_frames_pending = std::max(m_frames_pending, 1);
}

void KioskApp::release(Point p)
{
    if (std::exchange(m_swallowing_touch, false)) {
        m_controller.on_touch(now_ms());
        return;
    }
    const bool was_tap = m_gesture.pressed() && !m_gesture.dragging();
    m_controller.on_touch(now_ms());
    m_gesture.release(p, now_ms() / 1000.0);
    if (was_tap && in_admin_corner(p))
        m_controller.apply(RequestCornerTap{}, now_ms());
    m_frames_pending = std::max(m_frames_pending, frames_after_change);
}

void KioskApp::step_clock(std::int64_t ms)
{
    advance_clock(ms);
    update(false);
    settle();
}

std::int64_t KioskApp::ms_to_next_tick() const
{
    const std::int64_t now = now_ms();
    const std::int64_t next = m_controller.next_tick_ms(now);
    return next == INT64_MAX ? INT64_MAX : std::max<std::int64_t>(0, next - now);
}

bool KioskApp::imgui_unsettled() const { return imgui_settling(); }

void KioskApp::settle()
{
    for (int i = 0; i < 12; ++i) {
        // Scripts look at what a person sees a moment later: a font atlas
        // on its way is waited for (bounded), so screenshots and layout
        // checks see the glyphs, not their fallback.
        if (m_frames_pending == 0 && !m_gesture.animating() && !m_next_atlas && m_atlas_worker &&
            m_atlas_worker->wait_ready(std::chrono::seconds(60)))
            update(false);
        while (m_staged_atlas)  // scripts see the finished atlas; the real loop interleaves
            upload_staged_band();
        if (m_frames_pending == 0 && !m_gesture.animating())
            break;
        render_frame();
    }
}

bool KioskApp::wait_until(const std::function<bool()>& done, int timeout_ms)
{
    const Uint64 deadline = SDL_GetTicks64() + static_cast<Uint64>(timeout_ms);
    while (!done()) {
        const Uint64 now = SDL_GetTicks64();
        if (now >= deadline)
            return false;
        SDL_Event event;
        if (SDL_WaitEventTimeout(&event, static_cast<int>(std::min<Uint64>(deadline - now, 50)))) {
            handle_event(event);
            while (SDL_PollEvent(&event))
                handle_event(event);
        }
        update(false);
        settle();
    }
    return true;
}

void KioskApp::resize(int width, int height)
{
    m_window->resize(width, height);
    SDL_PumpEvents();
    m_window->drawable_size(m_width, m_height);
    m_frames_pending = std::max(m_frames_pending, frames_after_change);
}

bool KioskApp::screenshot(const std::string& path, std::string& error)
{
    m_pending_screenshot = path;
    render_frame();
    error = m_screenshot_error;
    return m_screenshot_ok;
}

void KioskApp::handle_event(const SDL_Event& event)
{
    switch (event.type) {
    case SDL_QUIT:
        m_quit = true;
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (event.button.button == SDL_BUTTON_LEFT)
            press({static_cast<float>(event.button.x), static_cast<float>(event.button.y)});
        break;
    case SDL_MOUSEBUTTONUP:
        if (event.button.button == SDL_BUTTON_LEFT)
            release({static_cast<float>(event.button.x), static_cast<float>(event.button.y)});
        break;
    case SDL_MOUSEMOTION:
        move({static_cast<float>(event.motion.x), static_cast<float>(event.motion.y)});
        break;
    case SDL_WINDOWEVENT:
        if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || event.window.event == SDL_WINDOWEVENT_EXPOSED) {
            m_window->drawable_size(m_width, m_height);
            m_frames_pending = std::max(m_frames_pending, frames_after_change);
            ++m_window_redraws;
        }
        break;
    default:
        // The wake event only needs the loop to run update().
        if (event.type == g_wake_event.load(std::memory_order_acquire))
            ++m_wakes;
        break;
    }
}

void KioskApp::run(int for_ms)
{
    const Uint64 stop_ticks = for_ms < 0 ? UINT64_MAX : SDL_GetTicks64() + static_cast<Uint64>(for_ms);
    while (!m_quit && !m_controller.state().quit_requested) {
        const Uint64 ticks = SDL_GetTicks64();
        if (ticks >= stop_ticks)
            return;
        const std::int64_t now = now_ms();
        std::int64_t deadline = m_controller.next_tick_ms(now);
        // The clock on screen turns on the minute of real UTC milliseconds
        // (counting from whole seconds made it up to a second late).
        const std::int64_t ms_into_minute = now_utc_ms() % 60000;
        deadline = std::min(deadline, now + 60000 - ms_into_minute);
        if (stop_ticks != UINT64_MAX)
            deadline = std::min(deadline, now + static_cast<std::int64_t>(stop_ticks - ticks));
        if (m_built_pin_seconds > 0)
            deadline = std::min(deadline, now + 1000);  // the lockout countdown
        if (m_cache_stale_at_utc != INT64_MAX)  // a notice ends: one wake then, no polling
            deadline = std::min(deadline, now + std::max<std::int64_t>(0, m_cache_stale_at_utc * 1000 - now_utc_ms()));
        // The pad's "loading" notice, when an engine takes long to load.
        if (const double at_s = m_pad ? m_pad->redraw_at_s() : 0; at_s > 0)
            deadline = std::min(deadline, static_cast<std::int64_t>(at_s * 1000) + 1);
        if (m_frames_pending > 0 || m_gesture.animating() || m_staged_atlas)
            deadline = now;
        const int timeout_ms = static_cast<int>(std::clamp<std::int64_t>(deadline - now, 0, 60000));

        SDL_Event event;
        if (SDL_WaitEventTimeout(&event, timeout_ms)) {
            handle_event(event);
            while (SDL_PollEvent(&event))
                handle_event(event);
        }
        update(false);
        if (m_frames_pending > 0 || m_gesture.animating())
            render_frame();
        else if (m_staged_atlas)
            upload_staged_band();  // between frames: a touch meanwhile waits one band at most
    }
}

} // namespace kiosk::app
