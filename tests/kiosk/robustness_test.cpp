// The UI kit fails softly: a font path that is not a font file is reported
// with a message, and an address too long for a QR code draws a square that
// says so instead of throwing out of the frame.
#include "ui/context.hpp"
#include "ui/fonts.hpp"
#include "ui/frame_record.hpp"
#include "ui/qr_code.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include <unistd.h>

using namespace kiosk::ui;

TEST_CASE("a font path that is an empty file or a folder is refused with a message")
{
    // One folder per process: two runs at once (ctest -j, another checkout) must not share it.
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("lobby-font-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string empty = (dir / "empty.ttc").string();
    std::fclose(std::fopen(empty.c_str(), "w"));
    for (const std::string& path : {empty, dir.string()}) {
        FontLibrary library;
        std::string error;
        CHECK_FALSE(library.open(path, error));
        CHECK_MESSAGE(error.find("not a font file") != std::string::npos, error);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("an address too long for a QR code draws a placeholder that says so, and no exception")
{
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini shared with another run
    FontLibrary library;
    std::string error;
    REQUIRE_MESSAGE(library.open("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", error), error);
    const std::string note = "请在手机浏览器打开下面的地址";
    library.want(note);
    Context& ctx = context();
    ctx.fonts = library.build(*ImGui::GetIO().Fonts, 36.0f, kiosk::Language::ZhCN);
    ctx.font_library = &library;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    ImGui::GetIO().DisplaySize = ImVec2(1080, 1920);
    ImGui::GetIO().DeltaTime = 1.0f / 60;

    const std::string too_long = "http://pay.example/" + std::string(4000, 'x');  // > 2331 bytes at ECC M
    bool drawn = true;
    for (int frame = 0; frame < 2; ++frame) {  // the second frame reuses the remembered failure
        ImGui::NewFrame();
        frame_record().clear();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1080, 1920));
        ImGui::Begin("qr", nullptr, ImGuiWindowFlags_NoDecoration);
        CHECK_NOTHROW(drawn = qr_code("fees.qr", too_long, 600, note));
        ImGui::End();
        ImGui::Render();
        CHECK_FALSE(drawn);
        CHECK(frame_record().find_text(note) != nullptr);
    }
    ImGui::NewFrame();
    ImGui::Begin("qr");
    CHECK(qr_code("fees.qr", "http://pay.example/PO-1", 600, note));
    ImGui::End();
    ImGui::Render();
    ctx.font_library = nullptr;
    ImGui::DestroyContext();
}
