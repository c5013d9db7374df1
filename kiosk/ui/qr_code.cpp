// qr_code: encodes when the text changes (the last matrix is kept), then
// draws one rectangle per dark module; white is one background rectangle.
#include "ui/qr_code.hpp"

#include "ui/frame_record.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <qrcodegen/qrcodegen.hpp>

#include <cmath>
#include <optional>

namespace kiosk::ui {
namespace {

constexpr int quiet_modules = 4;  // the standard's minimum margin

// The code for `text`, or nullptr when it is too long for a QR code.
const qrcodegen::QrCode* cached_code(const std::string& text)
{
    static std::optional<std::string> cached_text;
    static std::optional<qrcodegen::QrCode> cached;
    if (cached_text != text) {
        cached_text = text;
        try {
            // Medium error correction survives glare and a scuffed screen.
            cached = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
        } catch (const qrcodegen::data_too_long&) {
            cached.reset();  // remembered as failed: not retried every frame
        }
    }
    return cached ? &*cached : nullptr;
}

// The code is noted like a control (scanned, not touched: never "required",
// so no reach rule), so the layout check and the scripts see whether it is
// whole on screen: at 2x in landscape it once sat wholly below the fold.
// `code_px`: the side of the modules, what the layout check holds against
// the smallest code a phone reads from arm's length.
void note_code(const char* id, const ImRect& bb, float code_px)
{
    FrameRecord& record = frame_record();
    record.targets.push_back({id, std::string(), ImVec4(bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y), current_clip_rect(),
                              record.layer, record.scroll_depth > 0, false,
                              record.scroll_depth > 0 && record.scroll_overflows,
                              ImGui::GetCurrentWindow()->RootWindow->Name, false, record.in_overflowing_list(),
                              code_px});
}

// A white square the size of the code, saying why there is no code.
void draw_unavailable(const char* id, float side, std::string_view unavailable_text)
{
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 origin = window->DC.CursorPos;
    const ImRect bb(origin, ImVec2(origin.x + side, origin.y + side));
    window->DrawList->AddRectFilled(bb.Min, bb.Max, IM_COL32(255, 255, 255, 255));
    window->DrawList->AddRect(bb.Min, bb.Max, IM_COL32(0, 0, 0, 255), 0.0f, 0, 2.0f);
    const float pad = side * 0.08f;
    const float height = text_height(unavailable_text, TextRole::Body, side - 2 * pad);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + ImMax(pad, (side - height) * 0.5f)));
    text(unavailable_text, TextRole::Body, Align::Center, side - 2 * pad, IM_COL32(0, 0, 0, 255));
    ImGui::SetCursorScreenPos(origin);
    ImGui::ItemSize(ImVec2(side, side));
    note_code(id, bb, side);
    ImGui::ItemAdd(bb, ImGui::GetID(id));
}

} // namespace

bool qr_encodable(const std::string& text)
{
    return cached_code(text) != nullptr;
}

bool qr_code(const char* id, const std::string& text, float size_px, std::string_view unavailable_text)
{
    const qrcodegen::QrCode* code = cached_code(text);
    if (!code) {
        draw_unavailable(id, size_px, unavailable_text);
        return false;
    }
    const int modules = code->getSize() + 2 * quiet_modules;
    // Whole pixels per module keep every module the same size (scanners
    // dislike uneven modules).
    const float module_px = std::max(1.0f, std::floor(size_px / static_cast<float>(modules)));
    const float side = module_px * static_cast<float>(modules);
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 origin = window->DC.CursorPos;
    ImGui::ItemSize(ImVec2(side, side));
    const ImRect bb(origin, ImVec2(origin.x + side, origin.y + side));
    // Noted also when scrolled out of view: the layout check wants it whole.
    note_code(id, bb, module_px * static_cast<float>(code->getSize()));
    if (!ImGui::ItemAdd(bb, ImGui::GetID(id)))
        return true;
    ImDrawList* list = window->DrawList;
    list->AddRectFilled(bb.Min, bb.Max, IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < code->getSize(); ++y) {
        for (int x = 0; x < code->getSize(); ++x) {
            if (!code->getModule(x, y))
                continue;
            const ImVec2 a(origin.x + (x + quiet_modules) * module_px, origin.y + (y + quiet_modules) * module_px);
            list->AddRectFilled(a, ImVec2(a.x + module_px, a.y + module_px), IM_COL32(0, 0, 0, 255));
        }
    }
    return true;
}

} // namespace kiosk::ui
