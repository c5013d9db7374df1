// Text limits shared by the decoders of several features (internal to the
// protocol sources; not part of the umbrella include).
#pragma once

#include "protocol/decode.hpp"

namespace lobby::protocol {

inline constexpr TextRule id_rule{1, 64, false};            // ids and codes: "R-2026-000123", "management"
inline constexpr TextRule token_rule{1, 128, false};        // opaque tokens: the fee verification token
inline constexpr TextRule name_rule{1, 200, false};         // names of things (localized titles)
inline constexpr TextRule long_text_rule{1, 4000, true};    // notice bodies, "what the fee covers"
inline constexpr TextRule person_name_rule{1, 40, false};   // a visitor's or requester's name
inline constexpr TextRule surname_rule{1, 10, false};      // a walk-in's surname: "李", "欧阳", a short foreign one
inline constexpr TextRule plate_rule{5, 12, false};         // a car plate, "粤B12345"

} // namespace lobby::protocol
