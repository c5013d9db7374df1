// One measured phase: every simulated kiosk on its own thread, closed loop
// (the next request as soon as the last answered), cycling through the
// phase's operations until the time is up.
#pragma once

#include "latency.hpp"
#include "sim_kiosk.hpp"

#include <array>
#include <chrono>
#include <vector>

namespace lobby::bench {

enum class Op { fee_lookup, repair, feed_page };
inline constexpr std::array<Op, 3> all_ops{Op::fee_lookup, Op::repair, Op::feed_page};
const char* op_name(Op op);

struct PhaseResult {
    double seconds = 0;                // wall time of the phase
    std::array<OpSamples, 3> samples;  // indexed by Op
    const OpSamples& of(Op op) const { return samples[static_cast<int>(op)]; }
};

PhaseResult run_phase(std::vector<SimKiosk>& kiosks, const std::vector<Op>& ops, std::chrono::milliseconds length);

} // namespace lobby::bench
