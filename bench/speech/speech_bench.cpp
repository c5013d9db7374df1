// Read-aloud latency: how long from speak() until the first buffer of sound
// is ready for the speaker, for a 20-character sentence in each voice
// (target < 150 ms), and how fast synthesis runs against real time.
//   build/bench/speech/speech_bench [runs]
#include "speech/speech_engine.hpp"
#include "speech/synthesizer.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace kiosk::speech;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

struct Case {
    const char* voice;
    const char* text;  // about 20 characters
};

} // namespace

int main(int argc, char** argv)
{
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
    const Case cases[] = {
        {"cmn", "您本月的物业费共计一千二百三十四元五角整"},    // 20 characters
        {"yue", "你今個月嘅管理費一共一千二百三十四元五毫"},    // 20 characters
        {"en", "Please pay 1234 yuan"},                      // 20 characters
    };
    const auto started = Clock::now();
    Synthesizer synth;
    const double start_ms = ms_since(started);
    if (!synth.ok()) {
        std::fprintf(stderr, "%s\n", synth.error().c_str());
        return 1;
    }
    std::printf("speech_bench: %d runs per voice, espeak-ng at %d Hz, started in %.1f ms\n", runs, synth.sample_rate(),
                start_ms);
    std::printf("%-5s %26s %26s %24s %18s\n", "voice", "first buffer ms (p50/p95)", "first voiced ms (p50/p95)",
                "whole sentence ms (p50)", "audio s / synth s");
    for (const Case& c : cases) {
        std::vector<double> first, voiced, whole;
        double audio_s = 0;
        for (int i = 0; i < runs; ++i) {
            const auto t0 = Clock::now();
            double first_ms = -1, voiced_ms = -1;
            std::size_t samples = 0;
            synth.synthesize(c.text, c.voice, 150, [&](const std::int16_t* chunk, int count) {
                if (first_ms < 0)
                    first_ms = ms_since(t0);
                for (int k = 0; k < count && voiced_ms < 0; ++k)
                    if (chunk[k] > 1000 || chunk[k] < -1000)
                        voiced_ms = ms_since(t0);
                samples += static_cast<std::size_t>(count);
                return true;
            });
            first.push_back(first_ms);
            voiced.push_back(voiced_ms);
            whole.push_back(ms_since(t0));
            audio_s = static_cast<double>(samples) / synth.sample_rate();
        }
        std::printf("%-5s %12.1f / %-12.1f %12.1f / %-12.1f %24.1f %18.1f\n", c.voice, percentile(first, 0.5),
                    percentile(first, 0.95), percentile(voiced, 0.5), percentile(voiced, 0.95), percentile(whole, 0.5),
                    audio_s / (percentile(whole, 0.5) / 1000.0));
    }

    // Through the engine, as the kiosk asks: speak() on this thread, the
    // worker synthesises; includes the hand-over between threads.
    setenv("SDL_AUDIODRIVER", "dummy", 0);  // a device that takes the sound, when there is no real one
    const auto engine_started = Clock::now();
    SpeechEngine engine;
    std::printf("engine started in %.1f ms (audio: %s)\n", ms_since(engine_started), engine.audio_available() ? "yes" : engine.why_silent().c_str());
    for (const Case& c : cases) {
        std::vector<double> first;
        for (int i = 0; i < runs; ++i) {
            engine.speak(c.text, c.voice);
            engine.wait_idle(20000);
            first.push_back(engine.last().first_audio_ms);
        }
        std::printf("%-5s speak() to first buffer ms: p50 %.1f, p95 %.1f, max %.1f\n", c.voice, percentile(first, 0.5),
                    percentile(first, 0.95), *std::max_element(first.begin(), first.end()));
    }
    return 0;
}
