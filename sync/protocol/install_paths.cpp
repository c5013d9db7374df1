#include "install_paths.hpp"

#include <system_error>

namespace lobby::protocol {

namespace fs = std::filesystem;

std::optional<std::string> installed_share_dir(const fs::path& executable, std::string_view package)
{
    const fs::path bin = executable.parent_path();
    if (bin.filename() != "bin")
        return std::nullopt;
    const fs::path share = bin.parent_path() / "share" / std::string(package);
    std::error_code ec;
    if (!fs::is_directory(share, ec))
        return std::nullopt;
    return share.string();
}

std::optional<std::string> installed_share_dir(std::string_view package)
{
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec)
        return std::nullopt;
    return installed_share_dir(self, package);
}

} // namespace lobby::protocol
