// What screens may ask for. Screens never change state themselves: they push
// requests during the frame and the controller applies them after it.
#pragma once

#include "core/app_state.hpp"

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace kiosk {

struct RequestOpenScreen { ScreenId screen; };
struct RequestBack {};
struct RequestHome {};
struct RequestSetLanguage { Language language; };
struct RequestCycleTextScale {};
struct RequestToggleElderly {};
struct RequestStillHere {};     // answer to the idle countdown
struct RequestCornerTap {};     // part of the hidden admin gesture
struct RequestPinKey { char key; };  // '0'..'9', or '<' to erase one digit
struct RequestPinSubmit {};
struct RequestPinCancel {};
struct RequestExit {};

// [SECTION] Fees (controller_fees.cpp)
struct RequestFeesBuilding { int building; };
struct RequestFeesEntrance { int entrance; };
struct RequestFeesRoom { std::string unit_id; };
struct RequestFeesKey { char key; };  // '0'..'9', or '<' to erase one digit
struct RequestFeesSubmit {};          // verify the four digits
struct RequestFeesExplain { std::string fee_kind; };  // empty closes the dialog
struct RequestFeesChoose {};          // from the bill to choosing what to pay
struct RequestFeesToggleBill { std::string bill_id; };
struct RequestFeesChooseAll { bool all; };
struct RequestFeesPay {};             // create (or retry) the payment order
struct RequestFeesRestart {};         // after an expired order: back to the bill

using Request = std::variant<RequestOpenScreen, RequestBack, RequestHome, RequestSetLanguage,
                             RequestCycleTextScale, RequestToggleElderly, RequestStillHere,
                             RequestCornerTap, RequestPinKey, RequestPinSubmit, RequestPinCancel,
                             RequestExit, RequestFeesBuilding, RequestFeesEntrance, RequestFeesRoom,
                             RequestFeesKey, RequestFeesSubmit, RequestFeesExplain, RequestFeesChoose,
                             RequestFeesToggleBill, RequestFeesChooseAll, RequestFeesPay, RequestFeesRestart>;

class Requests {
public:
    void push(Request request) { m_items.push_back(std::move(request)); }
    std::vector<Request> take() { return std::exchange(m_items, {}); }
    bool empty() const { return m_items.empty(); }

private:
    std::vector<Request> m_items;
};

} // namespace kiosk
