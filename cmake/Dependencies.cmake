# Every dependency comes from a Debian package (scripts/deps installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

find_package(nlohmann_json 3.10 REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)  # libpq: the office server's PostgreSQL backend (--db postgresql://...)
find_package(CURL REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(OpenSSL REQUIRED)
pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(QRCODEGEN REQUIRED IMPORTED_TARGET qrcodegencpp)
# The office server's personal fields at rest (libsodium-dev).
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# Argon2id: the kiosk's admin PIN and the staff console's passwords (libargon2-dev).
pkg_check_modules(ARGON2 REQUIRED IMPORTED_TARGET libargon2)
# The staff console: Markdown of notices (libcmark-dev); its templates use
# kainjow mustache (libkainjow-mustache-dev, header only).
pkg_check_modules(CMARK REQUIRED IMPORTED_TARGET libcmark)
find_path(KAINJOW_MUSTACHE_INCLUDE kainjow/mustache.hpp REQUIRED)
# PNG/JPEG: the demo's notice picture (server), decoding pictures (kiosk) (libstb-dev).
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)

if(LOBBY_BUILD_KIOSK)
  find_package(OpenGL REQUIRED)
  pkg_check_modules(SDL2 REQUIRED IMPORTED_TARGET sdl2)
  pkg_check_modules(ESPEAKNG REQUIRED IMPORTED_TARGET espeak-ng)  # read-aloud (kiosk/speech)
  pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
  pkg_check_modules(FREETYPE REQUIRED IMPORTED_TARGET freetype2)
  find_package(PNG REQUIRED)  # screenshots (kiosk/app/png_file.cpp)
  # Keyboardless text entry (kiosk/input): NFC and character classes
  # (libutf8proc-dev), pinyin/jyutping/stroke (librime-dev, the rime-data-*
  # schemas), handwriting (libzinnia-dev + tegaki-zinnia-simplified-chinese),
  # and OpenCC for the build-time phrase tables (libopencc-dev).
  pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
  pkg_check_modules(RIME REQUIRED IMPORTED_TARGET rime)
  pkg_check_modules(ZINNIA REQUIRED IMPORTED_TARGET zinnia)
  pkg_check_modules(OPENCC REQUIRED IMPORTED_TARGET opencc)
  # Debian's libimgui.a already contains the SDL and OpenGL3 backends; only
  # their headers need an include path.
  add_library(imgui_debian INTERFACE)
  target_link_libraries(imgui_debian INTERFACE PkgConfig::IMGUI PkgConfig::FREETYPE)
  target_include_directories(imgui_debian SYSTEM INTERFACE /usr/include/imgui /usr/include/imgui/backends)
endif()

if(LOBBY_BUILD_TESTS)
  find_package(doctest REQUIRED)
endif()
