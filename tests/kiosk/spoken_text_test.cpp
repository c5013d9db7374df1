// The reading rules: amounts, rooms, dates, times, codes and masked names as
// people say them, in Mandarin, Cantonese and English.
#include "core/spoken_text.hpp"

#include <doctest/doctest.h>

using kiosk::SpeechVoice;
using kiosk::spoken_form;

namespace {
const SpeechVoice cmn = SpeechVoice::Mandarin, yue = SpeechVoice::Cantonese, en = SpeechVoice::English;
}

TEST_CASE("whole numbers in Chinese")
{
    using kiosk::chinese_number;
    CHECK(chinese_number(0, cmn) == "零");
    CHECK(chinese_number(7, cmn) == "七");
    CHECK(chinese_number(12, cmn) == "十二");
    CHECK(chinese_number(20, cmn) == "二十");
    CHECK(chinese_number(105, cmn) == "一百零五");
    CHECK(chinese_number(1005, cmn) == "一千零五");
    CHECK(chinese_number(1050, cmn) == "一千零五十");
    CHECK(chinese_number(1234, cmn) == "一千二百三十四");
    CHECK(chinese_number(2000, cmn) == "两千");
    CHECK(chinese_number(2000, yue) == "兩千");
    CHECK(chinese_number(10005, cmn) == "一万零五");
    CHECK(chinese_number(20000, yue) == "兩萬");
    CHECK(chinese_number(120034, cmn) == "十二万零三十四");
    CHECK(chinese_number(100000000, cmn) == "一亿");
}

TEST_CASE("amounts")
{
    CHECK(spoken_form("¥1,234.50", cmn) == "一千二百三十四元五角");
    CHECK(spoken_form("¥1,234.50", yue) == "一千二百三十四元五毫");
    CHECK(spoken_form("¥1,234.50", en) == "1234 yuan 50 fen");
    CHECK(spoken_form("¥1,234.56", cmn) == "一千二百三十四元五角六分");
    CHECK(spoken_form("¥100.05", cmn) == "一百元零五分");
    CHECK(spoken_form("¥100.05", yue) == "一百元零五仙");
    CHECK(spoken_form("¥0.80", cmn) == "八角");
    CHECK(spoken_form("¥3,000.00", cmn) == "三千元");
    CHECK(spoken_form("¥0.00", cmn) == "零元");
    CHECK(spoken_form("应缴合计 ¥358.60", cmn) == "应缴合计 三百五十八元六角");
    CHECK(spoken_form("128.30㎡ × ¥2.80/㎡", cmn) == "一百二十八点三零平方米 乘 二元八角每平方米");
}

TEST_CASE("building, entrance and room")
{
    CHECK(spoken_form("3栋2单元1502", cmn) == "三栋二单元一五零二室");
    CHECK(spoken_form("3栋2单元1502室", cmn) == "三栋二单元一五零二室");
    CHECK(spoken_form("12栋2单元801室", cmn) == "十二栋二单元八零一室");
    CHECK(spoken_form("3座2單元1502室", yue) == "三座二單元一五零二室");
    CHECK(spoken_form("Building 3, entrance 2, flat 1502", en) == "Building 3, entrance 2, flat 1 5 0 2");
    // A room button's label alone: digit by digit; a short count stays a number.
    CHECK(spoken_form("1502", cmn) == "一五零二");
    CHECK(spoken_form("801", yue) == "八零一");
    CHECK(spoken_form("12", cmn) == "十二");
}

TEST_CASE("dates and times")
{
    CHECK(spoken_form("2026-12-03", cmn) == "十二月三日");
    CHECK(spoken_form("2026-12-03", yue) == "十二月三號");
    CHECK(spoken_form("2026-12-03", en) == "December 3");
    CHECK(spoken_form("到期日 2026-01-20", cmn) == "到期日 一月二十日");
    CHECK(spoken_form("2026年12月", cmn) == "二零二六年十二月");
    CHECK(spoken_form("14:05", cmn) == "十四点零五分");
    CHECK(spoken_form("9:30", yue) == "九點三十分");
    CHECK(spoken_form("12:00", cmn) == "十二点");
    CHECK(spoken_form("2026-13-03", cmn) != "十三月三日");  // not a date: read as a code
}

TEST_CASE("codes digit by digit")
{
    CHECK(spoken_form("收据编号：PO-7K2Q", cmn) == "收据编号：P O 七 K 二 Q");
    CHECK(spoken_form("访客码 482915", cmn) == "访客码 四八二九一五");
    CHECK(spoken_form("Ticket 482915", en) == "Ticket 4 8 2 9 1 5");
    CHECK(spoken_form("T-20261203-0042", yue) == "T 二零二六一二零三零零四二");
}

TEST_CASE("masked names and phones")
{
    CHECK(spoken_form("户主：张*", cmn) == "户主：张某");
    CHECK(spoken_form("戶主：陳**", yue) == "戶主：陳某");
    CHECK(spoken_form("Owner: Z***", en) == "Owner: Z");
    CHECK(spoken_form("手机 ****5678", cmn) == "手机 尾号五六七八");
    CHECK(spoken_form("Phone ****5678", en) == "Phone ending in 5 6 7 8");
}

TEST_CASE("icons and marks are not read; small counts read as numbers")
{
    CHECK(spoken_form("\xEF\x82\x95 物业缴费", cmn) == " 物业缴费");  // U+F095, an icon glyph
    CHECK(spoken_form("✓ 2026年1月", cmn) == "已选， 二零二六年一月");
    CHECK(spoken_form("查看已缴记录（3 项）", cmn) == "查看已缴记录（三 项）");
    CHECK(spoken_form("60 秒后将清除", yue) == "六十 秒后将清除");
}

TEST_CASE("a screen's pieces joined with pauses, empty ones dropped")
{
    CHECK(kiosk::utterance({"物业缴费", "", "请选择楼栋", "¥12.00"}, cmn) == "物业缴费，请选择楼栋，十二元");
    CHECK(kiosk::utterance({"您还在使用吗？", "继续使用"}, cmn) == "您还在使用吗？继续使用");
    CHECK(kiosk::utterance({"Pay fees", "Choose your building"}, en) == "Pay fees. Choose your building");
    // Columns and separators on screen do not make the voice stumble.
    CHECK(kiosk::utterance({"电费  ·  尚欠 ¥6.00", "2026年10月   ¥185.38   未缴 · 已逾期"}, cmn) ==
          "电费，尚欠 六元，二零二六年十月 一百八十五元三角八分 未缴，已逾期");
}
