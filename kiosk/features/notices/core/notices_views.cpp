// Notices view models: the list (category filter, urgent then newest), a
// notice's detail with its Markdown parsed, the home banner and the attract
// slides. Notices past their end are left out here too: the cache may be a
// moment older than the clock.
#include "features/notices/core/notices_feature.hpp"

#include "protocol/time.hpp"

namespace kiosk::notices {
namespace {

class Texts {
public:
    explicit Texts(const FeatureViewInputs& in) : m_in(in) {}
    const std::string& operator()(std::string_view key) const { return m_in.catalog.text(m_in.language, key); }

private:
    const FeatureViewInputs& m_in;
};

std::string category_label(const Texts& t, const std::string& kind)
{
    if (kind == "outage") return t("notices.category.outage");
    if (kind == "safety") return t("notices.category.safety");
    if (kind == "event") return t("notices.category.event");
    if (kind == "fee") return t("notices.category.fee");
    if (kind == "service") return t("notices.category.service");
    return t("notices.category.all");
}

std::string date_text(std::int64_t utc)
{
    return lobby::protocol::format_date_shanghai(utc);
}

std::string validity_text(const Texts& t, const NoticeItem& notice)
{
    if (notice.expires_utc == 0)
        return t("notices.valid_open");
    return format_text(t("notices.valid_until"), {{"date", date_text(notice.expires_utc)},
                                                  {"time", lobby::protocol::format_hh_mm_shanghai(notice.expires_utc)}});
}

const NoticeItem* find_current(const NoticesCache& cache, const std::string& id, std::int64_t now_utc)
{
    for (const NoticeItem& notice : cache.notices)
        if (notice.id == id && notice.current_at(now_utc))
            return &notice;
    return nullptr;
}

void fill_detail(NoticesView& view, const NoticeItem& notice, const NoticesCache& cache, const Texts& t,
                 Language language)
{
    view.page = NoticesPage::Detail;
    view.badge = notice.urgent ? t("notices.urgent") : std::string();
    view.title = notice.title.in(language);
    view.category = category_label(t, notice.kind);
    view.published = format_text(t("notices.published"), {{"date", date_text(notice.published_utc)}});
    view.validity = validity_text(t, notice);
    view.body = parse_markdown(notice.body.in(language));
    for (const std::string& id : notice.images) {
        auto found = cache.images.find(id);
        view.images.push_back({id, found == cache.images.end() ? nullptr : found->second});
    }
    view.image_pending = t("notices.image_pending");
    view.image_unreadable = t("notices.image_unreadable");
}

} // namespace

NoticesView NoticesFeature::build_view(const State& state, const Cache& cache, const FeatureViewInputs& in) const
{
    const Texts t(in);
    NoticesView view;
    view.updated = cache.synced_utc > 0
                       ? format_text(t("notices.updated"), {{"time", lobby::protocol::format_hh_mm_shanghai(cache.synced_utc)}})
                       : t("notices.never_updated");
    if (!state.open_id.empty()) {
        if (const NoticeItem* notice = find_current(cache, state.open_id, in.now_utc_s)) {
            fill_detail(view, *notice, cache, t, in.language);
            return view;
        }
        // Ended or withdrawn while open: the list, which no longer has it.
    }
    view.categories.push_back({"", "notices.filter.all", t("notices.category.all"), state.category.empty()});
    for (const std::string& kind : notice_kinds())
        view.categories.push_back({kind, "notices.filter." + kind, category_label(t, kind), state.category == kind});
    for (const NoticeItem& notice : cache.notices) {
        if (!notice.current_at(in.now_utc_s) || (!state.category.empty() && notice.kind != state.category))
            continue;
        view.rows.push_back({notice.id, "notices.row." + notice.id, notice.urgent ? t("notices.urgent") : std::string(),
                             notice.title.in(in.language),
                             category_label(t, notice.kind) + " · " + date_text(notice.published_utc)});
    }
    if (view.rows.empty())
        view.empty = t(state.category.empty() ? "notices.empty" : "notices.empty_category");
    return view;
}

std::optional<HomeBanner> NoticesFeature::home_banner(const Cache& cache, const FeatureViewInputs& in) const
{
    for (const NoticeItem& notice : cache.notices) {  // urgent first, newest first
        if (!notice.urgent || !notice.current_at(in.now_utc_s))
            continue;
        const Texts t(in);
        std::string body;
        for (const MdBlock& block : parse_markdown(notice.body.in(in.language)).blocks)
            body += (body.empty() ? "" : " ") + block.text();  // the banner says it in one paragraph
        return HomeBanner{t("home.urgent"), notice.title.in(in.language), body, notice.id};
    }
    return std::nullopt;
}

std::optional<AttractView> NoticesFeature::attract(const Cache& cache, const FeatureViewInputs& in, int slide) const
{
    std::vector<const NoticeItem*> current;
    for (const NoticeItem& notice : cache.notices)
        if (notice.current_at(in.now_utc_s))
            current.push_back(&notice);
    if (current.empty() || slide < 0)
        return std::nullopt;
    const std::size_t index = static_cast<std::size_t>(slide) % current.size();
    const NoticeItem& notice = *current[index];
    const Texts t(in);
    AttractView view;
    view.badge = notice.urgent ? t("notices.urgent") : std::string();
    view.category = category_label(t, notice.kind);
    view.title = notice.title.in(in.language);
    view.validity = validity_text(t, notice);
    view.body = parse_markdown(notice.body.in(in.language));
    view.hint = t("notices.attract_hint");
    view.counter = format_text(t("notices.attract_counter"),
                               {{"n", std::to_string(index + 1)}, {"total", std::to_string(current.size())}});
    return view;
}

} // namespace kiosk::notices
