// Builds the next font atlas on its own thread, so a character new to the
// screen (a pinyin candidate, a chosen character) never stalls a frame:
// rasterising a few thousand CJK glyphs at 2x text takes 60-190 ms. The UI
// goes on drawing with the current atlas (a new character shows as the
// fallback meanwhile); when the build is done the worker wakes the loop, and
// the app swaps the atlas in between two frames (KioskApp).
//
// ImGui is not thread-safe: the worker touches only the ImFontAtlas it owns
// until take() hands it over, never the context's. (ImGui 1.86's MemAlloc
// also bumps the context's allocation counter, a debug metric only; the
// rest of the context is never read or written here.)
#pragma once

#include "ui/fonts.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace kiosk::ui {

class AtlasWorker {
public:
    using Wake = std::function<void()>;

    struct Built {
        std::unique_ptr<ImFontAtlas> atlas;  // glyphs and Alpha8 pixels, not uploaded yet
        FontSet fonts;                       // fonts of `atlas`
        AtlasSpec spec;
        bool addition = false;               // only new characters, to append (ui/atlas_append.hpp)
        std::uint64_t tag = 0;               // the caller's, from start()
        double build_ms = 0;
    };

    // `sources` must stay mapped while the worker lives; `wake` is called on
    // the worker's thread once per finished build.
    AtlasWorker(FontSources sources, Wake wake);
    ~AtlasWorker();  // a build under way finishes first
    AtlasWorker(const AtlasWorker&) = delete;
    AtlasWorker& operator=(const AtlasWorker&) = delete;

    // Starts building `spec`; false (nothing done) while a build is under way
    // or waits to be taken: one build at a time, the next one gets every
    // character wanted meanwhile. Starts the thread at first use.
    // `addition`: build only `spec.glyphs`, without the amount font, to be
    // appended to the atlas shown (`tag` tells which one).
    bool start(AtlasSpec spec, bool addition = false, std::uint64_t tag = 0);
    // A build was started and not taken yet.
    bool busy() const;
    // A finished build waits to be taken.
    bool ready() const;
    // The finished build, once; nullopt while none is.
    std::optional<Built> take();
    // Blocks until a started build finished (scripts settle on it); false
    // after `timeout`, or when no build was started.
    bool wait_ready(std::chrono::milliseconds timeout) const;

private:
    void run();

    const FontSources m_sources;
    const Wake m_wake;

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_cv;  // a job came, a build finished, or stop
    struct Job {
        AtlasSpec spec;
        bool addition = false;
        std::uint64_t tag = 0;
    };
    std::optional<Job> m_job;
    std::optional<Built> m_done;
    bool m_building = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace kiosk::ui
