// The layout rules catch what they promise: small, overlapping, crowded or
// off-screen targets, and clipped or overlapping text.
#include "ui/layout_check.hpp"

#include <doctest/doctest.h>

using namespace kiosk::ui;

namespace {

const ImVec4 screen(0, 0, 1080, 1920);
const LayoutRules rules{1080, 1920, 60, 12};

DrawnTarget target(const char* id, float x, float y, float w, float h)
{
    return {id, id, ImVec4(x, y, x + w, y + h), screen, 0, false, false, false, {}, false};
}

DrawnText text(const char* s, float x, float y, float w, float h, ImVec4 clip = screen)
{
    return {s, ImVec4(x, y, x + w, y + h), clip, 0, false};
}

bool mentions(const std::vector<std::string>& problems, const char* what)
{
    for (const auto& p : problems)
        if (p.find(what) != std::string::npos)
            return true;
    return false;
}

} // namespace

TEST_CASE("a well spaced frame has no problems")
{
    FrameRecord frame;
    frame.targets = {target("a", 10, 10, 200, 80), target("b", 230, 10, 200, 80)};
    frame.texts = {text("hello", 20, 200, 300, 40), text("world", 20, 260, 300, 40)};
    CHECK(check_layout(frame, rules).empty());
}

TEST_CASE("each broken rule is reported")
{
    FrameRecord frame;
    frame.targets = {target("tiny", 10, 10, 40, 80), target("a", 300, 10, 200, 80), target("b", 400, 50, 200, 80),
                     target("near", 510, 200, 100, 80), target("close", 615, 200, 100, 80),
                     target("off", 1000, 400, 200, 80)};
    auto problems = check_layout(frame, rules);
    CHECK(mentions(problems, "target too small 'tiny'"));
    CHECK(mentions(problems, "targets overlap 'a' and 'b'"));
    CHECK(mentions(problems, "targets too close 'near' and 'close'"));
    CHECK(mentions(problems, "target outside the window 'off'"));
}

TEST_CASE("text clipped by its box or overlapping other text is reported")
{
    FrameRecord frame;
    frame.texts = {text("cut", 900, 10, 300, 40, ImVec4(0, 0, 1000, 1920)), text("one", 10, 500, 300, 40),
                   text("two", 100, 520, 300, 40)};
    auto problems = check_layout(frame, rules);
    CHECK(mentions(problems, "text clipped sideways 'cut'"));
    CHECK(mentions(problems, "texts overlap 'one' and 'two'"));
}

TEST_CASE("content scrolled out of a scroll area is not a problem; a dialog is its own layer")
{
    FrameRecord frame;
    DrawnTarget scrolled = target("below", 10, 2500, 200, 80);
    scrolled.clip = ImVec4(0, 200, 1080, 1700);
    scrolled.in_scroll_area = true;
    DrawnTarget under = target("under", 10, 900, 500, 100);
    DrawnTarget dialog = target("dialog.ok", 10, 900, 500, 100);
    dialog.layer = 1;
    frame.targets = {scrolled, under, dialog};
    CHECK(check_layout(frame, rules).empty());
}

TEST_CASE("reach: a required target above or below the reach band is reported; others and long lists are not")
{
    LayoutRules portrait = rules;
    portrait.reach_top_px = 640;     // the lower two thirds of 1920 px
    portrait.reach_bottom_px = 1900;
    FrameRecord frame;
    DrawnTarget high_key = target("fees.key.1", 10, 300, 200, 100);
    high_key.required = true;
    DrawnTarget low_key = target("fees.key.2", 240, 1200, 200, 100);
    low_key.required = true;
    DrawnTarget title_button = target("fees.explain", 500, 100, 200, 100);  // not required: may sit on top
    frame.targets = {high_key, low_key, title_button};
    auto problems = check_layout(frame, portrait);
    REQUIRE(problems.size() == 1);
    CHECK(mentions(problems, "required target out of reach 'fees.key.1'"));

    frame.targets[0].scrollable = true;  // on a page that scrolls: a key is still out of reach
    CHECK(mentions(check_layout(frame, portrait), "required target out of reach 'fees.key.1'"));
    frame.targets[0].list_row = true;  // a room list taller than the screen: scrolled to the finger
    CHECK(check_layout(frame, portrait).empty());
    frame.targets[0].scrollable = frame.targets[0].list_row = false;
    CHECK(check_layout(frame, rules).empty());  // landscape: no band given, nothing checked
}

TEST_CASE("a target half under another window (the nav bar, a dialog) is covered; under an open dialog the screen is not checked")
{
    FrameRecord frame;
    DrawnTarget key = target("key", 10, 1700, 200, 120);
    key.window = "kiosk";
    frame.targets = {key};
    frame.windows = {{"kiosk", screen}, {"nav", ImVec4(0, 1760, 1080, 1920)}};
    CHECK(mentions(check_layout(frame, rules), "target covered by window 'nav'"));
    frame.windows = {{"nav", ImVec4(0, 1760, 1080, 1920)}, {"kiosk", screen}};  // the target's window on top
    CHECK(check_layout(frame, rules).empty());

    DrawnTarget close = target("close", 300, 900, 400, 100);
    close.window = "dialog";
    close.layer = 1;
    frame.targets = {key, close};  // key lies under the dialog's dim: inert, not checked
    frame.windows = {{"kiosk", screen}, {"dialog", ImVec4(200, 500, 880, 1100)}, {"nav", ImVec4(0, 950, 1080, 1920)}};
    const auto problems = check_layout(frame, rules);
    CHECK(mentions(problems, "target covered by window 'nav'"));
    CHECK(mentions(problems, "'close'"));
    CHECK_FALSE(mentions(problems, "'key'"));
}

TEST_CASE("a target cut at the edge of an area that cannot scroll is clipped; in a list that scrolls it is not")
{
    FrameRecord frame;
    DrawnTarget cut = target("cut", 10, 1700, 200, 120);
    cut.clip = ImVec4(0, 100, 1080, 1760);  // the content area ends where the nav bar begins
    cut.in_scroll_area = true;
    frame.targets = {cut};
    CHECK(mentions(check_layout(frame, rules), "target clipped 'cut'"));
    frame.targets[0].scrollable = true;  // the area scrolls: the person brings it into view
    CHECK(check_layout(frame, rules).empty());
}

TEST_CASE("a required target must be whole on screen without scrolling, unless it is in a long list")
{
    FrameRecord frame;
    DrawnTarget pay = target("pay", 10, 1700, 200, 120);
    pay.clip = ImVec4(0, 100, 1080, 1760);
    pay.in_scroll_area = true;
    pay.required = true;
    frame.targets = {pay};
    CHECK(mentions(check_layout(frame, rules), "required target not fully visible without scrolling 'pay'"));
    frame.targets[0].rect = ImVec4(10, 1800, 210, 1900);  // wholly below the area: not drawn, still required
    CHECK(mentions(check_layout(frame, rules), "required target not fully visible without scrolling 'pay'"));
    frame.targets[0].scrollable = frame.targets[0].list_row = true;  // a room in a long list of rooms
    CHECK(check_layout(frame, rules).empty());
    frame.targets[0].scrollable = frame.targets[0].list_row = false;
    frame.targets[0].rect = ImVec4(10, 1500, 210, 1620);
    CHECK(check_layout(frame, rules).empty());
}

TEST_CASE("words running under a button are reported; a button's own label is not")
{
    FrameRecord frame;
    DrawnTarget pay = target("fees.confirm_pay", 10, 1500, 1060, 150);
    DrawnText fact = text("物业管理费：2026年6月至2026年11月", 10, 1480, 900, 60, ImVec4(0, 1000, 1080, 1600));
    fact.in_scroll_area = true;
    DrawnText label = text("确认支付", 400, 1550, 280, 50);
    frame.targets = {pay};
    frame.texts = {fact, label};
    CHECK(mentions(check_layout(frame, rules), "text under a target '物业管理费"));

    frame.texts[0].clip = ImVec4(0, 1000, 1080, 1490);  // the scroll area stops above the button
    CHECK(check_layout(frame, rules).empty());

    // A key's own letter whose line box is taller than the small key (2x).
    frame.targets = {target("repairs.code.2", 36, 850, 85, 92)};
    frame.targets[0].label = "2";
    frame.texts = {text("2", 36, 845, 85, 102)};
    CHECK(check_layout(frame, rules).empty());
}

TEST_CASE("a keypad's key cut at the foot of a page that scrolls is a problem; a long list's row is not")
{
    FrameRecord frame;
    const ImVec4 page(0, 100, 1080, 1500);  // the page's visible part; it scrolls
    DrawnTarget row = target("rooms.1502", 10, 1450, 500, 100);
    row.clip = page;
    row.in_scroll_area = row.required = row.scrollable = row.list_row = true;
    frame.targets = {row};
    CHECK(check_layout(frame, rules).empty());
    DrawnTarget key = row;
    key.id = "fees.key.ok";
    key.keep_whole = true;
    frame.targets = {key};
    CHECK(mentions(check_layout(frame, rules), "required target not fully visible without scrolling"));
}

TEST_CASE("a required button on a PAGE that scrolls must be whole on screen; only a LIST's row may lie below the fold")
{
    FrameRecord frame;
    const ImVec4 page(0, 100, 1080, 1500);  // the content area; the page's content is taller: it scrolls
    DrawnTarget pay = target("fees.pay", 10, 1450, 500, 100);  // half under the fold
    pay.clip = page;
    pay.in_scroll_area = pay.required = pay.scrollable = true;
    frame.targets = {pay};
    CHECK(mentions(check_layout(frame, rules), "required target not fully visible without scrolling 'fees.pay'"));
    frame.targets[0].rect = ImVec4(10, 1600, 510, 1700);  // wholly below the fold: not drawn, still required
    CHECK(mentions(check_layout(frame, rules), "required target not fully visible without scrolling 'fees.pay'"));
    frame.targets[0].rect = ImVec4(10, 1350, 510, 1450);  // pinned above the fold
    CHECK(check_layout(frame, rules).empty());

    // The same place in a list of bills that scrolls: the person brings it up.
    DrawnTarget bill = pay;
    bill.id = "fees.bill.7";
    bill.list_row = true;
    frame.targets = {bill};
    CHECK(check_layout(frame, rules).empty());
    // A button that is not required (查看已缴记录) may sit below the fold of a page.
    DrawnTarget history = pay;
    history.id = "fees.history";
    history.required = false;
    frame.targets = {history};
    CHECK(check_layout(frame, rules).empty());
}

TEST_CASE("a QR code smaller than a phone reads, or not whole without scrolling, is reported")
{
    LayoutRules with_codes = rules;
    with_codes.px_per_mm = 4;
    with_codes.min_code_px = 140;  // 35 mm
    DrawnTarget big = target("big", 10, 10, 200, 200);
    big.code_px = 160;  // 40 mm of modules inside its quiet zone
    DrawnTarget small = target("small", 300, 10, 170, 170);
    small.code_px = 136;  // 34 mm
    DrawnTarget below = target("below", 600, 1600, 200, 200);
    below.code_px = 160;
    below.in_scroll_area = below.scrollable = true;
    below.clip = ImVec4(0, 0, 1080, 1700);  // half of it under the fold
    FrameRecord frame;
    frame.targets = {big, small, below};
    const auto problems = check_layout(frame, with_codes);
    CHECK(mentions(problems, "QR code too small (34 mm, less than 35 mm): 'small'"));
    CHECK(mentions(problems, "QR code not fully visible without scrolling 'below'"));
    CHECK_FALSE(mentions(problems, "'big'"));
    // Scrolled wholly out of view, it is still reported; and not without the rule.
    frame.targets[2].clip = ImVec4(0, 0, 1080, 1500);
    CHECK(mentions(check_layout(frame, with_codes), "QR code not fully visible without scrolling 'below'"));
    CHECK_FALSE(mentions(check_layout(frame, rules), "QR code"));
}
