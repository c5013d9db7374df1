// The speech worker: one job at a time, the newest wins.
#include "speech/speech_engine.hpp"

namespace kiosk::speech {

SpeechEngine::SpeechEngine(int words_per_minute) : m_words_per_minute(words_per_minute)
{
    m_audio = std::make_unique<AudioOutput>(m_synth.sample_rate());
    m_worker = std::thread([this] { run(); });
}

SpeechEngine::~SpeechEngine()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_quit = true;
        m_latest = 0;  // cuts off what is being synthesised
    }
    m_changed.notify_all();
    m_worker.join();
    m_audio.reset();
}

std::string SpeechEngine::why_silent() const
{
    if (!m_synth.ok())
        return m_synth.error();
    return m_audio ? m_audio->why_silent() : std::string("no audio");
}

void SpeechEngine::speak(std::string text, std::string voice)
{
    std::uint64_t id = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        id = ++m_last_id;
        m_pending = Job{id, std::move(text), std::move(voice), Clock::now()};
    }
    {
        std::lock_guard<std::mutex> audio_lock(m_audio_mutex);
        m_latest = id;
        if (m_audio)
            m_audio->stop();  // the old sentence stops now, not when the new one starts
    }
    m_changed.notify_all();
}

void SpeechEngine::stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pending.reset();
    }
    {
        std::lock_guard<std::mutex> audio_lock(m_audio_mutex);
        m_latest = 0;
        if (m_audio)
            m_audio->stop();
    }
    m_changed.notify_all();
}

std::uint64_t SpeechEngine::cut_off_count() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_cut_off;
}

UtteranceReport SpeechEngine::last() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_report;
}

bool SpeechEngine::wait_idle(int timeout_ms) const
{
    std::unique_lock<std::mutex> lock(m_mutex);
    return m_changed.wait_for(lock, std::chrono::milliseconds(timeout_ms), [this] {
        return !m_pending && (m_report.finished || m_report.cancelled || m_report.failed || m_report.id == 0);
    });
}

void SpeechEngine::run()
{
    for (;;) {
        Job job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [this] { return m_quit || m_pending; });
            if (m_quit)
                return;
            job = std::move(*m_pending);
            m_pending.reset();
            m_report = UtteranceReport{};
            m_report.id = job.id;
            m_report.text = job.text;
            m_report.voice = job.voice;
        }
        speak_one(job);
        m_changed.notify_all();
    }
}

void SpeechEngine::speak_one(const Job& job)
{
    const bool played = audio_available();
    const bool ok = m_synth.synthesize(job.text, job.voice, m_words_per_minute,
                                       [&](const std::int16_t* samples, int count) {
        {
            std::lock_guard<std::mutex> audio_lock(m_audio_mutex);
            if (m_latest.load() != job.id)
                return false;  // cut off by a newer utterance or stop()
            if (m_audio)
                m_audio->play(samples, count);
        }
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_report.samples == 0)
            m_report.first_audio_ms =
                std::chrono::duration<double, std::milli>(Clock::now() - job.asked).count();
        m_report.samples += static_cast<std::size_t>(count);
        m_report.played = played;
        return true;
    });
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!ok)
        m_report.failed = true;
    else if (m_latest.load() != job.id) {
        m_report.cancelled = true;
        ++m_cut_off;
    }
    else
        m_report.finished = true;
}

} // namespace kiosk::speech
