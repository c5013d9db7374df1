// Demo estate 翠湖花园: the estate record, ~650 units in 6 buildings and their
// owners/tenants (three fixed demo units have known phones).
#include "demo_parts.hpp"

#include "estate.hpp"

#include "protocol/changes.hpp"
#include "protocol/estate.hpp"

#include <cstdio>
#include <vector>

namespace lobby::server::demo {
namespace {

using protocol::LocalizedText;


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
};
constexpr FixedUnit fixed_units[] = {
    {"3-2-1502", "张伟", "13812345678", nullptr, nullptr},
    {"1-1-801", "欧阳晓明", "13900001234", nullptr, nullptr},
    {"5-3-2202", "李秀英", "13600002468", "王强", "18600001357"},
};

std::string random_phone(DemoRng& rng) {
    std::string phone = phone_prefixes[rng.below(std::size(phone_prefixes))];
    while (phone.size() < 11) phone += static_cast<char>('0' + rng.below(10));
    return phone;
}

std::string random_name(DemoRng& rng) {
    return std::string(surnames[rng.below(std::size(surnames))]) + given_names[rng.below(std::size(given_names))];
}

const FixedUnit* fixed_unit(const std::string& id) {
    for (const auto& f : fixed_units)
        if (id == f.unit_id) return &f;
    return nullptr;
}

} // namespace

void seed_estate_record(DemoSeed& seed, const LocalizedText* name) {
    protocol::Estate e;
    e.name = name ? *name : LocalizedText{"翠湖花园", "翠湖花園", "Cuihu Garden"};
    e.address = {"深圳市南山区翠湖路88号", "深圳市南山區翠湖路88號", "88 Cuihu Road, Nanshan District, Shenzhen"};
    e.hotline = "0755-86001234";
    e.office_hours = {"物业服务中心 每天 08:30-18:00，24小时值班电话 0755-86001234",
                      "物業服務中心 每天 08:30-18:00，24小時值班電話 0755-86001234",
                      "Service centre daily 08:30-18:00; 24-hour duty line 0755-86001234"};
    e.emergency_contacts = {
        {{"物业24小时值班", "物業24小時值班", "Property duty (24h)"}, "0755-86001234"},
        {{"电梯困人救援", "電梯困人救援", "Lift rescue"}, "0755-86001119"},
        {{"火警", "火警", "Fire"}, "119"},
        {{"医疗急救", "醫療急救", "Ambulance"}, "120"},
        {{"报警", "報警", "Police"}, "110"},
        {{"燃气抢修", "燃氣搶修", "Gas emergency"}, "0755-83203999"},
    };
    seed.feed.publish(protocol::collection::estate, "estate", e);
}

// The buildings of an estate of `units` units (0: the plan): the plan cut
// short by seed_units, or repeated as buildings 7, 8, ... until there are that many.
static std::vector<BuildingPlan> layout(int units) {
    std::vector<BuildingPlan> out(std::begin(buildings), std::end(buildings));
    for (int round = 1, n = plan_units(); n < units; ++round)
        for (const BuildingPlan& b : buildings) {
            out.push_back({b.building + round * static_cast<int>(std::size(buildings)), b.entrances, b.floors, b.rooms});
            n += b.entrances * b.floors * b.rooms;
        }
    return out;
}

int plan_units() {
    int n = 0;
    for (const auto& b : buildings) n += b.entrances * b.floors * b.rooms;
    return n;
}

void seed_units(DemoSeed& seed, const std::function<void(const DemoUnit&)>& on_unit) {
    Database& db = seed.db;
    DemoRng& rng = seed.rng;
    Statement unit_ins(db, "INSERT INTO units (id, building, entrance, floor, room, area_m2) VALUES (?, ?, ?, ?, ?, ?)");
    Statement resident_ins(db, "INSERT INTO residents (unit_id, role, name, phone) VALUES (?, ?, ?, ?)");
    static constexpr int room_area_dm2[] = {8950, 12830, 10460, 14375};  // typical layouts, in 0.01 m²

    int made = 0;
    for (const BuildingPlan& b : layout(seed.units)) {
        for (int e = 1; e <= b.entrances; ++e) {
            for (int f = 1; f <= b.floors; ++f) {
                for (int r = 1; r <= b.rooms; ++r) {
                    if (seed.units > 0 && made == seed.units) return;
                    ++made;
                    char room[24];
                    std::snprintf(room, sizeof room, "%d%02d", f, r);
                    const std::string id = std::to_string(b.building) + "-" + std::to_string(e) + "-" + room;
                    const double area = room_area_dm2[(r - 1) % 4] / 100.0;
                    unit_ins.bind(1, id).bind(2, b.building).bind(3, e).bind(4, f).bind(5, room).bind(6, area);
                    unit_ins.run();

                    const FixedUnit* fixed = fixed_unit(id);
                    const std::string owner = fixed ? fixed->owner : random_name(rng);
                    const std::string owner_phone = fixed ? fixed->owner_phone : random_phone(rng);
                    resident_ins.bind(1, id).bind(2, "owner").bind(3, db.cipher().seal(owner)).bind(4, db.cipher().seal(owner_phone));
                    resident_ins.run();
                    const bool has_tenant = fixed ? fixed->tenant != nullptr : rng.chance(30);
                    if (has_tenant) {
                        const std::string tenant = fixed ? fixed->tenant : random_name(rng);
                        const std::string tenant_phone = fixed ? fixed->tenant_phone : random_phone(rng);
                        resident_ins.bind(1, id).bind(2, "tenant").bind(3, db.cipher().seal(tenant)).bind(4, db.cipher().seal(tenant_phone));
                        resident_ins.run();
                    }
                    publish_unit(db, *find_unit(db, id));

                    on_unit(DemoUnit{id, area});  // the features' parts of this unit (its bills)
                }
            }
        }
    }
}

} // namespace lobby::server::demo
