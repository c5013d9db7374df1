// The UI context instance.
#include "ui/context.hpp"

namespace kiosk::ui {

Context& context()
{
    static Context instance;
    return instance;
}

} // namespace kiosk::ui
