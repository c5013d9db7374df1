// text_field: the field's box, and the hand-over to and from the shared pad.
#include "ui/text_field.hpp"

#include "core/text_rules.hpp"
#include "ui/context.hpp"
#include "ui/text_pad.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace kiosk::ui {

std::optional<std::string> text_field(const char* id, TextKind kind, const std::string& value,
                                      const TextLimits& limits, float width)
{
    Context& ctx = context();
    TextPad* pad = ctx.text_pad;
    const bool editing = pad && pad->is_open() && pad->owner() == id;
    // While the pad edits it, the field shows what is being typed.
    std::string shown = editing ? pad->text() : value;
    if (!editing && kind == TextKind::Phone && !shown.empty())
        shown = mask_phone(shown);
    const bool placeholder = shown.empty();
    if (placeholder)
        shown = ctx.tr("input.placeholder");
    if (width <= 0)
        width = ImGui::GetContentRegionAvail().x;
    // Tapped again while its pad is open (say, while the pad stepped aside for
    // 还在使用吗？), it keeps what is typed rather than starting over.
    if (button(id, shown, ImVec2(width, 0), editing ? ButtonKind::Selected : ButtonKind::Secondary) && pad && !editing)
        pad->open(id, kind, value, limits);
    return pad ? pad->take_result(id) : std::nullopt;
}

} // namespace kiosk::ui
