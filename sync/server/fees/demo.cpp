// Demo fee data: fee kinds with what they cover and do not, and a year of
// monthly bills per unit with some arrears and partial payments.
#include "fees/fees.hpp"

#include "fees/bills.hpp"

#include "protocol/changes.hpp"
#include "protocol/fees.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace lobby::server::fees {
namespace {

using protocol::LocalizedText;

enum class PayPattern { AllPaid, RecentArrears, LongArrears, Partial };

// Payment history of the fixed demo units (see demo_estate.cpp for their phones).
enum class FixedPay { Arrears, AllPaid, Partial };
struct FixedBills {
    const char* unit_id;
    FixedPay pay;
};
constexpr FixedBills fixed_bills[] = {
    {"3-2-1502", FixedPay::Arrears},
    {"1-1-801", FixedPay::AllPaid},
    {"5-3-2202", FixedPay::Partial},
};

const FixedBills* fixed_unit(const std::string& id) {
    for (const auto& f : fixed_bills)
        if (id == f.unit_id) return &f;
    return nullptr;
}

// The last 12 months before the current one, oldest first, as {year, month}.
std::vector<std::pair<int, int>> bill_periods(protocol::UtcSeconds now) {
    const protocol::LocalTime today = protocol::to_shanghai(now);
    int year = today.year;
    int month = today.month;
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
        settle(b, m_now);
        publish_bill(m_feed, b);
    }

private:
    Statement m_insert;
    FeedWriter& m_feed;
    protocol::UtcSeconds m_now;
};

PayPattern pattern_for(const FixedBills* fixed, DemoRng& rng) {
    if (fixed) {
        switch (fixed->pay) {
        case FixedPay::Arrears: return PayPattern::RecentArrears;
        case FixedPay::AllPaid: return PayPattern::AllPaid;
        case FixedPay::Partial: return PayPattern::Partial;
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

void seed_fee_kinds(DemoSeed& seed) {
    const protocol::FeeKind kinds[] = {
        {"management",
         {"物业管理费", "物業管理費", "Management fee"},
         {"公共区域保洁、绿化、秩序维护（保安）、电梯/水泵/消防等共用设施设备的日常维护，按建筑面积每月2.80元/㎡",
          "公共區域清潔、綠化、保安、電梯/水泵/消防等共用設施的日常維護，按建築面積每月2.80元/㎡",
          "Cleaning, greening and security of public areas; upkeep of shared equipment (lifts, pumps, fire "
          "systems); 2.80 yuan per m² per month"},
         {"业主自家户内的水管、电路、门窗、灯具等维修（属于有偿服务，需另行收费）",
          "業主戶內的水管、電路、門窗、燈具等維修（屬有償服務，需另行收費）",
          "Repairs inside your own flat (pipes, wiring, doors, lamps): a paid service, charged separately"}},
        {"parking",
         {"车位管理费", "車位管理費", "Parking space fee"},
         {"地下车库照明、通风、清洁、道闸和车场秩序管理", "地下車庫照明、通風、清潔、道閘和車場秩序管理",
          "Garage lighting, ventilation, cleaning, barriers and traffic marshalling"},
         {"车辆本身的保管责任和车内物品", "車輛本身的保管責任和車內物品",
          "Custody of the car itself and items left inside"}},
        {"water",
         {"水费", "水費", "Water"},
         {"按户表读数代收自来水费 4.20元/吨", "按戶表讀數代收自來水費 4.20元/噸",
          "Tap water by your meter, collected for the water company, 4.20 yuan per m³"},
         {"户内水管漏水造成的损失", "戶內水管漏水造成的損失", "Damage from leaks in your own pipes"}},
        {"electricity",
         {"电费", "電費", "Electricity"},
         {"按户表读数代收电费 0.62元/度", "按戶表讀數代收電費 0.62元/度",
          "Electricity by your meter, collected for the power company, 0.62 yuan per kWh"},
         {"户内线路和电器维修", "戶內線路和電器維修", "Wiring and appliances inside your flat"}},
        {"shared_energy",
         {"公共能耗分摊", "公共能耗分攤", "Shared-area energy"},
         {"楼道照明、电梯、二次供水水泵的电费，按面积分摊", "樓道照明、電梯、二次供水水泵的電費，按面積分攤",
          "Power for stairwell lights, lifts and booster pumps, shared by floor area"},
         {"您家中的用电", "您家中的用電", "Your own household power"}},
        {"refuse",
         {"垃圾处理费", "垃圾處理費", "Refuse fee"},
         {"生活垃圾分类收集、清运（每户每月10元）", "生活垃圾分類收集、清運（每戶每月10元）",
          "Sorted household refuse collection and removal (10 yuan per household per month)"},
         {"装修垃圾清运（需另行预约付费）", "裝修垃圾清運（需另行預約付費）",
          "Renovation debris (book and pay separately)"}},
    };
    for (const auto& k : kinds) seed.feed.publish(protocol::collection::fee_kinds, k.code, k);
}

// A year of monthly bills for one unit, some in arrears or partly paid.
void seed_unit_bills(DemoSeed& seed, const DemoUnit& unit) {
    BillWriter bills(seed.db, seed.feed, seed.now);
    DemoRng& rng = seed.rng;
    const std::string& id = unit.id;
    const double area = unit.area_m2;
    auto periods = bill_periods(seed.now);
    if (seed.bill_months < static_cast<int>(periods.size()))
        periods.erase(periods.begin(), periods.end() - std::max(seed.bill_months, 1));
    const FixedBills* fixed = fixed_unit(id);
    const PayPattern pattern = pattern_for(fixed, rng);
    const bool parking = fixed ? fixed->pay != FixedPay::AllPaid : rng.chance(35);
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

} // namespace lobby::server::fees
