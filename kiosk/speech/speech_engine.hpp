// Read-aloud for the UI thread: speak() hands text to a worker thread and
// returns at once (a frame never waits for speech); the worker synthesises
// with espeak-ng and queues each buffer on the speaker as it comes, so sound
// starts before the sentence is done. A new utterance cuts off the one
// before it. Without an audio device it synthesises and stays silent.
#pragma once

#include "speech/audio_output.hpp"
#include "speech/synthesizer.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace kiosk::speech {

// What became of the latest utterance (tests, the admin's view, the bench).
struct UtteranceReport {
    std::uint64_t id = 0;  // 0: nothing spoken yet
    std::string text, voice;
    bool finished = false;     // synthesis reached the end
    bool cancelled = false;    // a newer utterance (or stop) cut it off
    bool failed = false;       // espeak-ng refused it (no such voice)
    std::size_t samples = 0;   // synthesised so far
    double first_audio_ms = -1;  // from speak() to its first buffer
    bool played = false;       // buffers went to a real device
};

class SpeechEngine {
public:
    // Call on the thread that started SDL (the audio device opens here).
    explicit SpeechEngine(int words_per_minute = 150);
    ~SpeechEngine();
    SpeechEngine(const SpeechEngine&) = delete;
    SpeechEngine& operator=(const SpeechEngine&) = delete;

    bool can_synthesize() const { return m_synth.ok(); }
    bool audio_available() const { return m_audio && m_audio->available(); }
    std::string why_silent() const;

    // `voice`: an espeak-ng voice name ("cmn", "yue", "en").
    void speak(std::string text, std::string voice);
    void stop();

    UtteranceReport last() const;
    // How many utterances were cut off before their end.
    std::uint64_t cut_off_count() const;
    // Waits (bounded) until the latest utterance finished, was cut off or failed.
    bool wait_idle(int timeout_ms) const;

private:
    using Clock = std::chrono::steady_clock;
    struct Job {
        std::uint64_t id;
        std::string text, voice;
        Clock::time_point asked;
    };
    void run();
    void speak_one(const Job& job);

    Synthesizer m_synth;  // used only by the worker once it runs
    std::unique_ptr<AudioOutput> m_audio;
    const int m_words_per_minute;

    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::optional<Job> m_pending;
    UtteranceReport m_report;
    std::uint64_t m_last_id = 0;
    std::uint64_t m_cut_off = 0;
    std::atomic<std::uint64_t> m_latest{0};  // the utterance that should be sounding
    // Held while a chunk is checked and queued, and while the queue is
    // cleared for a newer utterance: no chunk of the old one slips in after.
    std::mutex m_audio_mutex;
    bool m_quit = false;
    std::thread m_worker;
};

} // namespace kiosk::speech
