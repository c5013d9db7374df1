// The UI context instance.
#include "ui/context.hpp"

#include "core/locale.hpp"

namespace kiosk::ui {

Context& context()
{
    static Context instance;
    return instance;
}

const std::string& Context::tr(std::string_view key) const
{
    static const std::string none;
    return catalog ? catalog->text(language, key) : none;
}

} // namespace kiosk::ui
