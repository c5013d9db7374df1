// The one on-screen text pad of the app: an overlay at the bottom of the
// screen that edits one field at a time (text_field.hpp opens it). It keeps
// what is typed, shows the pad for the field's kind (digits, phone, Chinese
// by pinyin / jyutping / stroke / handwriting, English, plate), sends engine
// work to the input worker and applies its answers as they come, so no
// frame waits for an engine. The app owns it; screens reach it only through
// ui::text_field.
#pragma once

#include "core/text_entry.hpp"
#include "input/input_service.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace kiosk::ui {

enum class PadMode { Digits, Pinyin, Jyutping, Stroke, Handwriting, English, Plate };

class TextPad {
public:
    explicit TextPad(input::InputService& service);

    // Opens the pad for the field `owner` (its widget id) with its value.
    void open(const std::string& owner, TextKind kind, const std::string& value, const TextLimits& limits);
    // Closes without a result (收起, another screen, the person left); what
    // was typed is forgotten.
    void close();
    bool is_open() const { return m_open; }
    const std::string& owner() const { return m_owner; }
    TextKind kind() const { return m_kind; }
    PadMode mode() const { return m_mode; }
    const std::string& text() const { return m_text; }
    const std::string& preedit() const { return m_preedit; }

    // The normalised text of `owner`'s field, once, after 完成 was tapped.
    std::optional<std::string> take_result(const std::string& owner);

    // Applies the worker's answers; true when the pad changed (draw a frame).
    bool take_answers();
    // When the pad wants a frame without input (the loading notice), in
    // seconds of the app's clock; 0: never.
    double redraw_at_s() const;
    // True once when that time has come (the app then draws a frame).
    bool redraw_due(double now_s);

    // Draws the overlay (call every frame, after the screen). While the
    // kiosk asks 还在使用吗？ (`give_way`) the pad is not drawn and takes no
    // touch, so the question and its 继续使用 are never under it; it comes
    // back as it was once answered.
    void draw(bool give_way = false);

    // [Script interface] Where the handwriting box is on screen (px), or an
    // empty rect when it is not shown.
    ImVec4 handwriting_box() const { return m_box_rect; }

    // [Actions, also used by the drawing code]
    void set_mode(PadMode mode);
    void press_key(const std::string& key);  // a letter, digit, province or punctuation
    void press_stroke(char code);            // h s p n z
    void erase();
    void clear();
    void finish();  // 完成
    void choose(std::size_t index);
    void stroke_done(const input::Stroke& stroke);
    void undo_stroke();
    void clear_strokes();

    bool shift() const { return m_shift; }
    void toggle_shift() { m_shift = !m_shift; }
    bool composing() const { return !m_preedit.empty() || m_waiting_since_s > 0; }
    const std::vector<std::string>& candidates() const { return m_candidates; }
    std::uint64_t list_seq() const { return m_list_seq; }
    const std::vector<input::Stroke>& strokes() const { return m_strokes; }
    // The problem with 完成 or with the last key (a locale key), or empty.
    const std::string& message_key() const { return m_message_key; }
    std::size_t message_number() const { return m_message_number; }
    bool loading_shown() const;
    bool engine_failed() const { return m_engine_failed; }
    const std::vector<PadMode>& modes() const { return m_modes; }
    const TextLimits& limits() const { return m_limits; }

    // Box coordinates of handwriting: 0..box_units on both axes.
    static constexpr int box_units = 1000;

    // [Drawing state] kept across frames by the drawing code.
    ImVec4 m_box_rect{0, 0, 0, 0};
    input::Stroke m_drawing;   // the stroke the finger is drawing now
    bool m_drawing_active = false;
    std::uint64_t m_drawn_list = 0;  // the candidate list drawn last (a new one starts at the top)

private:
    bool rime_mode() const;
    input::Engine engine() const;
    bool simplified() const;
    void post(input::Job job);
    void append(const std::string& text);
    void predict_after_append();
    void reset_engine();

    input::InputService& m_service;
    bool m_open = false;
    std::string m_owner;
    TextKind m_kind = TextKind::ChineseText;
    TextLimits m_limits;
    PadMode m_mode = PadMode::Pinyin;
    std::vector<PadMode> m_modes;
    std::string m_text;
    bool m_shift = false;

    // The engine's side: composition and candidates of the latest answer.
    std::string m_preedit;
    std::vector<std::string> m_candidates;
    bool m_predictions = false;
    std::uint64_t m_list_seq = 0;     // the answer the candidates came from
    std::uint64_t m_ignore_upto = 0;  // answers of a closed pad or another mode
    std::uint64_t m_last_posted = 0;
    double m_waiting_since_s = 0;     // a job is out since (0: none)
    bool m_notice_due_taken = false;  // the loading notice's frame was asked for
    bool m_engine_failed = false;
    std::string m_suffix_after_commit;  // punctuation tapped while composing

    std::vector<input::Stroke> m_strokes;

    std::string m_message_key;
    std::size_t m_message_number = 0;

    std::optional<std::pair<std::string, std::string>> m_result;
};

// Draws the app's pad, if any (the frame calls it after the screen);
// `give_way` while the idle question is shown (see TextPad::draw).
void draw_text_pad(bool give_way = false);

} // namespace kiosk::ui
