// Key files: see private_file.hpp.
#include "private_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace lobby::server {
namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path, const std::string& why) {
    throw std::runtime_error(what + " file " + path + ": " + why);
}

// Closes the descriptor on every path out.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

} // namespace

std::string read_private_file(const std::string& path, const std::string& what, std::size_t max_bytes) {
    const Fd file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (file.fd < 0) fail(what, path, std::string("cannot open: ") + std::strerror(errno));
    // Checked on the open descriptor, so the file read is the file checked.
    struct stat info {};
    if (::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode)) fail(what, path, "is not a regular file");
    if ((info.st_mode & 077) != 0)
        fail(what, path, "group or others may access it; chmod 600 it (and consider the key exposed)");
    std::string text;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(file.fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail(what, path, std::string("cannot read: ") + std::strerror(errno));
        if (n == 0) break;
        text.append(buf, static_cast<std::size_t>(n));
        if (text.size() > max_bytes) fail(what, path, "does not hold a key (too long)");
    }
    return text;
}

bool create_private_file(const std::string& path, const std::string& what, const std::string& content) {
    const Fd file{::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)};
    if (file.fd < 0) {
        if (errno == EEXIST) return false;
        fail(what, path, std::string("cannot create: ") + std::strerror(errno));
    }
    // The umask may only take bits away from 0600; fchmod makes it exact.
    bool ok = ::fchmod(file.fd, 0600) == 0;
    for (std::size_t done = 0; ok && done < content.size();) {
        const ssize_t wrote = ::write(file.fd, content.data() + done, content.size() - done);
        if (wrote < 0 && errno == EINTR) continue;
        ok = wrote > 0;
        if (ok) done += static_cast<std::size_t>(wrote);
    }
    ok = ok && ::fsync(file.fd) == 0;
    if (!ok) {
        const int error = errno;
        ::unlink(path.c_str());
        fail(what, path, std::string("cannot write: ") + std::strerror(error));
    }
    return true;
}

void replace_private_file(const std::string& path, const std::string& what, const std::string& content) {
    const std::string temp = path + ".new-" + std::to_string(::getpid());
    (void)::unlink(temp.c_str());  // a leftover of a crashed run
    create_private_file(temp, what, content);
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp.c_str());
        fail(what, path, std::string("cannot put it in place: ") + std::strerror(error));
    }
}

} // namespace lobby::server
