// espeak-ng turned into a function: text and a voice in, 16-bit mono samples
// out, chunk by chunk as they are made (so playback can start at the first),
// stoppable between chunks. espeak-ng is one global engine per process, so
// only one thread at a time may use a Synthesizer (the speech worker, or a test).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace kiosk::speech {

class Synthesizer {
public:
    // Loads espeak-ng's data; ok() is false (with error()) when it cannot.
    Synthesizer();
    ~Synthesizer();
    Synthesizer(const Synthesizer&) = delete;
    Synthesizer& operator=(const Synthesizer&) = delete;

    bool ok() const { return m_sample_rate > 0; }
    const std::string& error() const { return m_error; }
    int sample_rate() const { return m_sample_rate; }  // Hz, mono

    // Called with each chunk as espeak-ng makes it; return false to stop.
    using ChunkSink = std::function<bool(const std::int16_t* samples, int count)>;

    // Speaks `text` (UTF-8) with the espeak-ng voice `voice` ("cmn", "yue",
    // "en") at `words_per_minute`. False with error() when the voice is
    // missing or synthesis failed; a stop asked by the sink is not a failure.
    bool synthesize(const std::string& text, const std::string& voice, int words_per_minute, const ChunkSink& sink);

    // The whole utterance in one buffer (tests, the bench).
    std::vector<std::int16_t> synthesize_all(const std::string& text, const std::string& voice,
                                             int words_per_minute = 160);

private:
    int m_sample_rate = 0;
    std::string m_error;
};

} // namespace kiosk::speech
