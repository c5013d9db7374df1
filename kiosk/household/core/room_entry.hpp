// A room number as typed on the room keypad: digits, and the letters some
// estates put in room numbers (A01, B1203, 1502A). The keypad offers only
// the letters this entrance's rooms use; this entry takes any A-Z, so a
// letter key is one more key, not a special case.
#pragma once

#include <cstddef>
#include <string>

namespace kiosk::household {

class RoomEntry {
public:
    static constexpr char erase_key = '<';

    explicit RoomEntry(std::size_t max_chars) : m_max(max_chars) {}

    // '0'..'9' and 'A'..'Z' ('a'..'z' as capitals) append while there is
    // room, erase_key removes the last one; anything else is ignored.
    // True when the entry changed.
    bool press(char key)
    {
        if (key == erase_key) {
            if (m_text.empty())
                return false;
            m_text.pop_back();
            return true;
        }
        if (key >= 'a' && key <= 'z')
            key = static_cast<char>(key - 'a' + 'A');
        const bool takes = (key >= '0' && key <= '9') || (key >= 'A' && key <= 'Z');
        if (!takes || m_text.size() >= m_max)
            return false;
        m_text += key;
        return true;
    }

    const std::string& text() const { return m_text; }
    std::size_t size() const { return m_text.size(); }
    bool empty() const { return m_text.empty(); }
    void clear() { m_text.clear(); }

    bool operator==(const RoomEntry& other) const { return m_text == other.m_text && m_max == other.m_max; }

private:
    std::size_t m_max;
    std::string m_text;
};

} // namespace kiosk::household
