// Entered text rules: trimming, NFC, control characters, length limits,
// mobile numbers and car plates.
#include "core/text_rules.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("normalise_text trims ASCII and ideographic spaces and drops control characters")
{
    const TextLimits limits{};
    CHECK(normalise_text("  张三 ", limits) == "张三");
    CHECK(normalise_text("\u3000电梯坏了\u3000", limits) == "电梯坏了");
    CHECK(normalise_text("漏\x07水\x1b[31m", limits) == "漏水[31m");
    CHECK(normalise_text("a\u202Eb\u200Bc", limits) == "abc");  // bidi override, zero-width space
    CHECK(normalise_text("一\n二\t三", limits) == "一 二 三");
    CHECK(normalise_text("ok\xff\xfe", limits) == "ok");          // malformed UTF-8
}

TEST_CASE("normalise_text composes to NFC")
{
    const TextLimits limits{};
    CHECK(normalise_text("Jose\u0301", limits) == "Jos\u00e9");
    CHECK(normalise_text("Jos\u00e9", limits) == "Jos\u00e9");
    CHECK(normalise_text("\u1100\u1161", limits) == "\uac00");  // Hangul jamo compose
}

TEST_CASE("normalise_text cuts to the field's limit in characters, not bytes")
{
    CHECK(normalise_text("电梯门关不上", TextLimits{4}) == "电梯门关");
    CHECK(count_chars(normalise_text("电梯门关不上", TextLimits{4})) == 4);
    CHECK(normalise_text("abcdef", TextLimits{3}) == "abc");
    CHECK(check_text(TextKind::ChineseText, "张", TextLimits{10, 2}) == TextProblem::TooShort);
    CHECK(check_text(TextKind::ChineseText, "张三", TextLimits{10, 2}) == TextProblem::None);
}

TEST_CASE("drop_last_char removes a whole character")
{
    CHECK(drop_last_char("小区") == "小");
    CHECK(drop_last_char("a") == "");
    CHECK(drop_last_char("") == "");
}

TEST_CASE("phones: 11 digits starting 13-19, masked in the middle")
{
    CHECK(valid_phone("13812345678"));
    CHECK(valid_phone("19912345678"));
    CHECK_FALSE(valid_phone("1381234567"));    // 10 digits
    CHECK_FALSE(valid_phone("138123456789"));  // 12
    CHECK_FALSE(valid_phone("23812345678"));   // not 1
    CHECK_FALSE(valid_phone("12812345678"));   // 12x is no mobile prefix
    CHECK_FALSE(valid_phone("1381234567a"));
    CHECK(mask_phone("13812345678") == "138****5678");
    CHECK(check_text(TextKind::Phone, "1381234567", {}) == TextProblem::BadPhone);
}

TEST_CASE("plates: province, city letter, five; new-energy plates of eight")
{
    CHECK(valid_plate("粤B12345"));
    CHECK(valid_plate("京AF0236"));
    CHECK(valid_plate("沪A1B2C3"));
    CHECK(valid_plate("粤BD12345"));   // small new-energy car
    CHECK(valid_plate("粤BFA1234"));   // the second may be a letter
    CHECK(valid_plate("粤B12345D"));   // large new-energy vehicle
    CHECK_FALSE(valid_plate("粤B1234"));    // six characters
    CHECK_FALSE(valid_plate("B123456"));    // no province
    CHECK_FALSE(valid_plate("港B12345"));   // not a province abbreviation
    CHECK_FALSE(valid_plate("粤I12345"));   // I is never used
    CHECK_FALSE(valid_plate("粤BO1234"));   // nor O
    CHECK_FALSE(valid_plate("粤1A2345"));   // the city is a letter
    CHECK_FALSE(valid_plate("粤BA12345"));  // eight, but not D/F first or last
    CHECK_FALSE(valid_plate("粤BDAB345"));  // new energy: four digits after the second
    CHECK_FALSE(valid_plate("粤B1234DF"));
    std::size_t count = 0;
    plate_provinces(count);
    CHECK(count == 31);
    CHECK(check_text(TextKind::Plate, "粤B1234", {}) == TextProblem::BadPlate);
}
