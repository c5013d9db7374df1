// Runs nginx in the foreground as the test's child, unprivileged.
#include "nginx_process.hpp"

#include "support/time_scale.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace lobby::test {
namespace {

using Clock = std::chrono::steady_clock;

bool accepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

std::string nginx_binary() {
    if (const char* env = std::getenv("LOBBY_NGINX")) return env;
    return LOBBY_NGINX_PATH;
}

int free_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        ::close(fd);
        throw std::runtime_error("no free loopback port");
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

NginxProcess::NginxProcess(std::string dir, const std::string& site_file, int port) : m_dir(std::move(dir)) {
    if (::access(nginx_binary().c_str(), X_OK) != 0)
        throw std::runtime_error(nginx_binary() + " not found: `scripts/deps --test` installs Debian's nginx");
    for (const char* sub : {"tmp", "logs"}) std::filesystem::create_directories(m_dir + "/" + sub);
    // Everything nginx writes stays in m_dir.
    std::ofstream(m_dir + "/nginx.conf") << "daemon off;\n"
                                            "worker_processes 1;\n"
                                            "pid " << m_dir << "/nginx.pid;\n"
                                            "error_log " << m_dir << "/logs/error.log info;\n"
                                            "events { worker_connections 512; }\n"
                                            "http {\n"
                                            "  access_log " << m_dir << "/logs/access.log;\n"
                                            "  client_body_temp_path " << m_dir << "/tmp/body;\n"
                                            "  proxy_temp_path " << m_dir << "/tmp/proxy;\n"
                                            "  fastcgi_temp_path " << m_dir << "/tmp/fastcgi;\n"
                                            "  uwsgi_temp_path " << m_dir << "/tmp/uwsgi;\n"
                                            "  scgi_temp_path " << m_dir << "/tmp/scgi;\n"
                                            "  include " << site_file << ";\n"
                                            "}\n";

    // As root: become `nobody`, who must own the folder (certificate and key included).
    uid_t uid = ::geteuid();
    gid_t gid = ::getegid();
    if (uid == 0) {
        const passwd* nobody = ::getpwnam("nobody");
        if (!nobody) throw std::runtime_error("running as root and there is no user nobody to run nginx as");
        uid = nobody->pw_uid;
        gid = nobody->pw_gid;
        ::chown(m_dir.c_str(), uid, gid);
        for (const auto& entry : std::filesystem::recursive_directory_iterator(m_dir))
            ::chown(entry.path().c_str(), uid, gid);
    }

    std::vector<std::string> args = {nginx_binary(), "-p", m_dir + "/", "-c", m_dir + "/nginx.conf", "-e", "stderr"};
    const std::string out_path = m_dir + "/logs/nginx.out";
    m_pid = ::fork();
    if (m_pid < 0) throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (out >= 0) {
            ::dup2(out, STDOUT_FILENO);
            ::dup2(out, STDERR_FILENO);
        }
        if (::geteuid() == 0 && (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)) _exit(126);
        // After setuid: changing credentials clears the parent-death signal.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(argv[0], argv.data());
        _exit(127);
    }
    const auto deadline = Clock::now() + scaled(std::chrono::seconds(10));
    while (!accepts(port)) {
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
            throw std::runtime_error("nginx exited at start:\n" + output());
        }
        if (Clock::now() > deadline) throw std::runtime_error("nginx did not listen within 10 s (scaled):\n" + output());
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

std::string NginxProcess::output() const {
    return read_file(m_dir + "/logs/nginx.out") + read_file(m_dir + "/logs/error.log");
}

NginxProcess::~NginxProcess() {
    if (m_pid > 0) {
        // SIGTERM: nginx's fast shutdown; the master stops its worker and exits.
        ::kill(m_pid, SIGTERM);
        const auto deadline = Clock::now() + scaled(std::chrono::seconds(10));
        int status = 0;
        while (::waitpid(m_pid, &status, WNOHANG) == 0) {
            if (Clock::now() > deadline) {
                ::kill(m_pid, SIGKILL);
                ::waitpid(m_pid, &status, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    if (!std::getenv("LOBBY_KEEP_TEST_DB")) {
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    }
}

} // namespace lobby::test
