// What the kiosk says for what it shows: amounts, rooms, dates, times and
// codes read the way people say them, icons and marks left out.
//   ¥1,234.50      -> 一千二百三十四元五角 / 一千二百三十四元五毫 / 1234 yuan 50 fen
//   3栋2单元1502    -> 三栋二单元一五零二室 (the room digit by digit)
//   2026-12-03     -> 十二月三日 / 十二月三號 / December 3
//   PO-7K2Q9, 20261203001 (codes) -> digit by digit
//   张*            -> 张某 (a masked name); ****5678 -> 尾号五六七八
#pragma once

#include "core/speech_voice.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

std::string spoken_form(std::string_view text, SpeechVoice voice);

// A whole screen: its pieces in reading order (title first), each made
// spoken, joined with a pause.
std::string utterance(const std::vector<std::string>& pieces, SpeechVoice voice);

// A whole number as said in Chinese: 1234 -> 一千二百三十四 (Cantonese in
// traditional characters: 萬, 兩).
std::string chinese_number(std::uint64_t value, SpeechVoice voice);

} // namespace kiosk
