// A notice in full: its title, category, publish date and validity, the
// Markdown body, then its pictures scaled to the screen's width. A picture
// not fetched yet, or one that does not decode, is said in words instead.
#include "features/notices/screen/notices_parts.hpp"

#include "ui/context.hpp"
#include "ui/image_cache.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk::notices {

void draw_detail(const NoticesView& view)
{
    const ui::Context& ctx = ui::context();
    const ui::Palette& p = ctx.colors();
    const float width = ImGui::GetContentRegionAvail().x;
    if (!view.badge.empty())
        ui::text(view.badge + "  " + view.category, ui::TextRole::Body, ui::Align::Left, width, p.bad);
    else
        ui::text(view.category, ui::TextRole::Muted, ui::Align::Left, width);
    ui::text(view.title, ui::TextRole::Title, ui::Align::Left, width);
    ui::text(view.published + "    " + view.validity, ui::TextRole::Muted, ui::Align::Left, width);
    ImGui::Dummy(ImVec2(1, ctx.metrics.mm(2)));
    draw_markdown(view.body, width);
    for (const ImageRef& image : view.images) {
        ImGui::Dummy(ImVec2(1, ctx.metrics.mm(2)));
        if (!image.bytes) {
            ui::text(view.image_pending, ui::TextRole::Muted, ui::Align::Left, width);
            continue;
        }
        const ui::Picture picture = ui::picture(image.id, *image.bytes, static_cast<int>(width));
        if (picture.failed) {
            ui::text(view.image_unreadable, ui::TextRole::Muted, ui::Align::Left, width);
            continue;
        }
        // As wide as the text (a smaller picture is scaled up, a larger one came scaled down).
        const float scale = width / static_cast<float>(picture.width);
        ImGui::Image(picture.texture, ImVec2(width, ImFloor(static_cast<float>(picture.height) * scale)));
    }
}

} // namespace kiosk::notices
