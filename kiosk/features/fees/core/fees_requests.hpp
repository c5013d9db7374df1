// What the fees screens may ask for (sent as the payload of a FeatureRequest).
#pragma once

#include "household/core/household.hpp"

#include <string>
#include <variant>

namespace kiosk::fees {

// The unit and the digits: the shared household requests.
using household::RequestBuilding;
using household::RequestEntrance;
using household::RequestRoom;
using household::RequestRoomKey;
using household::RequestKey;
using household::RequestSubmit;
struct RequestExplain { std::string fee_kind; };  // empty closes the dialog
struct RequestTogglePaidHistory {};  // show or fold the bills already paid
struct RequestChoose {};          // from the bill to choosing what to pay
struct RequestToggleBill { std::string bill_id; };
struct RequestChooseAll { bool all; };
struct RequestChooseKind { std::string fee_kind; };  // all of a kind chosen: unchoose them; else choose them all
struct RequestPay {};             // create (or retry) the payment order; in 长者模式 first the read-back
struct RequestChangeChoice {};    // 返回修改 on the read-back: back to choosing
struct RequestRestart {};         // after an expired order: back to the bill

using FeesRequest = std::variant<RequestBuilding, RequestEntrance, RequestRoomKey, RequestRoom, RequestKey, RequestSubmit,
                                 RequestExplain, RequestTogglePaidHistory, RequestChoose, RequestToggleBill, RequestChooseAll, RequestChooseKind, RequestPay, RequestChangeChoice,
                                 RequestRestart>;

} // namespace kiosk::fees
