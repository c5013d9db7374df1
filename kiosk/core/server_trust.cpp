// Loopback and pin checks of the kiosk's [server] settings.
#include "core/server_trust.hpp"

#include "core/config.hpp"

#include <cctype>

namespace kiosk {
namespace {

std::string lowered(std::string_view text)
{
    std::string out;
    for (char c : text)
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// "127.0.0.1" and the rest of 127.0.0.0/8, written as four decimal numbers.
bool is_ipv4_loopback(std::string_view host)
{
    int parts = 0;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = host.find('.', start);
        const std::string_view part = host.substr(start, dot == std::string_view::npos ? host.npos : dot - start);
        if (part.empty() || part.size() > 3)
            return false;
        int value = 0;
        for (char c : part) {
            if (c < '0' || c > '9')
                return false;
            value = value * 10 + (c - '0');
        }
        if (value > 255 || (parts == 0 && value != 127))
            return false;
        ++parts;
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    return parts == 4;
}

} // namespace

bool is_loopback_url(std::string_view url)
{
    const std::string text = lowered(url);
    const std::size_t scheme = text.find("://");
    if (scheme == std::string::npos)
        return false;
    std::string_view authority(text);
    authority.remove_prefix(scheme + 3);
    authority = authority.substr(0, authority.find_first_of("/?#"));
    if (authority.find('@') != std::string_view::npos)
        return false;   // user:password@host is nothing a kiosk needs; never call it loopback
    std::string_view host;
    if (!authority.empty() && authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos)
            return false;
        host = authority.substr(1, close - 1);
        return host == "::1";
    }
    host = authority.substr(0, authority.find(':'));
    return host == "localhost" || is_ipv4_loopback(host);
}

bool is_pin_sha256(std::string_view pin)
{
    if (pin.size() != 44 || pin[43] != '=' || pin[42] == '=')
        return false;
    for (std::size_t i = 0; i < 43; ++i) {
        const char c = pin[i];
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/'))
            return false;
    }
    return true;
}

std::optional<std::string> server_trust_problem(const KioskConfig& config)
{
    const std::string url = lowered(config.server_url);
    const bool https = url.rfind("https://", 0) == 0;
    if (!https && url.rfind("http://", 0) != 0)
        return "[server] url must start with http:// or https://";
    if (!https && (!config.server_ca_file.empty() || !config.server_pin_sha256.empty()))
        return "[server] ca_file and pin_sha256 only apply to an https:// url; " + config.server_url +
               " is plain http://";
    // Bills, names and tokens would cross the estate's network in clear.
    if (!https && !config.server_allow_plain_http && !is_loopback_url(config.server_url))
        return "[server] url " + config.server_url +
               " is plain http:// to another machine: use https:// (with ca_file), or set "
               "allow_plain_http = true in [server] to send in clear on purpose";
    if (!config.server_pin_sha256.empty() && !is_pin_sha256(config.server_pin_sha256))
        return "[server] pin_sha256 must be the base64 SHA-256 of the server's public key (44 characters ending "
               "in '='), e.g. from: openssl x509 -in server.pem -pubkey -noout | openssl pkey -pubin -outform der | "
               "openssl dgst -sha256 -binary | base64";
    return std::nullopt;
}

} // namespace kiosk
