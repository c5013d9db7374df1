// The one text field of the kiosk: a screen calls it like an ImGui widget and
// never owns a keyboard or an input engine. Tapping the field opens the app's
// shared pad for its kind (digits, phone, Chinese, English, plate) at the
// bottom of the screen; the person types, chooses, writes, and taps 完成.
//
//   if (auto text = ui::text_field("visitors.plate", TextKind::Plate, view.plate, {8}))
//       ask(requests, RequestSetPlate{*text});
//
// The field shows `value` (a phone masked as 138****5678) or a placeholder.
// The return holds the normalised text (trimmed, NFC, no control characters,
// within `limits`; a valid phone or plate for those kinds) once, on the frame
// after 完成 was tapped; the screen then emits its own request with it.
#pragma once

#include "core/text_entry.hpp"

#include <optional>
#include <string>

namespace kiosk::ui {

// `width` 0: the rest of the line (a column of a two-column screen passes its own).
std::optional<std::string> text_field(const char* id, TextKind kind, const std::string& value,
                                      const TextLimits& limits, float width = 0);

} // namespace kiosk::ui
