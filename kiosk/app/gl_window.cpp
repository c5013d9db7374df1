// SDL + GL set-up in the order of Dear ImGui's example_sdl2_opengl3.
#include "app/gl_window.hpp"

#include <cstdlib>

namespace kiosk::app {

bool display_available()
{
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

std::unique_ptr<GlWindow> GlWindow::create(const WindowOptions& options, std::string& error)
{
    // A lobby screen never sleeps, and a finger is the mouse.
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        error = std::string("cannot start SDL video: ") + SDL_GetError();
        return nullptr;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    int width = options.width, height = options.height;
    if (width <= 0 || height <= 0) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        width = height = 0;
    }
    std::unique_ptr<GlWindow> window(new GlWindow);
    window->m_window = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                        width, height, flags);
    if (!window->m_window) {
        error = std::string("cannot open the window: ") + SDL_GetError();
        return nullptr;
    }
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
    SDL_Quit();
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
