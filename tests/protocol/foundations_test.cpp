// The shared foundations of lobby_protocol: masking, UUIDs, randomness,
// UTF-8 splitting, Shanghai civil time and the public pages' paths.
#include "protocol/masking.hpp"
#include "protocol/public_links.hpp"
#include "protocol/random.hpp"
#include "protocol/text.hpp"
#include "protocol/time.hpp"
#include "protocol/uuid.hpp"

#include <doctest/doctest.h>

#include <regex>
#include <set>

using namespace lobby::protocol;

TEST_CASE("names keep the surname and the given name's last character") {
    CHECK(mask_name("张三") == "张*");
    CHECK(mask_name("王小明") == "王*明");
    CHECK(mask_name("李秀英") == "李*英");
    CHECK(mask_name("张") == "张*");
    CHECK(mask_name("") == "");
}

TEST_CASE("compound surnames are kept whole") {
    CHECK(mask_name("欧阳涛") == "欧阳*");
    CHECK(mask_name("欧阳振明") == "欧阳*明");
    CHECK(mask_name("司马相如") == "司马*如");
    CHECK(mask_name("诸葛亮") == "诸葛*");
    CHECK(mask_name("上官婉儿") == "上官*儿");
    CHECK(mask_name("第五伦") == "第五*");
    CHECK(mask_name("万俟卨") == "万俟*");
    CHECK(mask_name("欧阳") == "欧*");  // no given name after it: an ordinary surname
    // A surname-only field (a walk-in visitor's): the whole surname, compound or not.
    CHECK(mask_surname("李") == "李*");
    CHECK(mask_surname("欧阳") == "欧阳*");
    CHECK(mask_surname("歐陽") == "歐陽*");
    CHECK(mask_surname("王明") == "王*");  // not a compound surname: masked as a name
    CHECK(mask_surname("欧阳振明") == "欧阳*明");
    CHECK(mask_surname("") == "");
    CHECK(mask_surname("李*") == "李*");
    CHECK(mask_surname("\xff") == "*");
    CHECK(has_compound_surname("慕容复"));
    CHECK_FALSE(has_compound_surname("王慕容"));
}

TEST_CASE("a long name with no known compound surname keeps its first and last character") {
    CHECK(mask_name("阿卜杜热合曼") == "阿*曼");
    CHECK(mask_name("John Smith") == "J*h");
}

TEST_CASE("already-masked and invalid names") {
    CHECK(mask_name("李*") == "李*");
    CHECK(mask_name("欧阳*明") == "欧阳*明");
    CHECK(mask_name("\xc0\xaf") == "*");  // overlong: never echoed
}

TEST_CASE("phones use the digits only") {
    CHECK(mask_phone("13812345678") == "138****5678");
    CHECK(mask_phone("138 1234 5678") == "138****5678");
    CHECK(mask_phone("+8613812345678") == "861******5678");
    CHECK(mask_phone("0755-8600") == "****8600");
    CHECK(mask_phone("86001234") == "****1234");
    CHECK(mask_phone("123456") == "******");
    CHECK(mask_phone("123") == "***");
    CHECK(mask_phone("") == "");
}

TEST_CASE("UUIDs are version 4, RFC 4122 variant, and differ") {
    const std::regex form("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const std::string id = make_uuid_v4();
        CHECK(std::regex_match(id, form));
        seen.insert(id);
    }
    CHECK(seen.size() == 100);
}

TEST_CASE("random hex and digits have the asked length and alphabet") {
    CHECK(random_hex(8).size() == 16);
    CHECK(random_hex(8) != random_hex(8));
    CHECK(std::regex_match(random_hex(6), std::regex("^[0-9a-f]{12}$")));
    const std::string digits = random_digits(600);
    CHECK(digits.size() == 600);
    CHECK(std::regex_match(digits, std::regex("^[0-9]+$")));
    for (const char d : std::string("0123456789")) CHECK(digits.find(d) != std::string::npos);
}

TEST_CASE("utf8_split returns code points and refuses invalid text") {
    const auto chars = utf8_split("阿b\xf0\x9f\x98\x80");
    REQUIRE(chars.has_value());
    REQUIRE(chars->size() == 3);
    CHECK((*chars)[0] == "阿");
    CHECK((*chars)[1] == "b");
    CHECK((*chars)[2] == "\xf0\x9f\x98\x80");
    CHECK_FALSE(utf8_split("\xed\xa0\x80"));  // surrogate
    CHECK_FALSE(utf8_split("\xe7\xbf"));      // truncated
    CHECK_FALSE(utf8_length("\xf4\x90\x80\x80"));  // past U+10FFFF
}

TEST_CASE("Shanghai civil time is UTC+8 all year") {
    const UtcSeconds t = parse_utc("2026-12-02T21:28:09Z").value();
    const LocalTime local = to_shanghai(t);
    CHECK(local.year == 2026);
    CHECK(local.month == 12);
    CHECK(local.day == 3);
    CHECK(local.hour == 5);
    CHECK(local.minute == 28);
    CHECK(local.second == 9);
    CHECK(local.weekday == 4);  // Thursday
    CHECK(format_hh_mm_shanghai(t) == "05:28");
    CHECK(format_date_shanghai(t) == "2026-12-03");
    CHECK(format_date(t) == "2026-12-02");  // the UTC date differs
    CHECK(to_shanghai(0).weekday == 4);     // 1970-01-01 08:00 was a Thursday
    CHECK(to_shanghai(parse_utc("2026-07-31T16:00:00Z").value()).day == 1);  // midsummer: no DST
    CHECK(to_shanghai(parse_utc("2024-02-28T16:00:00Z").value()).day == 29);  // leap day
}

TEST_CASE("Shanghai days begin at 16:00 UTC the day before") {
    const UtcSeconds start = parse_utc("2026-11-14T16:00:00Z").value();
    CHECK(parse_date_shanghai("2026-11-15") == start);
    CHECK_FALSE(parse_date_shanghai("2026-02-30"));
    CHECK_FALSE(parse_date_shanghai("2026-11-15T00"));
    CHECK(start_of_day_shanghai(start) == start);
    CHECK(start_of_day_shanghai(start + 86399) == start);
    CHECK(start_of_day_shanghai(start - 1) == start - 86400);
}

TEST_CASE("public page paths name an estate other than the home one; a kiosk token names its estate") {
    using namespace lobby::protocol;
    CHECK(estate_of_kiosk_token("demo-lobby-1-token") == "");
    CHECK(estate_of_kiosk_token("north.0123abcd") == "north");
    CHECK(estate_of_kiosk_token("") == "");
    CHECK(pay_page_path("", "PO-1a2b") == "/pay/PO-1a2b");
    CHECK(pay_page_path("home", "PO-1a2b") == "/pay/PO-1a2b");
    CHECK(pay_page_path("e001", "PO-1a2b") == "/pay/e001/PO-1a2b");
    CHECK(receipt_page_path("", "PO-1") == "/receipts/PO-1");
    CHECK(receipt_page_path("north-2", "PO-1") == "/receipts/north-2/PO-1");
    CHECK(repair_status_path(estate_of_kiosk_token("demo-lobby-1-token"), "TOKEN") == "/repairs/status/TOKEN");
    CHECK(repair_status_path(estate_of_kiosk_token("e001.secret"), "TOKEN") == "/repairs/status/e001/TOKEN");
}
