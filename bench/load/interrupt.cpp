#include "interrupt.hpp"

#include <signal.h>
#include <unistd.h>

#include <map>
#include <mutex>
#include <thread>

namespace lobby::bench {
namespace {

std::mutex cleanups_mutex;
std::map<int, std::function<void()>> cleanups;
int next_id = 0;

sigset_t interrupt_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    return set;
}

} // namespace

void watch_interrupts() {
    const sigset_t set = interrupt_signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);  // inherited by every later thread
    std::thread([set] {
        int signal = 0;
        sigwait(&set, &signal);
        std::lock_guard lock(cleanups_mutex);
        for (auto& [id, cleanup] : cleanups) cleanup();
        _exit(128 + signal);
    }).detach();
}

int on_interrupt(std::function<void()> cleanup) {
    std::lock_guard lock(cleanups_mutex);
    cleanups.emplace(++next_id, std::move(cleanup));
    return next_id;
}

void forget_interrupt(int id) {
    std::lock_guard lock(cleanups_mutex);
    cleanups.erase(id);
}

} // namespace lobby::bench
