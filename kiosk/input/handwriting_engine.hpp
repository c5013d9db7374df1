// Handwriting through zinnia with the tegaki Simplified Chinese model: the
// strokes drawn so far in, the likeliest characters out. Used only from the
// input worker's thread.
#pragma once

#include <string>
#include <vector>

namespace kiosk::input {

struct StrokePoint {
    int x = 0, y = 0;  // in the box, 0..box_size
};
using Stroke = std::vector<StrokePoint>;

class HandwritingEngine {
public:
    HandwritingEngine() = default;
    ~HandwritingEngine();
    HandwritingEngine(const HandwritingEngine&) = delete;
    HandwritingEngine& operator=(const HandwritingEngine&) = delete;

    bool load(const std::string& model_path, std::string& error);
    void unload();
    bool loaded() const { return m_recognizer != nullptr; }

    // The `n` likeliest characters for these strokes, best first.
    std::vector<std::string> recognise(const std::vector<Stroke>& strokes, int box_size, std::size_t n);

private:
    void* m_recognizer = nullptr;
    void* m_character = nullptr;
};

} // namespace kiosk::input
