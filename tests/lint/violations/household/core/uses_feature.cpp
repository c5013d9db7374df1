// A shared household piece that reaches into a feature: not allowed (the
// features build on household, never the reverse).
#include "features/fees/core/fees_feature.hpp"
#include "household/core/unit_picker.hpp"
