// Touch widgets: big buttons that act on release, wrapped text with generous
// line spacing, touch-scrolled areas, flowing rows, dialogs and a keypad.
// Every interactive widget takes a stable string id (see frame_record.hpp).
#pragma once

#include <imgui.h>

#include <string_view>
#include <vector>

namespace kiosk::ui {

// Disabled: no fill, muted words, a thin border; it still
// reports a tap, so the screen can say why it cannot act (put the reason next to it).
// Danger: red, for what cannot wait (the emergency button); words always say it too.
enum class ButtonKind { Primary, Secondary, Selected, Disabled, Danger };
enum class TextRole { Body, Title, Muted, Amount };  // Amount: digits and ¥ , . - only
enum class Align { Left, Center };

// Size a button needs for `label`; `width` 0 means as wide as the label.
ImVec2 button_size(std::string_view label, float width = 0, TextRole role = TextRole::Body);
// True when `label` fits a button `width` wide, wrapped where it may break
// (a Latin word never breaks, so a narrow button can be too narrow).
bool label_fits(std::string_view label, float width, TextRole role = TextRole::Body);

// Returns true on the frame the finger lifts inside the button it pressed.
bool button(const char* id, std::string_view label, ImVec2 size, ButtonKind kind = ButtonKind::Secondary,
            TextRole role = TextRole::Body);

// Wrapped text at the current cursor, as wide as `width` (0: the rest of the row).
void text(std::string_view text, TextRole role = TextRole::Body, Align align = Align::Left, float width = 0,
          ImU32 color = 0);

// Height `text` would take, wrapped at `width`.
float text_height(std::string_view text, TextRole role, float width);

// Size of `text` on one line, unwrapped.
ImVec2 text_size(std::string_view text, TextRole role);

// Pushes what follows down so that a block `block_height` tall ends at the
// bottom of the area, when there is room: on a portrait panel the controls
// go to the lower part, within reach, and the words stay on top.
void align_bottom(float block_height);

// What a scroll area holds, for the layout check: the rows of a long List
// may lie below the fold (the person scrolls them to the finger); a Page's
// required controls (Pay, Submit) must still be whole on screen.
enum class ScrollKind { List, Page };

// A vertical area that scrolls by dragging (with inertia), no scrollbar.
void begin_scroll_area(const char* id, ImVec2 size, ScrollKind kind);
void end_scroll_area();

// Lays items out left to right, starting a new row when the next one does
// not fit, so nothing needs horizontal scrolling at 2× text.
class FlowRow {
public:
    explicit FlowRow(float width);
    void place(float item_width);  // call before each item
    // How tall a row of items of these sizes lays out in `width`.
    static float height(const std::vector<ImVec2>& sizes, float width);

private:
    bool advance(float item_width);  // true: the item goes on the row in use

    float m_width;
    float m_used = 0;
    bool m_first = true;
};

// A modal dialog over the screen; draw its content between begin and end
// only when begin returns true.
bool begin_dialog(const char* id, bool open);
// The tallest a dialog may be: its words scroll when they need more.
float dialog_max_height();
void end_dialog();

// A 3×4 numeric keypad; returns '0'..'9', '<' (erase) or 0 when nothing was tapped.
// With an `ok_label` the empty corner becomes an OK key ("<id>.ok") returning
// '\n', drawn as the primary action while `ok_ready`.
// How tall numeric_keypad draws.
float numeric_keypad_height(float max_height = 0);

// `max_height` > 0 shortens the keys to fit it, down to the touch target.
char numeric_keypad(const char* id, std::string_view erase_label, float width, std::string_view ok_label = {},
                    bool ok_ready = true, float max_height = 0);

} // namespace kiosk::ui
