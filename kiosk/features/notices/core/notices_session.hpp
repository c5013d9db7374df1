// One person's place in the notices: the category chosen and the notice open.
#pragma once

#include <string>

namespace kiosk::notices {

struct NoticesSession {
    std::string category;  // empty: all
    std::string open_id;   // empty: the list
};

} // namespace kiosk::notices
