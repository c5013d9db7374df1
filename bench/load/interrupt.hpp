// Ctrl-C (or SIGTERM, SIGHUP) during a benchmark still stops what it
// started outside its own process: the private PostgreSQL cluster. The
// office servers stop by themselves when the benchmark dies (PR_SET_PDEATHSIG).
#pragma once

#include <functional>

namespace lobby::bench {

// Call first in main, before any thread: those signals then go to one
// watcher thread, which runs the cleanups and exits with 128 + signal.
void watch_interrupts();

// Adds a cleanup for an interrupt; the returned id removes it when the
// resource was released normally.
int on_interrupt(std::function<void()> cleanup);
void forget_interrupt(int id);

} // namespace lobby::bench
