#include "load_phase.hpp"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace lobby::bench {
namespace {

using Clock = std::chrono::steady_clock;

Outcome perform(SimKiosk& kiosk, Op op) {
    switch (op) {
    case Op::fee_lookup: return kiosk.look_up_fees();
    case Op::repair: return kiosk.post_repair();
    case Op::feed_page: return kiosk.pull_page();
    }
    return {false, "unknown operation"};
}

// The first few failures are printed; the rest only counted.
void report_failure(const SimKiosk& kiosk, Op op, const std::string& error) {
    static std::mutex mutex;
    static int printed = 0;
    std::lock_guard lock(mutex);
    if (printed++ < 5) std::fprintf(stderr, "%s %s: %s\n", kiosk.credentials().kiosk_id.c_str(), op_name(op), error.c_str());
}

} // namespace

const char* op_name(Op op) {
    switch (op) {
    case Op::fee_lookup: return "fee lookup";
    case Op::repair: return "repair creation";
    case Op::feed_page: return "feed page (250)";
    }
    return "?";
}

PhaseResult run_phase(std::vector<SimKiosk>& kiosks, const std::vector<Op>& ops, std::chrono::milliseconds length) {
    std::vector<std::array<OpSamples, 3>> per_kiosk(kiosks.size());
    std::atomic<bool> go{false};
    Clock::time_point deadline;
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < kiosks.size(); ++k)
        threads.emplace_back([&, k] {
            while (!go.load()) std::this_thread::yield();
            // Kiosks start at different points of the cycle, as real ones would.
            for (std::size_t step = k; Clock::now() < deadline; ++step) {
                const Op op = ops[step % ops.size()];
                const Outcome outcome = perform(kiosks[k], op);
                OpSamples& samples = per_kiosk[k][static_cast<int>(op)];
                samples.ms.push_back(outcome.ms);
                if (!outcome.ok) {
                    ++samples.failures;
                    report_failure(kiosks[k], op, outcome.error);
                }
            }
        });
    const auto start = Clock::now();
    deadline = start + length;
    go = true;
    for (auto& t : threads) t.join();
    PhaseResult result;
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    for (const auto& kiosk : per_kiosk)
        for (std::size_t op = 0; op < kiosk.size(); ++op) result.samples[op].add(kiosk[op]);
    return result;
}

} // namespace lobby::bench
