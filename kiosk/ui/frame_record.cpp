// Frame record storage and lookups.
#include "ui/frame_record.hpp"

#include <imgui_internal.h>

namespace kiosk::ui {

FrameRecord& frame_record()
{
    static FrameRecord record;
    return record;
}

const DrawnTarget* FrameRecord::find_target(const std::string& id) const
{
    int top = 0;
    for (const auto& t : targets)
        top = std::max(top, t.layer);
    for (const auto& t : targets)
        if (t.id == id && t.layer == top)
            return &t;
    return nullptr;
}

const DrawnText* FrameRecord::find_text(const std::string& needle) const
{
    for (const auto& t : texts) {
        bool visible = t.rect.y < t.clip.w && t.rect.w > t.clip.y;
        if (visible && t.text.find(needle) != std::string::npos)
            return &t;
    }
    return nullptr;
}

void FrameRecord::note_readable(std::string_view text)
{
    if (quiet_depth == 0 && !text.empty())
        readable.push_back({std::string(text), layer});
}

std::vector<std::string> FrameRecord::reading() const
{
    int top = 0;
    for (const auto& piece : readable)
        top = std::max(top, piece.layer);
    std::vector<std::string> pieces;
    for (const auto& piece : readable)
        if (piece.layer == top)
            pieces.push_back(piece.text);
    return pieces;
}

ImVec4 current_clip_rect()
{
    ImDrawList* list = ImGui::GetWindowDrawList();
    ImVec2 min = list->GetClipRectMin(), max = list->GetClipRectMax();
    return ImVec4(min.x, min.y, max.x, max.y);
}

} // namespace kiosk::ui
