// Key file: atomic 0600 creation, permission checks, and reading the hex key back.
#include "store/key_file.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace kiosk::store {
namespace {

constexpr std::size_t k_key_bytes = 32;
constexpr std::size_t k_key_hex = 2 * k_key_bytes;
constexpr std::size_t k_secret_max = 256;  // the longest secret file read (a token is 48 hex digits)

StoreError os_error(const std::string& path, const char* what, int error)
{
    // A full disk (or a file-size limit) is told apart: the kiosk then starts anyway.
    const bool full = error == ENOSPC || error == EDQUOT || error == EFBIG;
    return StoreError{full ? StoreErrc::disk_full : StoreErrc::io, 0, path + ": " + what + ": " + std::strerror(error)};
}

bool is_hex(const std::string& text)
{
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

// Reads the whole (small) file; the descriptor is checked with fstat first.
// `what` names the file in messages ("key file", "token file").
Result<std::string> read_secret(const std::string& path, const std::string& what)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return os_error(path, ("cannot open the " + what).c_str(), errno);
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        const int error = errno;
        ::close(fd);
        return os_error(path, ("cannot stat the " + what).c_str(), error);
    }
    if (!S_ISREG(info.st_mode)) {
        ::close(fd);
        return StoreError{StoreErrc::bad_input, 0, path + ": the " + what + " is not a regular file"};
    }
    if ((info.st_mode & 077) != 0) {
        ::close(fd);
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
        return StoreError{StoreErrc::bad_input, 0,
                          path + ": the " + what + " has mode " + mode +
                              "; group and others must have no access. Run: chmod 600 " + path};
    }
    char buffer[k_secret_max + 2];
    std::size_t length = 0;
    while (length < sizeof buffer) {
        const ssize_t got = ::read(fd, buffer + length, sizeof buffer - length);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const int error = errno;
            ::close(fd);
            return os_error(path, ("cannot read the " + what).c_str(), error);
        }
        if (got == 0)
            break;
        length += static_cast<std::size_t>(got);
    }
    ::close(fd);
    std::string text(buffer, length);
    OPENSSL_cleanse(buffer, sizeof buffer);
    if (!text.empty() && text.back() == '\n')
        text.pop_back();
    return text;
}

Result<std::string> read_key(const std::string& path)
{
    auto key = read_secret(path, "key file");
    if (!key)
        return key;
    if (key.value().size() != k_key_hex || !is_hex(key.value()))
        return StoreError{StoreErrc::bad_input, 0,
                          path + ": not a kiosk key file (64 hex digits expected); "
                                 "delete it only if the cache may be pulled again with a new key"};
    return key;
}

bool write_all(int fd, const char* data, std::size_t size)
{
    while (size > 0) {
        const ssize_t wrote = ::write(fd, data, size);
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0)
            return false;
        data += wrote;
        size -= static_cast<std::size_t>(wrote);
    }
    return true;
}

// Makes a new directory entry durable (after a link or a rename).
void sync_folder_of(const std::string& path)
{
    const std::string folder = std::filesystem::path(path).parent_path().string();
    const int dir_fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {
        (void)::fsync(dir_fd);
        ::close(dir_fd);
    }
}

// Makes the key in `<path>.new-<pid>` and links it to `path`. link() (unlike
// rename()) fails if `path` appeared meanwhile, so a key another process
// just made is never replaced: we then read theirs.
Result<std::string> create_key(const std::string& path)
{
    unsigned char bytes[k_key_bytes];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return StoreError{StoreErrc::internal, 0, path + ": no random bytes for the key (RAND_bytes failed)"};
    static const char* hex = "0123456789abcdef";
    char text[k_key_hex + 1];
    for (std::size_t i = 0; i < k_key_bytes; ++i) {
        text[2 * i] = hex[bytes[i] >> 4];
        text[2 * i + 1] = hex[bytes[i] & 15];
    }
    text[k_key_hex] = '\n';
    OPENSSL_cleanse(bytes, sizeof bytes);

    const std::string temp = path + ".new-" + std::to_string(::getpid());
    // A kiosk started at boot often gets the same pid again: a temporary
    // file left by a crash at this point would otherwise block the start.
    (void)::unlink(temp.c_str());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return os_error(temp, "cannot create the key file", errno);
    // The umask can only take bits away from 0600; fchmod makes it exact.
    const bool written = ::fchmod(fd, 0600) == 0 && write_all(fd, text, sizeof text) && ::fsync(fd) == 0;
    const int write_error = errno;
    OPENSSL_cleanse(text, sizeof text);
    ::close(fd);
    if (!written) {
        ::unlink(temp.c_str());
        return os_error(temp, "cannot write the key file", write_error);
    }
    const int linked = ::link(temp.c_str(), path.c_str());
    const int link_error = errno;
    ::unlink(temp.c_str());
    if (linked != 0 && link_error != EEXIST)
        return os_error(path, "cannot put the key file in place", link_error);
    sync_folder_of(path);  // make the new directory entry durable too
    return read_key(path);
}

bool is_token_text(const std::string& token)
{
    if (token.empty() || token.size() > 128)
        return false;
    for (char c : token)
        if (c <= 0x20 || c >= 0x7f)
            return false;
    return true;
}

} // namespace

Result<std::optional<std::string>> load_token_file(const std::string& path)
{
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0) {
        if (errno == ENOENT)
            return std::optional<std::string>();
        return os_error(path, "cannot stat the token file", errno);
    }
    auto token = read_secret(path, "token file");
    if (!token)
        return token.error();
    if (!is_token_text(token.value()))
        return StoreError{StoreErrc::bad_input, 0, path + ": not a kiosk token file (one line, printable ASCII)"};
    return std::optional<std::string>(std::move(token.value()));
}

Status save_token_file(const std::string& path, const std::string& token)
{
    if (!is_token_text(token))
        return StoreError{StoreErrc::bad_input, 0, path + ": refusing to write a token that is not printable ASCII"};
    const std::string temp = path + ".new-" + std::to_string(::getpid());
    (void)::unlink(temp.c_str());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return os_error(temp, "cannot create the token file", errno);
    const std::string text = token + "\n";
    const bool written = ::fchmod(fd, 0600) == 0 && write_all(fd, text.data(), text.size()) && ::fsync(fd) == 0;
    const int write_error = errno;
    ::close(fd);
    if (!written) {
        ::unlink(temp.c_str());
        return os_error(temp, "cannot write the token file", write_error);
    }
    // rename() replaces the old token at once: a crash leaves the old or the new, never half of one.
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        return os_error(path, "cannot put the token file in place", error);
    }
    sync_folder_of(path);
    return Done{};
}

Result<std::string> load_or_create_key_file(const std::string& path)
{
    struct stat info {};
    if (::lstat(path.c_str(), &info) == 0)
        return read_key(path);
    if (errno != ENOENT)
        return os_error(path, "cannot stat the key file", errno);
    return create_key(path);
}

} // namespace kiosk::store
