// OfficeProcess: fork/exec of office-server, reading its "listening on host:port" line.
#include "office_process.hpp"

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace kiosk::test {

OfficeProcess::OfficeProcess(std::string executable, std::string dir)
    : m_executable(std::move(executable)), m_dir(std::move(dir)), m_db_path(m_dir + "/office.db")
{
}

OfficeProcess::~OfficeProcess() { stop(); }

bool OfficeProcess::start()
{
    if (m_pid > 0)
        return true;
    int out[2];
    if (pipe(out) != 0)
        return false;
    const std::string listen = "127.0.0.1:" + std::to_string(m_port);
    const std::string log = m_dir + "/office.log";
    m_pid = fork();
    if (m_pid == 0) {
        dup2(out[1], STDOUT_FILENO);
        const int log_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(log_fd, STDERR_FILENO);
        close(out[0]);
        execl(m_executable.c_str(), m_executable.c_str(), "--db", m_db_path.c_str(), "--listen", listen.c_str(),
              "--demo", static_cast<char*>(nullptr));
        _exit(127);
    }
    close(out[1]);
    m_stdout_fd = out[0];
    // Read lines until the server says where it listens (demo seeding first).
    std::string line;
    char c = 0;
    while (read(m_stdout_fd, &c, 1) == 1) {
        if (c != '\n') {
            line += c;
            continue;
        }
        const std::string prefix = "listening on ";
        if (line.rfind(prefix, 0) == 0) {
            m_port = std::stoi(line.substr(line.rfind(':') + 1));
            return true;
        }
        line.clear();
    }
    stop();
    return false;
}

void OfficeProcess::stop()
{
    if (m_pid > 0) {
        kill(m_pid, SIGTERM);
        int status = 0;
        waitpid(m_pid, &status, 0);
        m_pid = -1;
    }
    if (m_stdout_fd >= 0) {
        close(m_stdout_fd);
        m_stdout_fd = -1;
    }
}

} // namespace kiosk::test
