// View models of the notices screens and of the attract screen.
#pragma once

#include "features/notices/core/markdown.hpp"
#include "features/notices/core/notice_types.hpp"

#include <string>
#include <tuple>
#include <vector>

namespace kiosk::notices {

enum class NoticesPage { List, Detail };

struct CategoryChip {
    std::string kind;       // empty: all
    std::string widget_id;  // "notices.filter.all"
    std::string label;
    bool selected = false;
};
inline bool operator==(const CategoryChip& a, const CategoryChip& b)
{
    return std::tie(a.kind, a.widget_id, a.label, a.selected) == std::tie(b.kind, b.widget_id, b.label, b.selected);
}

struct NoticeRow {
    std::string id;
    std::string widget_id;  // "notices.row.N-1"
    std::string badge;      // 紧急, or empty
    std::string title;
    std::string meta;       // category · date
};
inline bool operator==(const NoticeRow& a, const NoticeRow& b)
{
    return std::tie(a.id, a.widget_id, a.badge, a.title, a.meta) == std::tie(b.id, b.widget_id, b.badge, b.title, b.meta);
}

struct ImageRef {
    std::string id;
    ImageBytes bytes;  // null: not fetched yet
};
inline bool operator==(const ImageRef& a, const ImageRef& b) { return a.id == b.id && a.bytes == b.bytes; }

struct NoticesView {
    NoticesPage page = NoticesPage::List;
    std::string updated;  // 更新于 09:41
    std::vector<CategoryChip> categories;
    std::vector<NoticeRow> rows;
    std::string empty;    // when rows is empty

    // Detail
    std::string badge, title, category, published, validity;
    MdDocument body;
    std::vector<ImageRef> images;
    std::string image_pending, image_unreadable;  // said in place of a picture
};
inline bool operator==(const NoticesView& a, const NoticesView& b)
{
    return std::tie(a.page, a.updated, a.categories, a.rows, a.empty, a.badge, a.title, a.category, a.published,
                    a.validity, a.body, a.images, a.image_pending, a.image_unreadable) ==
           std::tie(b.page, b.updated, b.categories, b.rows, b.empty, b.badge, b.title, b.category, b.published,
                    b.validity, b.body, b.images, b.image_pending, b.image_unreadable);
}

// One slide of the attract screen: a current notice, full screen.
struct AttractView {
    std::string badge, category, title, validity, hint, counter;
    MdDocument body;
};
inline bool operator==(const AttractView& a, const AttractView& b)
{
    return std::tie(a.badge, a.category, a.title, a.validity, a.hint, a.counter, a.body) ==
           std::tie(b.badge, b.category, b.title, b.validity, b.hint, b.counter, b.body);
}

} // namespace kiosk::notices
