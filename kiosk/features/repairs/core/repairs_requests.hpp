// What the repairs screens may ask for (the payload of a FeatureRequest).
#pragma once

#include "household/core/household.hpp"

#include <cstdint>
#include <string>
#include <variant>

namespace kiosk::repairs {

struct RequestEmergencyMenu {};                  // the red button
struct RequestEmergency { std::string category; };  // water_leak_urgent, lift_trapped, fire_smoke, gas_smell
struct RequestWhere { bool own_unit; };          // 我家 / 公共区域
// Choices carry what the core decides by, from the cached catalog the view
// showed (the core sees no cache): the office's words (zh-CN) for the
// ticket, and a category's scope.
struct RequestLocation { std::string code, office_words; };  // a public area
enum class Scope { Office, NotOffice, Paid };
struct RequestCategory { std::string code; Scope scope = Scope::Office; };
struct RequestPreset { std::string code, office_words; };
struct RequestAcknowledgePaid {};                // 我已了解，继续
struct RequestSlot { std::int64_t start_utc, end_utc; };
struct RequestNote { std::string text; };        // 补充说明 on the read-back screen (optional)
struct RequestContactPhone { std::string digits; };  // 需要物业回电？ (public area; empty: no call back)
struct RequestSubmit {};                         // from the read-back screen
struct RequestAddAnother {};                     // 还有其他问题 -> another item
struct RequestTrack {};                          // 查询进度: type a follow-up code
struct RequestCodeKey { char key; };             // a symbol of the code alphabet, or '<'
struct RequestFindCode {};
struct RequestTrackFiled { std::size_t index; }; // follow a ticket filed in this session
struct RequestRefresh {};                        // read the open ticket again
struct RequestAccept { bool accepted; std::string comment_key; };  // 验收; a preset reason when rejected
struct RequestRate { int score; };               // 1..5
struct RequestConfirmVerdict {};                 // 确认提交 on the 验收 or rating read-back (长者模式)
struct RequestChangeVerdict {};                  // 返回修改 there: back to the ticket
struct RequestStartOver {};
struct RequestTrackByUnit {};                    // 按房号查询: the unit picker, then the digits
struct RequestOpenUnitTicket { std::string ticket_id; };  // one of the verified unit's tickets

// 我家: the shared unit picker and household verification's requests too.
using RepairsRequest =
    std::variant<household::RequestBuilding, household::RequestEntrance, household::RequestRoomKey, household::RequestRoom, household::RequestKey,
                 household::RequestSubmit, RequestEmergencyMenu, RequestEmergency, RequestWhere, RequestLocation, RequestCategory, RequestPreset,
                 RequestAcknowledgePaid, RequestSlot, RequestNote, RequestContactPhone, RequestSubmit, RequestAddAnother, RequestTrack,
                 RequestCodeKey, RequestFindCode, RequestTrackFiled, RequestRefresh, RequestAccept, RequestRate,
                 RequestConfirmVerdict, RequestChangeVerdict, RequestStartOver, RequestTrackByUnit, RequestOpenUnitTicket>;

} // namespace kiosk::repairs
