// The choices a person picks from (buildings, rooms, bills, categories), as
// big buttons in flowing rows. In elderly mode at most four buttons show at
// once: three choices and 更多, which pages through the rest, so nobody has
// to scan a wall of buttons. Every feature's lists go through here.
#pragma once

#include "ui/widgets.hpp"

#include <string>
#include <vector>

namespace kiosk::ui {

struct Choice {
    std::string id;     // widget id
    std::string label;
    ButtonKind kind = ButtonKind::Secondary;  // Selected for a ticked one
};

struct ChoiceListLayout {
    float min_width = 0;   // each button at least this wide (the row's width: one a row)
    float min_height = 0;  // and this tall (never below the touch target)
    // At the bottom of the area, within reach, and registered as required
    // targets (RequiredTargets); false for a list further down a scrolled page.
    bool at_bottom = true;
    TextRole role = TextRole::Title;
    // Elderly mode: the most buttons this list may show at once, 更多
    // included; less than 4 when the screen has other choices beside it.
    std::size_t elderly_slots = 4;
};

// Most choices on a screen at once in elderly mode (更多 included).
inline constexpr std::size_t elderly_choices_at_once = 4;

// The 更多 button's words: "更多（第 {page}/{pages} 页）", page counted from 0.
std::string more_label(std::size_t page, std::size_t count);

// The page in view of a list paged by its screen (surveys, each with its
// words between the buttons), kept as choice_list keeps its own: a list
// whose `signature` (what it holds) changes starts again at page 0.
std::size_t& paged_list_page(const std::string& id, const std::string& signature);

// How tall the list (the page in view) draws in `width` when not at_bottom
// (at the bottom it fits itself to the room within reach).
float choice_list_height(const char* id, const std::vector<Choice>& choices, const ChoiceListLayout& layout, float width);

// Draws the list (the page in view); returns the index tapped, or -1. At
// the bottom, rows too tall for the reach band become even columns, or
// scroll within the band.
int choice_list(const char* id, const std::vector<Choice>& choices, const ChoiceListLayout& layout);

} // namespace kiosk::ui
