// Helpers every contract decoder uses: read typed fields out of a JSON
// object, remembering the first problem with the path of the field.
#pragma once

#include "protocol/result.hpp"
#include "protocol/time.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lobby::protocol {

// Collects the first decode error and the current field path prefix.
class DecodeContext {
public:
    bool failed() const { return m_error.has_value(); }
    const DecodeError& error() const { return *m_error; }
    void fail(const std::string& field, const std::string& what);
    std::string path(std::string_view key) const;  // "answers[1]" + "choice_ids"
    std::string enter(const std::string& prefix);   // returns the previous prefix
    void leave(std::string previous) { m_prefix = std::move(previous); }

private:
    std::optional<DecodeError> m_error;
    std::string m_prefix;
};

// Limits for a text field, in Unicode code points.
struct TextRule {
    std::size_t min_chars = 1;
    std::size_t max_chars = 200;
    bool multiline = false;  // allow line breaks (descriptions, notice bodies)
};

// Reads the fields of one JSON object. Missing optional fields and JSON null
// both mean "absent". Unknown fields are ignored so newer peers stay readable.
class ObjectReader {
public:
    ObjectReader(const nlohmann::json& j, DecodeContext& ctx);

    void text(const char* key, std::string& out, TextRule rule = {});
    void text(const char* key, std::optional<std::string>& out, TextRule rule = {});
    void one_of(const char* key, std::string& out, std::initializer_list<const char*> allowed);
    void integer(const char* key, std::int64_t& out, std::int64_t min, std::int64_t max);
    void integer(const char* key, std::optional<std::int64_t>& out, std::int64_t min, std::int64_t max);
    void number(const char* key, double& out, double min, double max);
    void digits(const char* key, std::string& out, std::size_t count);  // exactly `count` ASCII digits
    void mobile(const char* key, std::string& out);                       // 11 digits starting with 1
    void mobile(const char* key, std::optional<std::string>& out);
    void boolean(const char* key, bool& out);
    void boolean(const char* key, bool& out, bool fallback);
    void time(const char* key, UtcSeconds& out);
    void time(const char* key, std::optional<UtcSeconds>& out);
    void date(const char* key, std::string& out);     // "YYYY-MM-DD"
    void period(const char* key, std::string& out);   // "YYYY-MM"
    void any_object(const char* key, nlohmann::json& out);
    void text_array(const char* key, std::vector<std::string>& out, std::size_t max_items, TextRule rule = {});

    template <class T>
    void object(const char* key, T& out) {
        const nlohmann::json* v = required(key);
        if (v) decode_nested(key, *v, out);
    }
    template <class T>
    void object(const char* key, std::optional<T>& out) {
        const nlohmann::json* v = optional(key);
        if (!v) return;
        out.emplace();
        decode_nested(key, *v, *out);
    }
    template <class T>
    void array(const char* key, std::vector<T>& out, std::size_t max_items, std::size_t min_items = 0) {
        const nlohmann::json* v = required(key);
        if (!v || !check_array(key, *v, min_items, max_items)) return;
        out.clear();
        out.reserve(v->size());
        for (std::size_t i = 0; i < v->size() && !m_ctx.failed(); ++i) {
            out.emplace_back();
            decode_nested(std::string(key) + "[" + std::to_string(i) + "]", (*v)[i], out.back());
        }
    }

    bool ok() const { return !m_ctx.failed(); }

private:
    const nlohmann::json* required(const char* key);
    const nlohmann::json* optional(const char* key);
    bool check_text(const char* key, const nlohmann::json& v, const TextRule& rule);
    bool check_array(const char* key, const nlohmann::json& v, std::size_t min_items, std::size_t max_items);

    template <class T>
    void decode_nested(const std::string& key, const nlohmann::json& v, T& out) {
        std::string previous = m_ctx.enter(m_ctx.path(key));
        decode_into(v, out, m_ctx);  // found by ADL next to T
        m_ctx.leave(std::move(previous));
    }

    const nlohmann::json* m_object = nullptr;
    DecodeContext& m_ctx;
};

// Decodes one contract type from parsed JSON. Never throws.
template <class T>
Result<T> decode(const nlohmann::json& j) {
    DecodeContext ctx;
    T out{};
    try {
        decode_into(j, out, ctx);
    } catch (const std::exception& e) {
        // Only a bug in a decoder gets here; still report it as a value.
        ctx.fail("", std::string("The message could not be read: ") + e.what());
    }
    if (ctx.failed()) return ctx.error();
    return out;
}

// Parses text as JSON: valid UTF-8, at most `max_depth` nested levels.
Result<nlohmann::json> parse_json(std::string_view text, std::size_t max_depth = 32);

// Parses and decodes in one step (what the server does with a request body
// and the kiosk with a response body).
template <class T>
Result<T> decode_text(std::string_view text) {
    Result<nlohmann::json> parsed = parse_json(text);
    if (!parsed) return parsed.error();
    return decode<T>(parsed.value());
}

// Serializes for the wire; invalid UTF-8 (never produced by our decoders)
// is replaced rather than thrown.
std::string dump_json(const nlohmann::json& j);

} // namespace lobby::protocol
