// Runs the real office-server as a child process on a loopback port, for sync tests and benches.
#pragma once

#include <string>
#include <sys/types.h>

namespace kiosk::test {

// Starts `office-server --demo` on its own database in dir; the first start
// picks a free port, later restarts reuse it (so a kiosk configured with the
// URL sees "server down" then "server back").
class OfficeProcess {
public:
    OfficeProcess(std::string executable, std::string dir);
    ~OfficeProcess();
    OfficeProcess(const OfficeProcess&) = delete;
    OfficeProcess& operator=(const OfficeProcess&) = delete;

    bool start();        // returns once "listening on" was printed
    void stop();         // SIGTERM and wait
    bool running() const { return m_pid > 0; }

    int port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    const std::string& db_path() const { return m_db_path; }

private:
    std::string m_executable;
    std::string m_dir;
    std::string m_db_path;
    int m_port = 0;
    pid_t m_pid = -1;
    int m_stdout_fd = -1;
};

} // namespace kiosk::test
