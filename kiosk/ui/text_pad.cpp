// TextPad: what is typed, and the conversation with the input worker.
#include "ui/text_pad.hpp"

#include "core/text_rules.hpp"
#include "ui/context.hpp"

#include <algorithm>
#include <utility>

namespace kiosk::ui {
namespace {

constexpr double loading_notice_s = 0.3;  // 正在加载输入法 only when loading is that slow

std::vector<PadMode> modes_for(TextKind kind, Language language)
{
    switch (kind) {
    case TextKind::Digits:
    case TextKind::Phone: return {PadMode::Digits};
    case TextKind::EnglishText: return {PadMode::English};
    case TextKind::Plate: return {PadMode::Plate};
    case TextKind::ChineseText: break;
    }
    // Cantonese speakers first get jyutping; stroke and handwriting for
    // those who know no romanisation; ABC for names, unit numbers, email.
    if (language == Language::ZhHK)
        return {PadMode::Jyutping, PadMode::Handwriting, PadMode::Stroke, PadMode::Pinyin, PadMode::English};
    return {PadMode::Pinyin, PadMode::Handwriting, PadMode::Stroke, PadMode::Jyutping, PadMode::English};
}

} // namespace

TextPad::TextPad(input::InputService& service) : m_service(service) {}

void TextPad::open(const std::string& owner, TextKind kind, const std::string& value, const TextLimits& limits)
{
    close();
    m_open = true;
    m_owner = owner;
    m_kind = kind;
    m_limits = limits;
    // A phone has 11 digits and a plate at most 8 characters, whatever the field says.
    if (kind == TextKind::Phone)
        m_limits.max_chars = std::min<std::size_t>(limits.max_chars, 11);
    if (kind == TextKind::Plate)
        m_limits.max_chars = std::min<std::size_t>(limits.max_chars, 8);
    m_modes = modes_for(kind, context().language);
    m_mode = m_modes.front();
    m_text = value;
    m_shift = false;
    m_service.set_in_use(true);
}

void TextPad::close()
{
    if (!m_open)
        return;
    reset_engine();
    m_open = false;
    m_text.clear();
    m_strokes.clear();
    m_drawing.clear();
    m_drawing_active = false;
    m_message_key.clear();
    m_box_rect = ImVec4(0, 0, 0, 0);
    m_service.set_in_use(false);
}

std::optional<std::string> TextPad::take_result(const std::string& owner)
{
    if (!m_result || m_result->first != owner)
        return std::nullopt;
    std::string text = std::move(m_result->second);
    m_result.reset();
    return text;
}

bool TextPad::rime_mode() const
{
    return m_mode == PadMode::Pinyin || m_mode == PadMode::Jyutping || m_mode == PadMode::Stroke;
}

input::Engine TextPad::engine() const
{
    switch (m_mode) {
    case PadMode::Jyutping: return input::Engine::Jyutping;
    case PadMode::Stroke: return input::Engine::Stroke;
    case PadMode::Handwriting: return input::Engine::Handwriting;
    default: return input::Engine::Pinyin;
    }
}

bool TextPad::simplified() const
{
    return context().language != Language::ZhHK;
}

void TextPad::post(input::Job job)
{
    job.engine = engine();
    job.simplified = simplified();
    m_last_posted = m_service.post(std::move(job));
    if (m_waiting_since_s == 0) {
        m_waiting_since_s = context().now_s;
        m_notice_due_taken = false;
    }
}

void TextPad::reset_engine()
{
    // The engine's composition is dropped and its answers still on the way
    // are ignored: they belong to the mode or field left.
    if (rime_mode() && (!m_preedit.empty() || m_waiting_since_s > 0)) {
        input::Job job;
        job.kind = input::Job::Kind::Reset;
        post(job);
    }
    m_ignore_upto = m_last_posted;
    m_waiting_since_s = 0;
    m_preedit.clear();
    m_candidates.clear();
    m_predictions = false;
    m_suffix_after_commit.clear();
    m_engine_failed = false;
}

void TextPad::set_mode(PadMode mode)
{
    if (mode == m_mode)
        return;
    reset_engine();
    m_strokes.clear();
    m_mode = mode;
    m_shift = false;
}

void TextPad::append(const std::string& text)
{
    const std::size_t room = m_limits.max_chars > count_chars(m_text) ? m_limits.max_chars - count_chars(m_text) : 0;
    const std::string cut = normalise_text(text, TextLimits{room, 0});
    if (count_chars(text) > room) {
        m_message_key = "input.full";
        m_message_number = m_limits.max_chars;
    } else {
        m_message_key.clear();
    }
    m_text += text == " " && room > 0 ? " " : cut;  // a typed space is kept inside the text
}

void TextPad::predict_after_append()
{
    if (m_mode == PadMode::English || m_text.empty())
        return;
    input::Job job;
    job.kind = input::Job::Kind::Predict;
    job.text = m_text;
    post(job);
}

void TextPad::press_key(const std::string& key)
{
    m_message_key.clear();
    if (rime_mode() && m_mode != PadMode::Stroke && key.size() == 1 && key[0] >= 'a' && key[0] <= 'z') {
        input::Job job;
        job.kind = input::Job::Kind::Type;
        job.keys = key;
        post(job);
        return;
    }
    if (rime_mode() || m_mode == PadMode::Handwriting) {
        if (!m_preedit.empty() && !m_candidates.empty() && !m_predictions) {
            // Punctuation while composing: the first candidate, then it.
            m_suffix_after_commit += key;
            choose(0);
            return;
        }
        m_candidates.clear();
    }
    if (m_mode == PadMode::English && m_shift && key.size() == 1 && key[0] >= 'a' && key[0] <= 'z') {
        append(std::string(1, static_cast<char>(key[0] - 'a' + 'A')));
        m_shift = false;  // one capital, as on a phone
        return;
    }
    append(key);
}

void TextPad::press_stroke(char code)
{
    m_message_key.clear();
    input::Job job;
    job.kind = input::Job::Kind::Type;
    job.keys = std::string(1, code);
    post(job);
}

void TextPad::erase()
{
    m_message_key.clear();
    if (rime_mode() && !m_preedit.empty()) {
        input::Job job;
        job.kind = input::Job::Kind::Backspace;
        post(job);
        return;
    }
    if (m_mode == PadMode::Handwriting && !m_strokes.empty()) {
        undo_stroke();
        return;
    }
    m_text = drop_last_char(m_text);
    m_candidates.clear();
    m_predictions = false;
}

void TextPad::clear()
{
    reset_engine();
    m_strokes.clear();
    m_text.clear();
    m_message_key.clear();
}

void TextPad::finish()
{
    if (composing() && !m_preedit.empty())
        return;  // the drawing shows the composition still to choose
    const std::string text = m_kind == TextKind::Phone || m_kind == TextKind::Digits || m_kind == TextKind::Plate
                                 ? normalise_text(m_text, m_limits)
                                 : normalise_text(m_text, m_limits);
    switch (check_text(m_kind, text, m_limits)) {
    case TextProblem::BadPhone: m_message_key = "input.bad_phone"; return;
    case TextProblem::BadPlate: m_message_key = "input.bad_plate"; return;
    case TextProblem::TooShort:
        m_message_key = "input.too_short";
        m_message_number = m_limits.min_chars;
        return;
    case TextProblem::None: break;
    }
    const std::string owner = m_owner;
    close();
    m_result = std::make_pair(owner, text);
}

void TextPad::choose(std::size_t index)
{
    if (index >= m_candidates.size())
        return;
    m_message_key.clear();
    if (m_predictions || m_mode == PadMode::Handwriting) {
        // A prediction or a written character goes straight into the text.
        const std::string chosen = m_candidates[index];
        m_candidates.clear();
        m_strokes.clear();
        append(chosen);
        predict_after_append();
        return;
    }
    input::Job job;
    job.kind = input::Job::Kind::Choose;
    job.index = static_cast<int>(index);
    job.list_seq = m_list_seq;
    post(job);
}

void TextPad::stroke_done(const input::Stroke& stroke)
{
    if (stroke.empty())
        return;
    m_strokes.push_back(stroke);
    input::Job job;
    job.kind = input::Job::Kind::Recognise;
    job.strokes = m_strokes;
    job.box_size = box_units;
    post(job);
}

void TextPad::undo_stroke()
{
    if (m_strokes.empty())
        return;
    m_strokes.pop_back();
    if (m_strokes.empty()) {
        m_candidates.clear();
        return;
    }
    input::Job job;
    job.kind = input::Job::Kind::Recognise;
    job.strokes = m_strokes;
    job.box_size = box_units;
    post(job);
}

void TextPad::clear_strokes()
{
    m_strokes.clear();
    m_candidates.clear();
    m_ignore_upto = m_last_posted;
    m_waiting_since_s = 0;
}

bool TextPad::take_answers()
{
    bool changed = false;
    for (input::Answer& answer : m_service.take_answers()) {
        if (answer.seq == m_last_posted)
            m_waiting_since_s = 0;
        if (!m_open || answer.seq <= m_ignore_upto || answer.engine != engine())
            continue;
        changed = true;
        if (!answer.error.empty()) {
            m_engine_failed = true;
            continue;
        }
        m_engine_failed = false;
        if (answer.ignored)
            continue;
        if (!answer.commit.empty()) {
            append(answer.commit);
            if (!m_suffix_after_commit.empty())
                append(std::exchange(m_suffix_after_commit, {}));
        }
        // A newer job is on its way: its answer brings the list to show.
        if (answer.seq != m_last_posted && answer.kind != input::Job::Kind::Choose)
            continue;
        m_preedit = answer.preedit;
        m_candidates = answer.candidates;
        m_predictions = answer.predictions;
        m_list_seq = answer.seq;
    }
    return changed;
}

double TextPad::redraw_at_s() const
{
    return m_open && m_waiting_since_s > 0 && !m_notice_due_taken ? m_waiting_since_s + loading_notice_s : 0;
}

bool TextPad::redraw_due(double now_s)
{
    const double at = redraw_at_s();
    if (at <= 0 || now_s < at)
        return false;
    m_notice_due_taken = true;
    return true;
}

bool TextPad::loading_shown() const
{
    return m_waiting_since_s > 0 && context().now_s - m_waiting_since_s >= loading_notice_s;
}

} // namespace kiosk::ui
