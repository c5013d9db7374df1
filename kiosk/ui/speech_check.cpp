// The read-aloud rule on a recorded frame.
#include "ui/speech_check.hpp"

#include "core/spoken_text.hpp"
#include "ui/icons.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <regex>

namespace kiosk::ui {

std::string check_reading(const FrameRecord& frame, const std::string& title, SpeechVoice voice)
{
    const bool speaker = std::any_of(frame.targets.begin(), frame.targets.end(),
                                     [](const DrawnTarget& t) { return t.id == "speech.say"; });
    if (!speaker)
        return "the screen offers no speaker button (speech.say)";
    const std::vector<std::string> pieces = frame.reading();
    if (pieces.empty())
        return "the speaker would read nothing";
    // A dialog on top is read on its own (its words are what matter now);
    // a screen is read title first.
    const bool dialog = std::any_of(frame.readable.begin(), frame.readable.end(),
                                    [](const ReadablePiece& p) { return p.layer > 0; });
    if (!dialog && pieces.front() != title)
        return "the speaker would start with \"" + pieces.front() + "\", not the screen's title \"" + title + "\"";
    if (!dialog && pieces.size() < 2)
        return "the speaker would read only the title \"" + title + "\", nothing of the screen's content";
    const std::string said = utterance(pieces, voice);
    if (said.empty())
        return "the reading rules leave nothing to say";
    // Read the way people say them: amounts, dates and icons never reach the voice raw.
    if (said.find("¥") != std::string::npos || said.find("￥") != std::string::npos)
        return "an amount would be read with its sign, not in words: \"" + said + "\"";
    static const std::regex raw_date("\\b20[0-9]{2}-[01][0-9]-[0-3][0-9]\\b");
    if (std::regex_search(said, raw_date))
        return "a date would be read as digits and dashes: \"" + said + "\"";
    for (const char* s = said.c_str(); *s;) {
        unsigned int c = 0;
        s += ImMax(1, ImTextCharFromUtf8(&c, s, said.c_str() + said.size()));
        if (is_icon_codepoint(c))
            return "an icon glyph would be handed to the voice: \"" + said + "\"";
    }
    return {};
}

} // namespace kiosk::ui
