// SDL + GL set-up in the order of Dear ImGui's example_sdl2_opengl3.
#include "app/gl_window.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>

namespace kiosk::app {

bool display_available()
{
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

std::unique_ptr<SdlSession> SdlSession::start(std::string& error)
{
    // A lobby screen never sleeps, and a finger is the mouse.
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        error = std::string("cannot start SDL video: ") + SDL_GetError();
        return nullptr;
    }
    // Wayland (cage) or X11: the journal says which the session got.
    spdlog::info("display: SDL video driver {}", SDL_GetCurrentVideoDriver());
    return std::unique_ptr<SdlSession>(new SdlSession);
}

SdlSession::~SdlSession()
{
    SDL_Quit();
}

std::unique_ptr<GlWindow> GlWindow::create(const WindowOptions& options, std::string& error)
{
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    const bool full_screen = options.width <= 0 || options.height <= 0;
    SDL_Rect bounds{SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width, options.height};
    if (full_screen) {
        // Ask for the display's own size and place: without a window manager
        // (a bare xinit session, Xvfb) nobody honours a full-screen request,
        // and a window made with size 0 stays 1x1 px.
        if (SDL_GetDisplayBounds(0, &bounds) != 0) {
            error = std::string("cannot read the size of the display: ") + SDL_GetError();
            return nullptr;
        }
        flags |= SDL_WINDOW_BORDERLESS;
    }
    std::unique_ptr<GlWindow> window(new GlWindow);
    window->m_window = SDL_CreateWindow(options.title.c_str(), bounds.x, bounds.y, bounds.w, bounds.h, flags);
    if (!window->m_window) {
        error = std::string("cannot open the window: ") + SDL_GetError();
        return nullptr;
    }
    if (full_screen && !window->fill_display(bounds, error))
        return nullptr;
    window->m_context = SDL_GL_CreateContext(window->m_window);
    if (!window->m_context) {
        error = std::string("cannot create an OpenGL 3.3 context: ") + SDL_GetError();
        return nullptr;
    }
    SDL_GL_MakeCurrent(window->m_window, window->m_context);
    SDL_GL_SetSwapInterval(1);  // frames are drawn on demand; vsync caps bursts
    SDL_ShowCursor(SDL_DISABLE);  // a touchscreen has no pointer to show
    return window;
}

GlWindow::~GlWindow()
{
    if (m_context)
        SDL_GL_DeleteContext(m_context);
    if (m_window)
        SDL_DestroyWindow(m_window);
}

bool GlWindow::fill_display(const SDL_Rect& bounds, std::string& error)
{
    // With a window manager this is the usual full-screen window (above any
    // panel); without one it only sets a flag, and the size given at
    // creation is what fills the screen.
    if (SDL_SetWindowFullscreen(m_window, SDL_WINDOW_FULLSCREEN_DESKTOP) != 0)
        spdlog::warn("window: full screen refused ({}); using a borderless window", SDL_GetError());
    SDL_PumpEvents();
    int w = 0, h = 0;
    SDL_GetWindowSize(m_window, &w, &h);
    if (w == bounds.w && h == bounds.h)
        return true;
    // The full-screen request changed the size (a window manager shrank it,
    // or SDL reset it): fall back to a borderless window on the display.
    spdlog::warn("window: full screen gave {}x{} on a {}x{} display; placing the window by hand", w, h, bounds.w,
                 bounds.h);
    SDL_SetWindowFullscreen(m_window, 0);
    SDL_SetWindowBordered(m_window, SDL_FALSE);
    SDL_SetWindowPosition(m_window, bounds.x, bounds.y);
    SDL_SetWindowSize(m_window, bounds.w, bounds.h);
    SDL_PumpEvents();
    SDL_GetWindowSize(m_window, &w, &h);
    if (w != bounds.w || h != bounds.h) {
        error = "the window is " + std::to_string(w) + "x" + std::to_string(h) + " px, not the display's " +
                std::to_string(bounds.w) + "x" + std::to_string(bounds.h);
        return false;
    }
    return true;
}

void GlWindow::drawable_size(int& width, int& height) const
{
    SDL_GL_GetDrawableSize(m_window, &width, &height);
}

void GlWindow::resize(int width, int height)
{
    SDL_SetWindowSize(m_window, width, height);
}

} // namespace kiosk::app
