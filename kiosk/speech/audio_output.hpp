// The speaker: an SDL2 audio device fed from a queue. A kiosk without sound
// hardware (or a CI machine) has none; then everything is accepted and
// nothing is heard, which is not an error.
#pragma once

#include <SDL.h>

#include <cstdint>
#include <string>

namespace kiosk::speech {

class AudioOutput {
public:
    // Opens the default output for 16-bit mono at `sample_rate`. Call on the
    // thread that started SDL.
    explicit AudioOutput(int sample_rate);
    ~AudioOutput();
    AudioOutput(const AudioOutput&) = delete;
    AudioOutput& operator=(const AudioOutput&) = delete;

    bool available() const { return m_device != 0; }
    const std::string& why_silent() const { return m_why_silent; }

    // Any thread (SDL locks the device around its queue).
    void play(const std::int16_t* samples, int count);
    void stop();  // drops what is queued: a new utterance starts at once
    std::uint32_t queued_bytes() const;

private:
    SDL_AudioDeviceID m_device = 0;
    bool m_subsystem_started = false;
    std::string m_why_silent;
};

} // namespace kiosk::speech
