// Runs office-server as a child process for tests.
#include "support/office_server_process.hpp"

#include "support/test_database.hpp"
#include "support/time_scale.hpp"

#include <httplib.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace lobby::test {
namespace {

using Clock = std::chrono::steady_clock;

int wait_exit(pid_t pid, std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        int status = 0;
        const pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (r < 0) return -1;
        if (Clock::now() > deadline) return -2;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

} // namespace

std::string office_server_binary() {
    if (const char* env = std::getenv("LOBBY_OFFICE_SERVER")) return env;
    return LOBBY_OFFICE_SERVER_PATH;
}

std::string make_temp_dir(const std::string& prefix) {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/" + prefix + "-XXXXXX";
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
    return pattern;
}

OfficeServerProcess::OfficeServerProcess(OfficeServerOptions options) {
    m_dir = make_temp_dir("office-server-test");
    m_db_path = options.db_path.empty() ? m_dir + "/office.db" : options.db_path;
    m_log_path = m_dir + "/office-server.log";

    // SQLite: its own database is a copy of the run's seeded template, unless
    // flags choose another data key (or a config that may): then the server
    // seeds with that key. A file the test names is the test's to watch (made
    // or not, as a refused start must leave it): the server seeds it itself.
    bool own_key = false;
    for (const auto& arg : options.extra_args) own_key = own_key || arg == "--data-key-file" || arg == "--config";
    const bool copy_seed = options.demo && !options.own_seed && !own_key &&
                           (testing_postgres() || m_db_path == m_dir + "/office.db");
    const std::string db = copy_seed ? test_demo_database(m_db_path, m_dir, test_data_key_file(m_db_path))
                                     : test_database(m_db_path);
    std::vector<std::string> args = {office_server_binary(), "--db", db, "--listen", "127.0.0.1:0"};
    // A URL given as it is brings its own --data-key-file in extra_args.
    if (testing_postgres() && m_db_path.find("://") == std::string::npos)
        args.insert(args.end(), {"--data-key-file", test_data_key_file(m_db_path)});
    if (options.demo) {
        args.emplace_back("--demo");
        // The demo kiosks' key files, as an enrolment hands them over (written
        // only when this run seeds the database).
        args.insert(args.end(), {"--kiosk-key-dir", m_dir});
    }
    if (!options.tls_cert.empty())
        args.insert(args.end(), {"--tls-cert", options.tls_cert, "--tls-key", options.tls_key});
    m_tls = !options.tls_ca.empty();
    m_tls_ca = options.tls_ca;
    args.insert(args.end(), options.extra_args.begin(), options.extra_args.end());

    int out[2];
    if (pipe(out) != 0) throw std::runtime_error("pipe failed");
    m_pid = fork();
    if (m_pid < 0) throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        // Child: dies with the test process (even on a crash), stdout to the
        // pipe, stderr to the log file, then exec.
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        close(out[1]);
        const int log = ::open(m_log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (log >= 0) dup2(log, STDERR_FILENO);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out[1]);
    m_stdout_fd = out[0];
    try {
        wait_until_ready();
    } catch (...) {
        kill_hard();
        close(m_stdout_fd);
        throw;
    }
}

void OfficeServerProcess::wait_until_ready() {
    const auto deadline = Clock::now() + scaled(std::chrono::seconds(15));
    std::string pending;
    while (m_port == 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) throw std::runtime_error("office-server did not print its port within " +
                                               std::to_string(scaled(std::chrono::seconds(15)).count()) + " ms:\n" + log_tail());
        pollfd p{m_stdout_fd, POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
        char buf[512];
        const ssize_t n = read(m_stdout_fd, buf, sizeof buf);
        if (n <= 0) throw std::runtime_error("office-server exited before listening:\n" + log_tail());
        pending.append(buf, static_cast<std::size_t>(n));
        for (std::size_t nl; (nl = pending.find('\n')) != std::string::npos;) {
            const std::string line = pending.substr(0, nl);
            pending.erase(0, nl + 1);
            const std::string prefix = "listening on 127.0.0.1:";
            if (line.compare(0, prefix.size(), prefix) == 0) m_port = std::stoi(line.substr(prefix.size()));
            else m_banner.push_back(line);
        }
    }
    // Over HTTPS the check also proves the certificate verifies for 127.0.0.1.
    httplib::Client client(base_url());
    client.set_connection_timeout(1, 0);
    if (m_tls) {
        client.set_ca_cert_path(m_tls_ca.c_str());
        client.enable_server_certificate_verification(true);
    }
    while (Clock::now() < deadline) {
        if (auto res = client.Get("/v1/health"); res && res->status == 200) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    throw std::runtime_error("office-server /v1/health did not answer 200 within " +
                             std::to_string(scaled(std::chrono::seconds(15)).count()) + " ms of the start:\n" + log_tail());
}

std::string OfficeServerProcess::log_tail() const {
    std::ifstream in(m_log_path);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string all = ss.str();
    return all.size() > 4096 ? all.substr(all.size() - 4096) : all;
}

int OfficeServerProcess::terminate() {
    if (m_pid <= 0) return -1;
    kill(m_pid, SIGTERM);
    int code = wait_exit(m_pid, scaled(std::chrono::seconds(10)));
    if (code == -2) {
        kill(m_pid, SIGKILL);
        code = wait_exit(m_pid, scaled(std::chrono::seconds(5)));
    }
    m_pid = -1;
    return code;
}

void OfficeServerProcess::kill_hard() {
    if (m_pid <= 0) return;
    kill(m_pid, SIGKILL);
    wait_exit(m_pid, scaled(std::chrono::seconds(5)));
    m_pid = -1;
}

namespace {

// Whether every thread of `pid` is stopped ('T' in /proc/<pid>/task/*/stat).
bool all_threads_stopped(pid_t pid) {
    std::error_code error;
    const std::filesystem::path tasks = "/proc/" + std::to_string(pid) + "/task";
    for (const auto& task : std::filesystem::directory_iterator(tasks, error)) {
        std::ifstream stat(task.path() / "stat");
        std::string line;
        std::getline(stat, line);
        const auto close = line.rfind(") ");
        if (close == std::string::npos || close + 2 >= line.size() || line[close + 2] != 'T') return false;
    }
    return !error;
}

} // namespace

void OfficeServerProcess::freeze() {
    if (kill(m_pid, SIGSTOP) != 0) throw std::runtime_error("SIGSTOP failed");
    const auto deadline = std::chrono::steady_clock::now() + scaled(std::chrono::seconds(5));
    while (!all_threads_stopped(m_pid)) {
        if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("office-server did not stop");
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

void OfficeServerProcess::thaw() {
    kill(m_pid, SIGCONT);
}

OfficeServerProcess::~OfficeServerProcess() {
    terminate();
    if (m_stdout_fd >= 0) close(m_stdout_fd);
    if (!m_dir.empty() && !std::getenv("LOBBY_KEEP_TEST_DB")) {
        // Its own database (in its folder) goes with it; one it was given stays.
        if (m_db_path == m_dir + "/office.db") {
            try { drop_test_database(m_db_path); } catch (const std::exception&) {}
        }
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    }
}

std::string OfficeServerProcess::kiosk_key(const std::string& kiosk_id) const {
    std::string key;
    std::ifstream(m_dir + "/" + kiosk_id + ".key") >> key;
    return key;
}

} // namespace lobby::test
