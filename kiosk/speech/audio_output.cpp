// SDL2 audio in queue mode (SDL_QueueAudio): no callback thread of ours.
#include "speech/audio_output.hpp"

namespace kiosk::speech {

AudioOutput::AudioOutput(int sample_rate)
{
    if (sample_rate <= 0) {
        m_why_silent = "no speech to play";
        return;
    }
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        m_why_silent = std::string("no audio driver: ") + SDL_GetError();
        return;
    }
    m_subsystem_started = true;
    SDL_AudioSpec want{};
    want.freq = sample_rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;  // ~45 ms at 22 kHz: small enough to start quickly
    m_device = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
    if (m_device == 0) {
        m_why_silent = std::string("no audio device: ") + SDL_GetError();
        return;
    }
    SDL_PauseAudioDevice(m_device, 0);
}

AudioOutput::~AudioOutput()
{
    if (m_device != 0)
        SDL_CloseAudioDevice(m_device);
    if (m_subsystem_started)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void AudioOutput::play(const std::int16_t* samples, int count)
{
    if (m_device != 0 && count > 0)
        SDL_QueueAudio(m_device, samples, static_cast<Uint32>(count) * sizeof(std::int16_t));
}

void AudioOutput::stop()
{
    if (m_device != 0)
        SDL_ClearQueuedAudio(m_device);
}

std::uint32_t AudioOutput::queued_bytes() const
{
    return m_device != 0 ? SDL_GetQueuedAudioSize(m_device) : 0;
}

} // namespace kiosk::speech
