// Installed programs find their files in <prefix>/share/<package>; a build
// tree's programs do not (they read the source tree).
#include "protocol/install_paths.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <random>

namespace fs = std::filesystem;
using lobby::protocol::installed_share_dir;

namespace {

struct TempRoot {
    fs::path path = fs::temp_directory_path() / ("lobby-install-paths-" + std::to_string(std::random_device{}()));
    TempRoot() { fs::create_directories(path); }
    ~TempRoot() { fs::remove_all(path); }
};

} // namespace

TEST_CASE("a program in <prefix>/bin finds <prefix>/share/<package>") {
    TempRoot root;
    fs::create_directories(root.path / "usr/bin");
    fs::create_directories(root.path / "usr/share/lobby-kiosk/locale");
    const auto share = installed_share_dir(root.path / "usr/bin/lobby-kiosk", "lobby-kiosk");
    REQUIRE(share.has_value());
    CHECK(fs::equivalent(*share, root.path / "usr/share/lobby-kiosk"));
}

TEST_CASE("a program in <prefix>/bin without its share folder is not installed") {
    TempRoot root;
    fs::create_directories(root.path / "usr/bin");
    fs::create_directories(root.path / "usr/share/lobby-office");
    CHECK_FALSE(installed_share_dir(root.path / "usr/bin/lobby-kiosk", "lobby-kiosk").has_value());
}

TEST_CASE("a program in a build tree is not installed") {
    TempRoot root;
    fs::create_directories(root.path / "build/kiosk/app");
    fs::create_directories(root.path / "build/kiosk/share/lobby-kiosk");
    CHECK_FALSE(installed_share_dir(root.path / "build/kiosk/app/kiosk", "lobby-kiosk").has_value());
}

TEST_CASE("this test program runs from the build tree") {
    CHECK_FALSE(installed_share_dir("lobby-kiosk").has_value());
}
