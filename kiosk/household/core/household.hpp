// The shared household pieces, for a service that asks which unit a person
// means (visitors) or that must know it is theirs (fees, repairs, surveys).
// A feature embeds them in its own state, lists their requests in its own
// request variant, and gets the outcome back through its own answers:
//
//   struct RepairsSession { RepairsStep step; household::UnitPicker picker;
//                           household::Verification verification;
//                           std::uint64_t awaiting_call = 0; ... };
//   using RepairsRequest = std::variant<household::RequestBuilding, household::RequestEntrance,
//       household::RequestRoomKey, household::RequestRoom, household::RequestKey, household::RequestSubmit, ...>;
//   using RepairsCall = std::variant<household::CallVerifyHousehold, ...>;
//   using RepairsAnswer = std::variant<household::HouseholdVerified, ...>;
//   // the feature object owns one Verifier (the kiosk-wide guard):
//   //   household::Verifier verifier{household::Verifier::rules_from(config), book};
//   // requests:
//   //   RequestBuilding/Entrance/RoomKey/Room -> if (household::pick(s.picker, r)) {
//   //       verifier.begin(s.verification, s.picker.unit_id, ctx); s.step = Digits; }
//   //   RequestKey -> if (!s.awaiting_call) verifier.key(s.verification, r.key);
//   //   RequestSubmit -> if (auto a = verifier.submit(s.verification, ctx))
//   //       s.awaiting_call = ctx.call(RepairsCall{household::CallVerifyHousehold{*a}});
//   // answer HouseholdVerified h -> if (verifier.answered(s.verification, h.answer, ctx))
//   //       -> s.verification.verified_unit_id / .token: go on to the form
//   // Back: verifier.leave() on the keypad, household::pick_back() in the picker;
//   // on_tick/next_tick_ms: verifier.on_tick / next_tick_ms (the countdowns).
//   // views: household::build_picker_view(s.picker, cache.units, in, "repairs"),
//   //        household::build_keypad_view(s.verification, busy, household::unit_label(...), in, "repairs")
//   // screens (household/screen/household_screens.hpp): draw_unit_picker(view) and
//   //   draw_household_keypad(view) return the request to wrap in the feature's FeatureRequest.
//   // io (household/io/): UnitsMemo for the cached units, verify_household() for the call,
//   //   StoreLockoutBook (attach it to the store) as the Verifier's book.
#pragma once

#include "household/core/household_calls.hpp"
#include "household/core/household_guard.hpp"
#include "household/core/unit_picker.hpp"
#include "household/core/verification.hpp"
