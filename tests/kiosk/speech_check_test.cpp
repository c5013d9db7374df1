// The read-aloud rule catches what it promises: a screen without the
// speaker, a reading that does not start with the title or says nothing
// more; a dialog is read on its own.
#include "ui/speech_check.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::ui;

namespace {

DrawnTarget button(const char* id, float y, int layer = 0)
{
    return {id, id, ImVec4(0, y, 300, y + 100), ImVec4(0, 0, 1080, 1920), layer, false, false, false, {}, false};
}

FrameRecord screen_with(std::vector<std::string> read, bool speaker = true)
{
    FrameRecord frame;
    if (speaker)
        frame.targets.push_back(button("speech.say", 1800));
    for (std::string& piece : read)
        frame.readable.push_back({std::move(piece), 0});
    return frame;
}

} // namespace

TEST_CASE("a screen with the speaker, read title first with its content, passes")
{
    const FrameRecord frame = screen_with({"物业缴费", "3栋2单元1502室", "应缴合计", "¥1,234.50", "2026-12-03 到期"});
    CHECK(check_reading(frame, "物业缴费", SpeechVoice::Mandarin) == "");
    CHECK(check_reading(frame, "物业缴费", SpeechVoice::Cantonese) == "");
    CHECK(check_reading(screen_with({"Property fees", "Total due", "¥12.00"}), "Property fees", SpeechVoice::English) == "");
}

TEST_CASE("no speaker, another title first, or the title alone: each fails")
{
    CHECK(check_reading(screen_with({"物业缴费", "应缴合计"}, false), "物业缴费", SpeechVoice::Mandarin)
              .find("no speaker") != std::string::npos);
    CHECK(check_reading(screen_with({"应缴合计", "物业缴费"}), "物业缴费", SpeechVoice::Mandarin).find("not the screen's title") !=
          std::string::npos);
    CHECK(check_reading(screen_with({"物业缴费"}), "物业缴费", SpeechVoice::Mandarin).find("only the title") !=
          std::string::npos);
    CHECK(check_reading(screen_with({}), "物业缴费", SpeechVoice::Mandarin).find("nothing") != std::string::npos);
}

TEST_CASE("a dialog on top is read on its own, without the screen's title")
{
    FrameRecord frame = screen_with({"物业缴费", "应缴合计"});
    frame.readable.push_back({"这项费用包含什么？", 1});
    CHECK(check_reading(frame, "物业缴费", SpeechVoice::Mandarin) == "");
    // The speaker under the dialog still counts as the screen's.
    frame.targets.push_back(button("fees.explain.close", 900, 1));
    CHECK(check_reading(frame, "物业缴费", SpeechVoice::Mandarin) == "");
}
