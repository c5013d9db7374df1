// The SDL window with its OpenGL 3.3 context. Every SDL/GL call is checked
// where it is made, with a message a person installing the kiosk understands.
#pragma once

#include <SDL.h>

#include <memory>
#include <string>

namespace kiosk::app {

struct WindowOptions {
    int width = 0, height = 0;  // 0: full screen, sized to the display's bounds
    std::string title = "Lobby Kiosk";
};

// SDL itself, for the whole run: started in main before any thread, so the
// wake event can be registered before a worker may push it, and stopped only
// after every worker has joined (a push after SDL_Quit is a use after free).
class SdlSession {
public:
    static std::unique_ptr<SdlSession> start(std::string& error);
    ~SdlSession();  // SDL_Quit
    SdlSession(const SdlSession&) = delete;
    SdlSession& operator=(const SdlSession&) = delete;

private:
    SdlSession() = default;
};

// Needs a started SdlSession; destroying it leaves SDL running.
class GlWindow {
public:
    static std::unique_ptr<GlWindow> create(const WindowOptions& options, std::string& error);
    ~GlWindow();
    GlWindow(const GlWindow&) = delete;
    GlWindow& operator=(const GlWindow&) = delete;

    SDL_Window* sdl() const { return m_window; }
    void drawable_size(int& width, int& height) const;
    void resize(int width, int height);
    void swap() const { SDL_GL_SwapWindow(m_window); }

private:
    GlWindow() = default;
    // Makes a full-screen window cover `bounds` whether or not a window
    // manager runs; false with `error` if it cannot.
    bool fill_display(const SDL_Rect& bounds, std::string& error);
    SDL_Window* m_window = nullptr;
    SDL_GLContext m_context = nullptr;
};

// True when an X11 or Wayland display is there to open a window on.
bool display_available();

} // namespace kiosk::app
