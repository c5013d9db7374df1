// What the notices screens may ask for (the payload of a FeatureRequest).
#pragma once

#include <string>
#include <variant>

namespace kiosk::notices {

struct RequestCategory { std::string kind; };  // empty: every category
struct RequestOpen { std::string id; };        // a notice's detail
struct RequestClose {};                         // back to the list

using NoticesRequest = std::variant<RequestCategory, RequestOpen, RequestClose>;

// Nothing is asked online: notices come through the pull feed.
struct NoticesAnswer {};

} // namespace kiosk::notices
