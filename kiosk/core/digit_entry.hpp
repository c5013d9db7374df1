// Digits typed on an on-screen keypad (the admin PIN, the last four phone
// digits, later codes): one rule for every keypad, shown as dots, never
// logged, cleared by the owner of the entry.
#pragma once

#include <cstddef>
#include <string>

namespace kiosk {

class DigitEntry {
public:
    static constexpr char erase_key = '<';

    explicit DigitEntry(std::size_t max_digits) : m_max(max_digits) {}

    // '0'..'9' appends while there is room, erase_key removes the last
    // digit; anything else is ignored. True when the digits changed.
    bool press(char key)
    {
        if (key == erase_key) {
            if (m_digits.empty())
                return false;
            m_digits.pop_back();
            return true;
        }
        if (key < '0' || key > '9' || m_digits.size() >= m_max)
            return false;
        m_digits += key;
        return true;
    }

    const std::string& digits() const { return m_digits; }
    std::size_t size() const { return m_digits.size(); }
    bool full() const { return m_digits.size() == m_max; }
    bool empty() const { return m_digits.empty(); }
    std::size_t max_digits() const { return m_max; }
    void clear() { m_digits.clear(); }
    // Hands the digits over and forgets them (a submit).
    std::string take()
    {
        std::string out;
        out.swap(m_digits);
        return out;
    }

    // ●●○○: typed digits as filled dots, the rest (when `fixed`) as rings.
    std::string dots(bool fixed) const
    {
        std::string out;
        for (std::size_t i = 0; i < (fixed ? m_max : m_digits.size()); ++i)
            out += i < m_digits.size() ? "●" : "○";
        return out;
    }

    bool operator==(const DigitEntry& other) const { return m_digits == other.m_digits && m_max == other.m_max; }

private:
    std::size_t m_max;
    std::string m_digits;
};

} // namespace kiosk
