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
    for (const auto& t : targets) {
        // Required targets out of view are recorded for the layout check only.
        const bool seen = t.rect.x < t.clip.z && t.rect.z > t.clip.x && t.rect.y < t.clip.w && t.rect.w > t.clip.y;
        if (t.id == id && t.layer == top && seen)
            return &t;
    }
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

void record_windows(FrameRecord& frame)
{
    frame.windows.clear();
    for (ImGuiWindow* window : GImGui->Windows)  // ImGui keeps them in display order
        if (window->Active && !window->Hidden && window->RootWindow == window)  // drawn in the last frame
            frame.windows.push_back({window->Name, ImVec4(window->Pos.x, window->Pos.y, window->Pos.x + window->Size.x,
                                                          window->Pos.y + window->Size.y)});
}

ImVec4 current_clip_rect()
{
    // A window ImGui hides while it measures itself (a dialog's first frame)
    // draws nothing: what it holds is not on screen yet.
    if (ImGui::GetCurrentWindowRead()->Hidden)
        return ImVec4(0, 0, 0, 0);
    ImDrawList* list = ImGui::GetWindowDrawList();
    ImVec2 min = list->GetClipRectMin(), max = list->GetClipRectMax();
    return ImVec4(min.x, min.y, max.x, max.y);
}

} // namespace kiosk::ui
