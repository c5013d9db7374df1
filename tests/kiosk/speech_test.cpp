// Read-aloud with the real espeak-ng and SDL audio: a sentence in each voice
// synthesises to a buffer of plausible length; the engine never blocks its
// caller, cuts off the previous utterance, and speaks with or without a
// sound device (SDL's dummy driver stands in for a speaker).
#include "speech/speech_engine.hpp"
#include "speech/synthesizer.hpp"
#include "support/time_scale.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <string>

using namespace kiosk::speech;

namespace {

// About 20 characters each, as the kiosk says them.
const char* const mandarin = "请选择您的楼栋，然后输入手机号码后四位";
const char* const cantonese = "請選擇你嘅大廈，然後輸入電話號碼最後四個字";
const char* const english = "Please choose your building, then type four digits";

double seconds_of(const std::vector<std::int16_t>& samples, int rate)
{
    return static_cast<double>(samples.size()) / rate;
}

bool audible(const std::vector<std::int16_t>& samples)
{
    int loud = 0;
    for (std::int16_t s : samples)
        loud += (s > 1000 || s < -1000);
    return loud > static_cast<int>(samples.size() / 20);
}

// Long enough that it is still being synthesised when the next one comes.
std::string long_text()
{
    std::string text;
    for (int i = 0; i < 40; ++i)
        text += "物业服务中心提醒您，请按时缴纳物业管理费。";
    return text;
}

// Waits (bounded) until the utterance's first buffer is out.
void wait_until_sounding(const SpeechEngine& engine)
{
    const auto deadline = std::chrono::steady_clock::now() + lobby::test::scaled(std::chrono::seconds(20));
    while (engine.last().samples == 0 && std::chrono::steady_clock::now() < deadline)
        engine.wait_idle(5);
}

} // namespace

TEST_CASE("a sentence in each voice synthesises to a buffer of plausible length")
{
    Synthesizer synth;
    REQUIRE_MESSAGE(synth.ok(), synth.error());
    CHECK(synth.sample_rate() >= 16000);
    struct {
        const char* voice;
        const char* text;
    } cases[] = {{"cmn", mandarin}, {"yue", cantonese}, {"en", english}};
    for (const auto& c : cases) {
        CAPTURE(c.voice);
        const auto samples = synth.synthesize_all(c.text, c.voice, 150);
        // 19-20 syllables or 8 words at a calm pace: a few seconds, not a click, not a minute.
        const double seconds = seconds_of(samples, synth.sample_rate());
        CHECK(seconds > 1.5);
        CHECK(seconds < 12.0);
        CHECK(audible(samples));
    }
    // Cantonese is not Mandarin read with another name: the sounds differ.
    CHECK(synth.synthesize_all(mandarin, "cmn") != synth.synthesize_all(mandarin, "yue"));
}

TEST_CASE("a missing voice is refused with its name")
{
    Synthesizer synth;
    REQUIRE(synth.ok());
    const bool ok = synth.synthesize("你好", "no-such-voice", 150, [](const std::int16_t*, int) { return true; });
    CHECK_FALSE(ok);
    CHECK(synth.error().find("no-such-voice") != std::string::npos);
}

TEST_CASE("without a sound device the engine synthesises and stays silent, without error")
{
    setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
    SpeechEngine engine;
    CHECK_FALSE(engine.audio_available());
    CHECK_FALSE(engine.why_silent().empty());
    engine.speak(mandarin, "cmn");
    REQUIRE(engine.wait_idle(lobby::test::scaled_ms(20000)));
    const UtteranceReport report = engine.last();
    CHECK(report.finished);
    CHECK_FALSE(report.failed);
    CHECK_FALSE(report.played);
    CHECK(report.samples > 16000u);
    CHECK(report.first_audio_ms >= 0);
}

TEST_CASE("with a sound device the buffers go to it")
{
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    SpeechEngine engine;
    REQUIRE_MESSAGE(engine.audio_available(), engine.why_silent());
    engine.speak(english, "en");
    REQUIRE(engine.wait_idle(lobby::test::scaled_ms(20000)));
    CHECK(engine.last().finished);
    CHECK(engine.last().played);
}

TEST_CASE("a new utterance cuts off the one before, and speak() returns at once")
{
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    SpeechEngine engine;
    engine.speak(long_text(), "cmn");
    // Wait until the long one is sounding (its first buffer is out).
    wait_until_sounding(engine);
    REQUIRE(engine.last().samples > 0);
    REQUIRE_FALSE(engine.last().finished);

    const auto before = std::chrono::steady_clock::now();
    engine.speak(english, "en");
    const double call_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - before).count();
    // Far below the seconds the long text takes: a frame never waits for synthesis.
    CHECK(call_ms < 50.0 * lobby::test::time_scale());

    REQUIRE(engine.wait_idle(lobby::test::scaled_ms(20000)));
    CHECK(engine.cut_off_count() == 1);
    CHECK(engine.last().text == english);
    CHECK(engine.last().finished);
}

TEST_CASE("stop() cuts off what is sounding")
{
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    SpeechEngine engine;
    engine.speak(long_text(), "yue");
    wait_until_sounding(engine);
    engine.stop();
    REQUIRE(engine.wait_idle(lobby::test::scaled_ms(20000)));
    CHECK(engine.last().cancelled);
    CHECK_FALSE(engine.last().finished);
}
