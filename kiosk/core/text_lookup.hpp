// A view builder's words: the catalog in the person's language, plain or
// with {placeholders} filled (t("fees.unit_label", {{"b", "3"}})).
#pragma once

#include "core/language.hpp"
#include "core/locale.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace kiosk {

struct TextLookup {
    const Catalog& catalog;
    Language language;
    const std::string& operator()(std::string_view key) const { return catalog.text(language, key); }
    std::string operator()(std::string_view key,
                           std::initializer_list<std::pair<std::string_view, std::string_view>> args) const
    {
        return format_text(catalog.text(language, key), args);
    }
};

} // namespace kiosk
