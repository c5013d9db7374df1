// What screens may ask for. Screens never change state themselves: they push
// requests during the frame and the controller applies them after it. A
// feature's own requests travel as FeatureRequest (see core/feature.hpp).
#pragma once

#include "core/app_state.hpp"
#include "core/feature.hpp"

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
struct RequestToggleScreenReader {};  // 读屏 on or off
struct RequestToggleVoice {};         // 普通话 ⇄ 粤语 for the Chinese screens, for this person
struct RequestStillHere {};     // answer to the idle countdown
struct RequestCornerTap {};     // part of the hidden admin gesture
struct RequestPinKey { char key; };  // '0'..'9', or '<' to erase one digit
struct RequestPinSubmit {};
struct RequestPinCancel {};
struct RequestExit {};          // asks first: the kiosk stops serving until restarted
struct RequestExitConfirm {};
struct RequestExitCancel {};
// The enrolment code dialog on the admin screen (admin only).
struct RequestEnrolOpen {};
struct RequestEnrolKey { char key; };  // '0'..'9', or '<'
struct RequestEnrolSubmit {};
struct RequestEnrolClose {};
// Opens a service's item from outside it (the home banner's notice).
struct RequestOpenItem { FeatureId feature; std::string item; };
struct RequestUrgent { FeatureId feature; };  // a feature's urgent action on home

using Request = std::variant<RequestOpenScreen, RequestBack, RequestHome, RequestSetLanguage,
                             RequestCycleTextScale, RequestToggleElderly, RequestToggleScreenReader, RequestToggleVoice, RequestStillHere,
                             RequestCornerTap, RequestPinKey, RequestPinSubmit, RequestPinCancel,
                             RequestExit, RequestExitConfirm, RequestExitCancel, RequestEnrolOpen, RequestEnrolKey,
                             RequestEnrolSubmit, RequestEnrolClose, RequestOpenItem, RequestUrgent, FeatureRequest>;

class Requests {
public:
    void push(Request request) { m_items.push_back(std::move(request)); }
    std::vector<Request> take() { return std::exchange(m_items, {}); }
    bool empty() const { return m_items.empty(); }

private:
    std::vector<Request> m_items;
};

} // namespace kiosk
