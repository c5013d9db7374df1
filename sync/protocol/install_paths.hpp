// Where a program finds its read-only files (locale, assets, templates).
// Installed by its Debian package, the program sits in <prefix>/bin and its
// files in <prefix>/share/<package>; run from a build tree, they are read
// from the source tree (LOBBY_SOURCE_DIR), so nothing needs installing to try
// a change.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace lobby::protocol {

// <prefix>/share/<package> when `executable` is <prefix>/bin/<name> and that
// folder exists; nullopt otherwise (a build tree).
std::optional<std::string> installed_share_dir(const std::filesystem::path& executable, std::string_view package);

// The same for the running program (/proc/self/exe).
std::optional<std::string> installed_share_dir(std::string_view package);

} // namespace lobby::protocol
