// What the visitors screens may ask for (the payload of a FeatureRequest).
#pragma once

#include "features/visitors/core/visitors_session.hpp"
#include "household/core/unit_picker.hpp"

#include <string>
#include <variant>

namespace kiosk::visitors {

struct RequestErrand { Errand errand; };
struct RequestKey { char key; };       // '0'..'9' or '<' on the step's keypad
struct RequestSubmitDigits {};         // the code, the phone or the release code
struct RequestPurpose { std::string purpose; };
struct RequestPeople { int people; };
struct RequestSurname { std::string text; };  // from the text pad (ChineseText)
struct RequestDriving { bool driving; };      // 驾车？
struct RequestPlate { std::string text; };    // from the plate pad
struct RequestFieldKept {};                   // 下一步 with the surname or plate typed before (after 返回)
struct RequestPrivacy { bool accepted; std::string items_text; };  // items_text: the move-out's, as the office reads it
struct RequestItemCount { std::string item; int delta; };
struct RequestItemsDone {};
struct RequestDay { int days_ahead; };
struct RequestRelation { std::string relation; };
struct RequestConfirmSubmit {};        // 确认提交 on the read-back (长者模式): send, or send again with the same key
struct RequestChangeForm {};           // 返回修改 on the read-back: to the last question asked
struct RequestRetry {};                // send the same registration or release again (same key)
struct RequestMenu {};                 // back to the errands

// The unit picker's buttons (household::pick decides).
using VisitorsRequest = std::variant<RequestErrand, RequestKey, RequestSubmitDigits, RequestPurpose,
                                     household::RequestBuilding, household::RequestEntrance, household::RequestRoomKey, household::RequestRoom,
                                     RequestPeople, RequestSurname, RequestDriving, RequestPlate, RequestFieldKept, RequestPrivacy, RequestItemCount, RequestItemsDone, RequestDay,
                                     RequestRelation, RequestConfirmSubmit, RequestChangeForm, RequestRetry, RequestMenu>;

} // namespace kiosk::visitors
