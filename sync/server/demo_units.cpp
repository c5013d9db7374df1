// Demo units, owners/tenants and a year of monthly bills with some arrears
// and partial payments. Three fixed demo units have known phones.
#include "demo_parts.hpp"

#include "estate_store.hpp"
#include "privacy.hpp"

#include "protocol/changes.hpp"
#include "protocol/records.hpp"

#include <cmath>
#include <cstdio>
#include <vector>

namespace lobby::server::demo {
namespace {

struct BuildingPlan {
    int building, entrances, floors, rooms;
};
// ~650 units: seeding stays well under a second and a first pull is ~45 pages.
constexpr BuildingPlan buildings[] = {{1, 2, 18, 2}, {2, 2, 18, 2}, {3, 2, 30, 2},
                                      {4, 2, 24, 3}, {5, 3, 26, 2}, {6, 2, 22, 2}};

const char* const surnames[] = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙",
                                "马", "朱", "胡", "郭", "何", "林", "罗", "高", "欧阳", "司马"};
const char* const given_names[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
                                   "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "建华", "桂英", "志强", "海燕"};
const char* const phone_prefixes[] = {"138", "139", "135", "136", "137", "150", "151", "158",
                                      "186", "187", "188", "189", "177", "199"};

struct FixedUnit {
    const char* unit_id;
    const char* owner;
    const char* owner_phone;
    const char* tenant;
    const char* tenant_phone;
    enum class Pay { Arrears, AllPaid, Partial } pay;
};
constexpr FixedUnit fixed_units[] = {
    {"3-2-1502", "张伟", "13812345678", nullptr, nullptr, FixedUnit::Pay::Arrears},
    {"1-1-801", "欧阳晓明", "13900001234", nullptr, nullptr, FixedUnit::Pay::AllPaid},
    {"5-3-2202", "李秀英", "13600002468", "王强", "18600001357", FixedUnit::Pay::Partial},
};

enum class PayPattern { AllPaid, RecentArrears, LongArrears, Partial };

std::string random_phone(Rng& rng) {
    std::string phone = phone_prefixes[rng.below(std::size(phone_prefixes))];
    while (phone.size() < 11) phone += static_cast<char>('0' + rng.below(10));
    return phone;
}

std::string random_name(Rng& rng) {
    return std::string(surnames[rng.below(std::size(surnames))]) + given_names[rng.below(std::size(given_names))];
}

const FixedUnit* fixed_unit(const std::string& id) {
    for (const auto& f : fixed_units)
        if (id == f.unit_id) return &f;
    return nullptr;
}

// The last 12 months before the current one, oldest first, as {year, month}.
std::vector<std::pair<int, int>> bill_periods(protocol::UtcSeconds now) {
    const std::string today = protocol::format_date(now + 8 * 3600);
    int year = std::stoi(today.substr(0, 4));
    int month = std::stoi(today.substr(5, 2));
    std::vector<std::pair<int, int>> out;
    for (int i = 0; i < 12; ++i) {
        if (--month == 0) {
            month = 12;
            --year;
        }
        out.insert(out.begin(), {year, month});
    }
    return out;
}

class BillWriter {
public:
    BillWriter(Database& db, FeedWriter& feed, protocol::UtcSeconds now)
        : m_insert(db, "INSERT INTO bills (id, unit_id, fee_kind, period, amount_fen, paid_fen, due_date) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"),
          m_feed(feed), m_now(now) {}

    void add(const std::string& unit_id, const char* kind, int year, int month, std::int64_t amount_fen,
             std::int64_t paid_fen) {
        char period[32], due[32], id[96];
        std::snprintf(period, sizeof period, "%04d-%02d", year, month);
        const int due_year = month == 12 ? year + 1 : year;
        const int due_month = month == 12 ? 1 : month + 1;
        std::snprintf(due, sizeof due, "%04d-%02d-15", due_year, due_month);
        std::snprintf(id, sizeof id, "B-%s-%s-%s", unit_id.c_str(), period, kind);
        m_insert.bind(1, id).bind(2, unit_id).bind(3, kind).bind(4, period).bind(5, amount_fen).bind(6, paid_fen).bind(7, due);
        m_insert.run();
        protocol::Bill b;
        b.id = id;
        b.unit_id = unit_id;
        b.fee_kind = kind;
        b.period = period;
        b.amount_fen = amount_fen;
        b.paid_fen = paid_fen;
        b.due_date = due;
        b.status = paid_fen >= amount_fen ? "paid" : paid_fen > 0 ? "partial" : "unpaid";
        b.late = b.status != "paid" && m_now >= late_from(due);
        PublishOptions options;
        if (b.status != "paid" && !b.late) options.refresh_at = late_from(due);
        m_feed.publish(protocol::collection::bills, b.id, b, options);
    }

private:
    Statement m_insert;
    FeedWriter& m_feed;
    protocol::UtcSeconds m_now;
};

PayPattern pattern_for(const FixedUnit* fixed, Rng& rng) {
    if (fixed) {
        switch (fixed->pay) {
        case FixedUnit::Pay::Arrears: return PayPattern::RecentArrears;
        case FixedUnit::Pay::AllPaid: return PayPattern::AllPaid;
        case FixedUnit::Pay::Partial: return PayPattern::Partial;
        }
    }
    const auto roll = rng.below(100);
    return roll < 80 ? PayPattern::AllPaid : roll < 90 ? PayPattern::RecentArrears : roll < 95 ? PayPattern::LongArrears
                                                                                               : PayPattern::Partial;
}

// How much of a bill is paid: `age` is 0 for the newest period, 11 for the oldest.
std::int64_t paid_part(PayPattern p, const char* kind, int age, std::int64_t amount, bool fixed) {
    const bool management = std::string(kind) == "management";
    switch (p) {
    case PayPattern::AllPaid: return amount;
    case PayPattern::RecentArrears:
        if (fixed && management && age == 5) return amount / 2;  // 3-2-1502: one old partial payment
        return age < (fixed ? 4 : 2) ? 0 : amount;
    case PayPattern::LongArrears: return management && age < 8 ? 0 : amount;
    case PayPattern::Partial:
        if (age == 0) return management ? amount * 40 / 100 : 0;
        return amount;
    }
    return amount;
}

} // namespace

void seed_units_and_bills(Database& db, FeedWriter& feed, Rng& rng, protocol::UtcSeconds now) {
    Statement unit_ins(db, "INSERT INTO units (id, building, entrance, floor, room, area_m2) VALUES (?, ?, ?, ?, ?, ?)");
    Statement resident_ins(db, "INSERT INTO residents (unit_id, role, name, phone) VALUES (?, ?, ?, ?)");
    BillWriter bills(db, feed, now);
    const auto periods = bill_periods(now);
    static constexpr int room_area_dm2[] = {8950, 12830, 10460, 14375};  // typical layouts, in 0.01 m²

    for (const auto& b : buildings) {
        for (int e = 1; e <= b.entrances; ++e) {
            for (int f = 1; f <= b.floors; ++f) {
                for (int r = 1; r <= b.rooms; ++r) {
                    char room[24];
                    std::snprintf(room, sizeof room, "%d%02d", f, r);
                    const std::string id = std::to_string(b.building) + "-" + std::to_string(e) + "-" + room;
                    const double area = room_area_dm2[(r - 1) % 4] / 100.0;
                    unit_ins.bind(1, id).bind(2, b.building).bind(3, e).bind(4, f).bind(5, room).bind(6, area);
                    unit_ins.run();

                    const FixedUnit* fixed = fixed_unit(id);
                    const std::string owner = fixed ? fixed->owner : random_name(rng);
                    const std::string owner_phone = fixed ? fixed->owner_phone : random_phone(rng);
                    resident_ins.bind(1, id).bind(2, "owner").bind(3, owner).bind(4, owner_phone);
                    resident_ins.run();
                    const bool has_tenant = fixed ? fixed->tenant != nullptr : rng.chance(30);
                    if (has_tenant) {
                        const std::string tenant = fixed ? fixed->tenant : random_name(rng);
                        const std::string tenant_phone = fixed ? fixed->tenant_phone : random_phone(rng);
                        resident_ins.bind(1, id).bind(2, "tenant").bind(3, tenant).bind(4, tenant_phone);
                        resident_ins.run();
                    }
                    publish_unit(db, *find_unit(db, id));

                    const PayPattern pattern = pattern_for(fixed, rng);
                    const bool parking = fixed ? fixed->pay != FixedUnit::Pay::AllPaid : rng.chance(35);
                    const auto management_fen = static_cast<std::int64_t>(std::llround(area * 280));
                    const auto shared_fen = static_cast<std::int64_t>(std::llround(area * 15));
                    for (std::size_t i = 0; i < periods.size(); ++i) {
                        const int age = static_cast<int>(periods.size() - 1 - i);
                        const auto [y, m] = periods[i];
                        auto add = [&](const char* kind, std::int64_t amount) {
                            bills.add(id, kind, y, m, amount, paid_part(pattern, kind, age, amount, fixed != nullptr));
                        };
                        add("management", management_fen);
                        if (parking) add("parking", 15000);
                        add("water", (6 + rng.below(15)) * 420);
                        add("electricity", (150 + rng.below(300)) * 62);
                        add("shared_energy", shared_fen);
                        add("refuse", 1000);
                    }
                }
            }
        }
    }
}

} // namespace lobby::server::demo
