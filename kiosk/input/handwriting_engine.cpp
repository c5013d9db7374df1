// HandwritingEngine over zinnia.h.
#include "input/handwriting_engine.hpp"

#include <zinnia.h>

namespace kiosk::input {
namespace {
zinnia_recognizer_t* recognizer(void* p) { return static_cast<zinnia_recognizer_t*>(p); }
zinnia_character_t* character(void* p) { return static_cast<zinnia_character_t*>(p); }
} // namespace

HandwritingEngine::~HandwritingEngine()
{
    unload();
}

bool HandwritingEngine::load(const std::string& model_path, std::string& error)
{
    if (m_recognizer)
        return true;
    zinnia_recognizer_t* r = zinnia_recognizer_new();
    // zinnia maps the model file: its pages are shared and dropped on unload.
    if (!zinnia_recognizer_open(r, model_path.c_str())) {
        error = model_path + ": cannot open the handwriting model (install tegaki-zinnia-simplified-chinese): " +
                zinnia_recognizer_strerror(r);
        zinnia_recognizer_destroy(r);
        return false;
    }
    m_recognizer = r;
    m_character = zinnia_character_new();
    return true;
}

void HandwritingEngine::unload()
{
    if (m_character)
        zinnia_character_destroy(character(m_character));
    if (m_recognizer)
        zinnia_recognizer_destroy(recognizer(m_recognizer));
    m_character = nullptr;
    m_recognizer = nullptr;
}

std::vector<std::string> HandwritingEngine::recognise(const std::vector<Stroke>& strokes, int box_size, std::size_t n)
{
    std::vector<std::string> out;
    if (!m_recognizer || strokes.empty() || box_size <= 0)
        return out;
    zinnia_character_t* c = character(m_character);
    zinnia_character_clear(c);
    zinnia_character_set_width(c, static_cast<std::size_t>(box_size));
    zinnia_character_set_height(c, static_cast<std::size_t>(box_size));
    std::size_t id = 0;
    for (const Stroke& stroke : strokes) {
        if (stroke.empty())
            continue;
        for (const StrokePoint& p : stroke)
            zinnia_character_add(c, id, p.x, p.y);
        if (stroke.size() == 1)  // a dot: zinnia needs two points for a stroke
            zinnia_character_add(c, id, stroke[0].x + 1, stroke[0].y + 1);
        ++id;
    }
    if (id == 0)
        return out;
    zinnia_result_t* result = zinnia_recognizer_classify(recognizer(m_recognizer), c, n);
    if (!result)
        return out;
    for (std::size_t i = 0; i < zinnia_result_size(result); ++i)
        out.emplace_back(zinnia_result_value(result, i));
    zinnia_result_destroy(result);
    return out;
}

} // namespace kiosk::input
