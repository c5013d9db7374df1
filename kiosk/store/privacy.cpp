// Masking and scrubbing of personal fields before anything reaches the kiosk's disk.
#include "store/privacy.hpp"

#include "protocol/masking.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>
#include <vector>

namespace kiosk::store {
namespace {

bool contains(std::string_view haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string_view::npos;
}

bool ends_with(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Fields the server may already have made safe.
bool is_safe_form(std::string_view key)
{
    return ends_with(key, "_masked") || ends_with(key, "_hash");
}

bool is_phone_field(std::string_view key)
{
    return !is_safe_form(key) && (contains(key, "phone") || contains(key, "mobile"));
}

// Names of people, not of things: a repair category's "name" stays.
bool is_person_name_field(std::string_view key)
{
    if (is_safe_form(key) || !contains(key, "name"))
        return false;
    for (std::string_view who : {"owner", "visitor", "contact", "resident", "tenant", "applicant", "person"})
        if (contains(key, who))
            return true;
    return false;
}

bool is_identifying_field(std::string_view key)
{
    return is_phone_field(key) || is_person_name_field(key) || contains(key, "plate") || contains(key, "id_card");
}

std::string digits_of(std::string_view text)
{
    std::string digits;
    for (char c : text)
        if (c >= '0' && c <= '9')
            digits += c;
    return digits;
}

} // namespace

std::string keyed_last4_hash(std::string_view secret_key, std::string_view phone)
{
    const std::string digits = digits_of(phone);
    const std::string last4 = digits.size() >= 4 ? digits.substr(digits.size() - 4) : digits;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_len = 0;
    HMAC(EVP_sha256(), secret_key.data(), static_cast<int>(secret_key.size()),
         reinterpret_cast<const unsigned char*>(last4.data()), last4.size(), mac, &mac_len);
    std::string hex;
    char byte[3];
    for (unsigned int i = 0; i < mac_len; ++i) {
        std::snprintf(byte, sizeof byte, "%02x", mac[i]);
        hex += byte;
    }
    return hex;
}

nlohmann::json scrub_personal(nlohmann::json data, std::string_view hash_key)
{
    if (data.is_array()) {
        for (auto& element : data)
            element = scrub_personal(std::move(element), hash_key);
        return data;
    }
    if (!data.is_object())
        return data;
    nlohmann::json out = nlohmann::json::object();
    for (auto& [key, value] : data.items()) {
        if (is_phone_field(key)) {
            if (value.is_string() && !hash_key.empty())
                out[key + "_last4_hash"] = keyed_last4_hash(hash_key, value.get<std::string>());
            continue;   // the number itself never reaches the disk
        }
        if (is_person_name_field(key) && value.is_string()) {
            out[key] = lobby::protocol::mask_name(value.get<std::string>());
            continue;
        }
        out[key] = scrub_personal(std::move(value), hash_key);
    }
    return out;
}

bool is_public_collection(std::string_view collection)
{
    for (std::string_view name : {"estate", "fee_kinds", "repair_categories", "repair_locations", "notices", "surveys", "survey_actions",
                                       "kiosk_settings"})
        if (collection == name)
            return true;
    return false;
}

nlohmann::json drop_personal(nlohmann::json data)
{
    if (data.is_array()) {
        for (auto& element : data)
            element = drop_personal(std::move(element));
        return data;
    }
    if (!data.is_object())
        return data;
    nlohmann::json out = nlohmann::json::object();
    for (auto& [key, value] : data.items())
        if (!is_identifying_field(key))
            out[key] = drop_personal(std::move(value));
    return out;
}

} // namespace kiosk::store
