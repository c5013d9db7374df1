// qr_code: encodes once per distinct text (the matrix is cached), then draws
// one rectangle per dark module; white is one background rectangle.
#include "ui/qr_code.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <qrcodegen/qrcodegen.hpp>

#include <cmath>
#include <optional>

namespace kiosk::ui {
namespace {

constexpr int quiet_modules = 4;  // the standard's minimum margin

const qrcodegen::QrCode* cached_code(const std::string& text)
{
    static std::string cached_text;
    static std::optional<qrcodegen::QrCode> cached;
    if (!cached || cached_text != text) {
        // Medium error correction survives glare and a scuffed screen.
        cached = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
        cached_text = text;
    }
    return &*cached;
}

} // namespace

void qr_code(const char* id, const std::string& text, float size_px)
{
    const qrcodegen::QrCode* code = cached_code(text);
    const int modules = code->getSize() + 2 * quiet_modules;
    // Whole pixels per module keep every module the same size (scanners
    // dislike uneven modules).
    const float module_px = std::max(1.0f, std::floor(size_px / static_cast<float>(modules)));
    const float side = module_px * static_cast<float>(modules);
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 origin = window->DC.CursorPos;
    ImGui::ItemSize(ImVec2(side, side));
    const ImRect bb(origin, ImVec2(origin.x + side, origin.y + side));
    if (!ImGui::ItemAdd(bb, ImGui::GetID(id)))
        return;
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
}

} // namespace kiosk::ui
