// A private nginx for a test: `nginx -p DIR -c DIR/nginx.conf` in the
// foreground as a child of the test, with a main config of our own that
// includes one site file (a temporary copy of the shipped one). No system
// service, nothing installed, nothing left running: the child gets SIGTERM if
// the test's thread dies (PR_SET_PDEATHSIG), and the destructor stops it
// (nginx's master stops its worker) and removes DIR. Run as root (this
// machine's CI), it drops to `nobody` first, so it runs unprivileged as it
// would as any test user.
#pragma once

#include <sys/types.h>

#include <string>

namespace lobby::test {

class NginxProcess {
public:
    // `dir`: a fresh directory holding the site file and what it refers to
    // (taken over: chowned when dropping privileges, removed at the end).
    // Waits until 127.0.0.1:`port` accepts connections; throws with nginx's
    // output if it does not start within 10 s (scaled).
    NginxProcess(std::string dir, const std::string& site_file, int port);
    ~NginxProcess();
    NginxProcess(const NginxProcess&) = delete;
    NginxProcess& operator=(const NginxProcess&) = delete;

    std::string output() const;  // nginx's stderr and error log, for failure messages
    const std::string& dir() const { return m_dir; }

private:
    std::string m_dir;
    pid_t m_pid = -1;
};

// The path of the nginx binary (env LOBBY_NGINX, else the one CMake found).
std::string nginx_binary();

// A loopback port nothing listens on right now (bound and released).
int free_loopback_port();

} // namespace lobby::test
