// Latency samples of one operation and the figures printed from them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace lobby::bench {

struct OpSamples {
    std::vector<double> ms;  // one per request that got an answer or failed
    int failures = 0;

    void add(const OpSamples& other) {
        ms.insert(ms.end(), other.ms.begin(), other.ms.end());
        failures += other.failures;
    }
};

struct OpFigures {
    std::size_t requests = 0;
    double per_second = 0;
    double p50_ms = 0;
    double p99_ms = 0;
    int failures = 0;
};

// `seconds`: the wall time the samples were taken in (all kiosks together).
inline OpFigures figures_of(OpSamples samples, double seconds) {
    OpFigures f;
    f.requests = samples.ms.size();
    f.failures = samples.failures;
    if (samples.ms.empty()) return f;
    std::sort(samples.ms.begin(), samples.ms.end());
    const auto at = [&](double q) {
        return samples.ms[std::min(samples.ms.size() - 1, static_cast<std::size_t>(q * samples.ms.size()))];
    };
    f.per_second = seconds > 0 ? samples.ms.size() / seconds : 0;
    f.p50_ms = at(0.50);
    f.p99_ms = at(0.99);
    return f;
}

} // namespace lobby::bench
