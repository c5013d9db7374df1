// espeak-ng in synchronous mode: espeak_Synth returns when the utterance is
// done, calling back with each buffer of samples on the calling thread.
#include "speech/synthesizer.hpp"

#include <espeak-ng/speak_lib.h>

namespace kiosk::speech {
namespace {

// Short buffers: the first one reaches the speaker sooner.
constexpr int buffer_ms = 40;

struct SynthRun {
    const Synthesizer::ChunkSink* sink;
    bool stopped = false;
};

int on_samples(short* wav, int count, espeak_EVENT* events)
{
    auto* run = events ? static_cast<SynthRun*>(events->user_data) : nullptr;
    if (!run || !wav || count <= 0)
        return 0;  // the end of the utterance, or an event without sound
    if (!(*run->sink)(wav, count)) {
        run->stopped = true;
        return 1;  // espeak-ng stops synthesising
    }
    return 0;
}

// espeak-ng starts once per process and is never terminated: its
// espeak_Terminate() waits forever on its own idle thread when the engine
// was started before (a second Synthesizer, a test), and the OS frees it at exit.
int start_espeak()
{
    static const int rate = [] {
        const int r = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, buffer_ms, nullptr, 0);
        if (r > 0)
            espeak_SetSynthCallback(on_samples);
        return r;
    }();
    return rate;
}

} // namespace

Synthesizer::Synthesizer()
{
    const int rate = start_espeak();
    if (rate <= 0) {
        m_error = "espeak-ng cannot start (is espeak-ng-data installed?)";
        return;
    }
    m_sample_rate = rate;
}

Synthesizer::~Synthesizer() = default;

bool Synthesizer::synthesize(const std::string& text, const std::string& voice, int words_per_minute,
                             const ChunkSink& sink)
{
    if (!ok())
        return false;
    if (espeak_SetVoiceByName(voice.c_str()) != EE_OK) {
        m_error = "espeak-ng has no voice '" + voice + "'";
        return false;
    }
    espeak_SetParameter(espeakRATE, words_per_minute, 0);
    SynthRun run{&sink};
    const espeak_ERROR result = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                             espeakCHARS_UTF8, nullptr, &run);
    if (result != EE_OK && !run.stopped) {
        m_error = "espeak-ng could not speak the text";
        return false;
    }
    return true;
}

std::vector<std::int16_t> Synthesizer::synthesize_all(const std::string& text, const std::string& voice,
                                                      int words_per_minute)
{
    std::vector<std::int16_t> samples;
    synthesize(text, voice, words_per_minute, [&samples](const std::int16_t* chunk, int count) {
        samples.insert(samples.end(), chunk, chunk + count);
        return true;
    });
    return samples;
}

} // namespace kiosk::speech
