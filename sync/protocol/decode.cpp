// Field readers shared by every contract decoder, and the guarded JSON parser.
#include "protocol/decode.hpp"

#include "protocol/text.hpp"

namespace lobby::protocol {
namespace {

std::string type_name(const nlohmann::json& v) {
    switch (v.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::string: return "a string";
    case nlohmann::json::value_t::boolean: return "a boolean";
    case nlohmann::json::value_t::number_float: return "a fractional number";
    default: return "a number";
    }
}

// Depth of brackets outside strings. The JSON library's parser is iterative,
// but deeply nested values cost memory and time for nothing, so refuse early.
bool depth_within(std::string_view text, std::size_t max_depth) {
    std::size_t depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '{' || c == '[') {
            if (++depth > max_depth) return false;
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return true;
}

} // namespace

void DecodeContext::fail(const std::string& field, const std::string& what) {
    if (m_error) return;
    DecodeError e;
    e.kind = DecodeError::Kind::Field;
    e.field = field;
    e.message = field.empty() ? what : "Field '" + field + "' " + what;
    m_error = std::move(e);
}

std::string DecodeContext::path(std::string_view key) const {
    if (m_prefix.empty() || key.empty()) return m_prefix.empty() ? std::string(key) : m_prefix;
    if (!key.empty() && key.front() == '[') return m_prefix + std::string(key);
    return m_prefix + "." + std::string(key);
}

std::string DecodeContext::enter(const std::string& prefix) {
    std::string previous = std::move(m_prefix);
    m_prefix = prefix;
    return previous;
}

ObjectReader::ObjectReader(const nlohmann::json& j, DecodeContext& ctx) : m_ctx(ctx) {
    if (j.is_object()) {
        m_object = &j;
        return;
    }
    const std::string field = ctx.path("");
    const std::string what = "must be a JSON object, not " + type_name(j) + ".";
    ctx.fail(field, field.empty() ? "The body " + what : what);
}

const nlohmann::json* ObjectReader::optional(const char* key) {
    if (!m_object || m_ctx.failed()) return nullptr;
    auto it = m_object->find(key);
    if (it == m_object->end() || it->is_null()) return nullptr;
    return &*it;
}

const nlohmann::json* ObjectReader::required(const char* key) {
    if (!m_object || m_ctx.failed()) return nullptr;
    const nlohmann::json* v = optional(key);
    if (!v) m_ctx.fail(m_ctx.path(key), "is required.");
    return v;
}

bool ObjectReader::check_text(const char* key, const nlohmann::json& v, const TextRule& rule) {
    if (!v.is_string()) {
        m_ctx.fail(m_ctx.path(key), "must be a string, not " + type_name(v) + ".");
        return false;
    }
    const auto& s = v.get_ref<const std::string&>();
    const auto length = utf8_length(s);
    if (!length) {
        m_ctx.fail(m_ctx.path(key), "is not valid UTF-8 text.");
        return false;
    }
    if (*length < rule.min_chars || *length > rule.max_chars) {
        m_ctx.fail(m_ctx.path(key), "must have between " + std::to_string(rule.min_chars) + " and " +
                                        std::to_string(rule.max_chars) + " characters.");
        return false;
    }
    if (has_control_chars(s, rule.multiline)) {
        m_ctx.fail(m_ctx.path(key), "must not contain control characters.");
        return false;
    }
    return true;
}

bool ObjectReader::check_array(const char* key, const nlohmann::json& v, std::size_t min_items,
                               std::size_t max_items) {
    if (!v.is_array()) {
        m_ctx.fail(m_ctx.path(key), "must be an array, not " + type_name(v) + ".");
        return false;
    }
    if (v.size() < min_items || v.size() > max_items) {
        m_ctx.fail(m_ctx.path(key), "must have between " + std::to_string(min_items) + " and " +
                                        std::to_string(max_items) + " items.");
        return false;
    }
    return true;
}

void ObjectReader::text(const char* key, std::string& out, TextRule rule) {
    const nlohmann::json* v = required(key);
    if (v && check_text(key, *v, rule)) out = v->get<std::string>();
}

void ObjectReader::text(const char* key, std::optional<std::string>& out, TextRule rule) {
    const nlohmann::json* v = optional(key);
    if (v && check_text(key, *v, rule)) out = v->get<std::string>();
}

void ObjectReader::one_of(const char* key, std::string& out, std::initializer_list<const char*> allowed) {
    std::string value;
    text(key, value, TextRule{1, 64, false});
    if (m_ctx.failed()) return;
    std::string list;
    for (const char* a : allowed) {
        if (value == a) {
            out = value;
            return;
        }
        list += list.empty() ? "" : ", ";
        list += a;
    }
    m_ctx.fail(m_ctx.path(key), "must be one of: " + list + ".");
}

void ObjectReader::integer(const char* key, std::int64_t& out, std::int64_t min, std::int64_t max) {
    std::optional<std::int64_t> v;
    if (!required(key)) return;
    integer(key, v, min, max);
    if (v) out = *v;
}

void ObjectReader::integer(const char* key, std::optional<std::int64_t>& out, std::int64_t min, std::int64_t max) {
    const nlohmann::json* v = optional(key);
    if (!v) return;
    std::int64_t value = 0;
    if (v->is_number_integer()) {
        if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
            m_ctx.fail(m_ctx.path(key), "is out of range.");
            return;
        }
        value = v->get<std::int64_t>();
    } else {
        m_ctx.fail(m_ctx.path(key), "must be a whole number, not " + type_name(*v) + ".");
        return;
    }
    if (value < min || value > max) {
        m_ctx.fail(m_ctx.path(key),
                   "must be between " + std::to_string(min) + " and " + std::to_string(max) + ".");
        return;
    }
    out = value;
}

void ObjectReader::number(const char* key, double& out, double min, double max) {
    const nlohmann::json* v = required(key);
    if (!v) return;
    if (!v->is_number()) {
        m_ctx.fail(m_ctx.path(key), "must be a number, not " + type_name(*v) + ".");
        return;
    }
    const double value = v->get<double>();
    if (!(value >= min && value <= max)) {
        m_ctx.fail(m_ctx.path(key), "must be between " + std::to_string(min) + " and " + std::to_string(max) + ".");
        return;
    }
    out = value;
}

void ObjectReader::digits(const char* key, std::string& out, std::size_t count) {
    std::string value;
    text(key, value, TextRule{1, 32, false});
    if (m_ctx.failed()) return;
    bool all_digits = value.size() == count;
    for (const char c : value) all_digits = all_digits && c >= '0' && c <= '9';
    if (!all_digits) m_ctx.fail(m_ctx.path(key), "must be exactly " + std::to_string(count) + " digits.");
    else out = value;
}

void ObjectReader::mobile(const char* key, std::string& out) {
    digits(key, out, 11);
    if (!m_ctx.failed() && out.front() != '1')
        m_ctx.fail(m_ctx.path(key), "must be an 11-digit mobile number starting with 1.");
}

void ObjectReader::mobile(const char* key, std::optional<std::string>& out) {
    if (!optional(key)) return;
    std::string value;
    mobile(key, value);
    if (!m_ctx.failed()) out = value;
}

void ObjectReader::boolean(const char* key, bool& out) {
    const nlohmann::json* v = required(key);
    if (!v) return;
    if (!v->is_boolean()) m_ctx.fail(m_ctx.path(key), "must be true or false, not " + type_name(*v) + ".");
    else out = v->get<bool>();
}

void ObjectReader::boolean(const char* key, bool& out, bool fallback) {
    out = fallback;
    if (optional(key)) boolean(key, out);
}

void ObjectReader::time(const char* key, UtcSeconds& out) {
    std::optional<UtcSeconds> v;
    if (!required(key)) return;
    time(key, v);
    if (v) out = *v;
}

void ObjectReader::time(const char* key, std::optional<UtcSeconds>& out) {
    std::optional<std::string> s;
    text(key, s, TextRule{1, 32, false});
    if (!s || m_ctx.failed()) return;
    out = parse_utc(*s);
    if (!out) m_ctx.fail(m_ctx.path(key), "must be a UTC time like 2026-11-23T08:00:00Z.");
}

void ObjectReader::date(const char* key, std::string& out) {
    text(key, out, TextRule{1, 16, false});
    if (!m_ctx.failed() && !is_valid_date(out)) m_ctx.fail(m_ctx.path(key), "must be a date like 2026-11-15.");
}

void ObjectReader::period(const char* key, std::string& out) {
    text(key, out, TextRule{1, 16, false});
    if (!m_ctx.failed() && !is_valid_period(out)) m_ctx.fail(m_ctx.path(key), "must be a month like 2026-10.");
}

void ObjectReader::any_object(const char* key, nlohmann::json& out) {
    const nlohmann::json* v = required(key);
    if (!v) return;
    if (!v->is_object()) m_ctx.fail(m_ctx.path(key), "must be a JSON object, not " + type_name(*v) + ".");
    else out = *v;
}

void ObjectReader::text_array(const char* key, std::vector<std::string>& out, std::size_t max_items,
                              TextRule rule) {
    const nlohmann::json* v = required(key);
    if (!v || !check_array(key, *v, 0, max_items)) return;
    out.clear();
    for (std::size_t i = 0; i < v->size(); ++i) {
        const std::string item_key = std::string(key) + "[" + std::to_string(i) + "]";
        if (!check_text(item_key.c_str(), (*v)[i], rule)) return;
        out.push_back((*v)[i].get<std::string>());
    }
}

Result<nlohmann::json> parse_json(std::string_view text, std::size_t max_depth) {
    DecodeError e;
    e.kind = DecodeError::Kind::Syntax;
    if (!utf8_length(text)) {
        e.message = "The body is not valid UTF-8 text.";
        return e;
    }
    if (!depth_within(text, max_depth)) {
        e.message = "The JSON is nested more than " + std::to_string(max_depth) + " levels deep.";
        return e;
    }
    nlohmann::json j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) {
        e.message = "The body is not valid JSON.";
        return e;
    }
    return j;
}

std::string dump_json(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace lobby::protocol
