// Notices in the core: the list (category filter, expired left out), the
// detail, Markdown into styled blocks (headings, lists, bold, phone numbers,
// malformed input), the home banner that opens its notice, the moment cached
// notices end, and the attract screen's timing.
#include "core/controller.hpp"
#include "core/views.hpp"
#include "features/notices/core/markdown.hpp"
#include "features/notices/core/notices_feature.hpp"
#include "recording_effects.hpp"
#include "test_config.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::notices;

namespace {

constexpr std::int64_t now_utc = 1'795'449'600;  // 2026-11-23T16:00:00Z

NoticeItem notice(std::string id, std::string kind, bool urgent, std::string title, std::int64_t published,
                  std::int64_t expires = 0, std::string body = "正文")
{
    NoticeItem n;
    n.id = std::move(id);
    n.kind = std::move(kind);
    n.urgent = urgent;
    n.title = {title, "", title + " (en)"};
    n.body = {std::move(body), "", ""};
    n.published_utc = published;
    n.expires_utc = expires;
    return n;
}

// As the io reads them: urgent first, newest first.
NoticesCache demo_cache()
{
    NoticesCache cache;
    cache.synced_utc = now_utc - 120;
    cache.notices = {notice("N-1", "outage", true, "3栋明日停水", now_utc - 7200, now_utc + 600,
                            "**请储水**，咨询 0755-86001234"),
                     notice("N-3", "event", false, "设备房开放日", now_utc - 3600),
                     notice("N-2", "outage", false, "电梯维保", now_utc - 86400, now_utc + 86400),
                     notice("N-9", "fee", false, "已结束的提醒", now_utc - 90000, now_utc - 1)};
    return cache;
}

struct Fixture {
    KioskConfig config = test_kiosk_config();
    Catalog catalog;
    RecordingEffects effects;
    std::vector<FeatureCore> features{notices_core()};
    CachedData cache;
    Fixture()
    {
        auto loaded = Catalog::load(std::string(LOBBY_SOURCE_DIR) + "/locale");
        REQUIRE(loaded.ok());
        catalog = loaded.value();
        cache.features[feature_id] = demo_cache();
    }
    Views build(const AppState& state, std::int64_t utc = now_utc)
    {
        static const SyncStatus sync;
        return build_views({state, features, config, catalog, sync, cache, utc, 0, 0});
    }
    static const NoticesView& notices_view(const Views& views) { return *std::any_cast<NoticesView>(&views.feature_view); }
};

std::vector<std::string> row_ids(const NoticesView& view)
{
    std::vector<std::string> ids;
    for (const NoticeRow& row : view.rows)
        ids.push_back(row.id);
    return ids;
}

} // namespace

TEST_CASE("the list keeps urgent-then-newest order, leaves ended notices out, and filters by category")
{
    Fixture f;
    Controller controller(f.config, f.features, f.effects);
    controller.set_utc_clock([] { return now_utc; });
    controller.apply(RequestOpenScreen{feature_id}, 0);
    Views views = f.build(controller.state());
    REQUIRE(views.feature == feature_id);
    CHECK(row_ids(Fixture::notices_view(views)) == std::vector<std::string>{"N-1", "N-3", "N-2"});
    CHECK(Fixture::notices_view(views).rows[0].badge == "紧急");
    CHECK(Fixture::notices_view(views).updated == "更新于 23:58");  // 15:58 UTC in Shanghai
    CHECK(Fixture::notices_view(views).categories.size() == 6);

    controller.apply(FeatureRequest{feature_id, NoticesRequest{RequestCategory{"outage"}}}, 0);
    views = f.build(controller.state());
    CHECK(row_ids(Fixture::notices_view(views)) == std::vector<std::string>{"N-1", "N-2"});
    controller.apply(FeatureRequest{feature_id, NoticesRequest{RequestCategory{"safety"}}}, 0);
    views = f.build(controller.state());
    CHECK(Fixture::notices_view(views).rows.empty());
    CHECK(Fixture::notices_view(views).empty == "这一类目前没有公告");

    // Ten minutes on, the urgent one has ended: gone from the list, also without a new read of the cache.
    controller.apply(FeatureRequest{feature_id, NoticesRequest{RequestCategory{""}}}, 0);
    views = f.build(controller.state(), now_utc + 600);
    CHECK(row_ids(Fixture::notices_view(views)) == std::vector<std::string>{"N-3", "N-2"});
}

TEST_CASE("the detail parses the Markdown body; Back returns to the list, then leaves")
{
    Fixture f;
    Controller controller(f.config, f.features, f.effects);
    controller.set_utc_clock([] { return now_utc; });
    controller.apply(RequestOpenScreen{feature_id}, 0);
    controller.apply(FeatureRequest{feature_id, NoticesRequest{RequestOpen{"N-1"}}}, 0);
    const Views views = f.build(controller.state());
    const NoticesView& detail = Fixture::notices_view(views);
    CHECK(detail.page == NoticesPage::Detail);
    CHECK(detail.title == "3栋明日停水");
    CHECK(detail.published == "发布于 2026-11-23");
    CHECK(detail.validity == "有效期至 2026-11-24 00:10");
    REQUIRE(detail.body.blocks.size() == 1);
    CHECK(detail.body.blocks[0].text() == "请储水，咨询 0755-86001234");  // no asterisks
    controller.apply(RequestBack{}, 0);
    CHECK(controller.state().session.screen() == feature_id);
    CHECK(Fixture::notices_view(f.build(controller.state())).page == NoticesPage::List);
    controller.apply(RequestBack{}, 0);
    CHECK(controller.state().session.screen() == screen::home);
}

TEST_CASE("the urgent banner on home comes from the notices feature and a tap opens that notice")
{
    Fixture f;
    Controller controller(f.config, f.features, f.effects);
    controller.set_utc_clock([] { return now_utc; });
    Views views = f.build(controller.state());
    CHECK(views.home.banner_title == "3栋明日停水");
    CHECK(views.home.banner_body == "请储水，咨询 0755-86001234");
    CHECK(views.home.banner_feature == feature_id);
    REQUIRE(views.home.banner_item == "N-1");

    controller.apply(RequestOpenItem{views.home.banner_feature, views.home.banner_item}, 0);
    CHECK(controller.state().session.screen() == feature_id);
    views = f.build(controller.state());
    CHECK(Fixture::notices_view(views).page == NoticesPage::Detail);
    CHECK(Fixture::notices_view(views).title == "3栋明日停水");

    // Once it has ended, no banner.
    controller.apply(RequestHome{}, 0);
    CHECK(f.build(controller.state(), now_utc + 600).home.banner_title.empty());
}

TEST_CASE("the cache says when a notice ends next, so the app wakes once then")
{
    const NoticesCache cache = demo_cache();
    CHECK(next_expiry_utc(cache, now_utc) == now_utc + 600);
    CHECK(next_expiry_utc(cache, now_utc + 600) == now_utc + 86400);
    CHECK(next_expiry_utc(cache, now_utc + 86400) == INT64_MAX);
    const FeatureCore core = notices_core();
    CHECK(core.cache_changes_at_utc(std::any(cache), now_utc) == now_utc + 600);
    CHECK(core.cache_changes_at_utc(std::any(), now_utc) == INT64_MAX);
}

TEST_CASE("Markdown: headings, ordered and bullet lists, bold, phone numbers")
{
    const MdDocument doc = parse_markdown("## 工期安排\n\n1. 第一周：拆除\n2. 第二周：**安装**\n\n"
                                          "- 勿堆放杂物\n  - 楼道\n\n请致电 0755-86001234 或 13800138000。");
    REQUIRE(doc.blocks.size() == 6);
    CHECK(doc.blocks[0].kind == MdKind::Heading);
    CHECK(doc.blocks[0].level == 2);
    CHECK(doc.blocks[0].text() == "工期安排");
    CHECK(doc.blocks[1].kind == MdKind::ListItem);
    CHECK(doc.blocks[1].marker == "1.");
    CHECK(doc.blocks[2].marker == "2.");
    REQUIRE(doc.blocks[2].spans.size() == 2);
    CHECK(doc.blocks[2].spans[1].text == "安装");
    CHECK(doc.blocks[2].spans[1].strong);
    CHECK(doc.blocks[3].marker == "•");
    CHECK(doc.blocks[3].level == 1);
    CHECK(doc.blocks[4].text() == "楼道");
    CHECK(doc.blocks[4].level == 2);  // nested
    const MdBlock& last = doc.blocks[5];
    CHECK(last.kind == MdKind::Paragraph);
    std::vector<std::string> phones;
    for (const MdSpan& span : last.spans)
        if (span.phone)
            phones.push_back(span.text);
    CHECK(phones == std::vector<std::string>{"0755-86001234", "13800138000"});
    CHECK(last.text() == "请致电 0755-86001234 或 13800138000。");
}

TEST_CASE("Markdown: a malformed document still reads as text, raw HTML and markup never show")
{
    const MdDocument doc = parse_markdown("**没有闭合的加粗\n# \n<script>alert(1)</script>\n\n- \n\n正文\xff结束");
    std::string all;
    for (const MdBlock& block : doc.blocks)
        all += block.text() + "|";
    CHECK(all.find("没有闭合的加粗") != std::string::npos);
    CHECK(all.find("<script>") == std::string::npos);
    CHECK(all.find("正文") != std::string::npos);
    CHECK(all.find("结束") != std::string::npos);
    // Plain text without any markup is one paragraph, word for word; Latin lines joined with a space.
    const MdDocument plain = parse_markdown("Lift 2 runs\nas usual.");
    REQUIRE(plain.blocks.size() == 1);
    CHECK(plain.blocks[0].text() == "Lift 2 runs as usual.");
    CHECK(parse_markdown("").blocks.empty());
    // A digit run longer than a phone number is not one.
    CHECK_FALSE(mark_phones({"单号 075586001234567", false, false}).back().phone);
}

TEST_CASE("attract screen: after [attract] after_s idle on home, one slide every slide_s; a touch ends it")
{
    Fixture f;
    f.config.attract_after_s = 120;
    f.config.attract_slide_s = 10;
    Controller controller(f.config, f.features, f.effects);
    controller.set_utc_clock([] { return now_utc; });
    controller.on_touch(1000);
    CHECK(controller.next_tick_ms(1000) == 121'000);  // one wake at the start, no polling before
    controller.tick(120'999);
    CHECK(controller.state().attract_slide == -1);
    controller.tick(121'000);
    CHECK(controller.state().attract_slide == 0);
    CHECK(controller.next_tick_ms(121'000) == 131'000);
    Views views = f.build(controller.state());
    CHECK(views.attract == feature_id);
    const AttractView* slide = std::any_cast<AttractView>(&views.attract_view);
    REQUIRE(slide);
    CHECK(slide->title == "3栋明日停水");
    CHECK(slide->counter == "第 1 条，共 3 条");
    const std::uint64_t version = controller.state().version;
    controller.tick(125'000);  // within the slide: nothing changes
    CHECK(controller.state().version == version);
    controller.tick(131'000);
    CHECK(controller.state().attract_slide == 1);
    views = f.build(controller.state());
    CHECK(std::any_cast<AttractView>(&views.attract_view)->title == "设备房开放日");
    controller.on_touch(132'000);
    CHECK(controller.state().attract_slide == -1);
    CHECK(f.build(controller.state()).attract.empty());
    CHECK(controller.next_tick_ms(132'000) == 252'000);

    // With nothing current the attract screen has nothing to show, and home stays.
    f.cache.features[feature_id] = NoticesCache{};
    controller.tick(252'000);
    CHECK(f.build(controller.state()).attract.empty());
}

TEST_CASE("attract screen: never on another screen, nor when after_s is 0")
{
    Fixture f;
    Controller controller(f.config, f.features, f.effects);
    controller.apply(RequestOpenScreen{feature_id}, 0);
    controller.tick(10'000'000);
    CHECK(controller.state().attract_slide == -1);
    f.config.attract_after_s = 0;
    Controller off(f.config, f.features, f.effects);
    CHECK(off.next_tick_ms(0) == INT64_MAX);
    off.tick(10'000'000);
    CHECK(off.state().attract_slide == -1);
}

TEST_CASE("[attract] in the config: read, and out-of-range values refused with the line")
{
    const std::string base = "[server]\ntoken = \"t\"\n[admin]\npin_hash = \"" + std::string(k_test_pin_hash) + "\"\n";
    auto ok = parse_config(base + "[attract]\nafter_s = 45\nslide_s = 6\n", "k.toml");
    REQUIRE(ok.ok());
    CHECK(ok.value().attract_after_s == 45);
    CHECK(ok.value().attract_slide_s == 6);
    auto off = parse_config(base + "[attract]\nafter_s = 0\n", "k.toml");
    REQUIRE(off.ok());
    CHECK(off.value().attract_after_s == 0);
    auto bad = parse_config(base + "[attract]\nafter_s = 5\n", "k.toml");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "k.toml:6: [attract] after_s must be 0 (never) or 10..86400");
    auto bad_slide = parse_config(base + "[attract]\nslide_s = 1\n", "k.toml");
    REQUIRE_FALSE(bad_slide.ok());
    CHECK(bad_slide.error().message.find("[attract] slide_s must be 3..600") != std::string::npos);
}
