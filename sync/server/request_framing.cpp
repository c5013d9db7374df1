// Refusing requests whose body has no delimiter we trust.
#include "request_framing.hpp"

#include <strings.h>

namespace lobby::server {
namespace {

bool all_digits(const std::string& s) {
    if (s.empty() || s.size() > 18) return false;
    for (const char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

} // namespace

std::optional<ApiResponse> refuse_unframed_body(const httplib::Request& req) {
    const bool has_length = req.has_header("Content-Length");
    const bool has_coding = req.has_header("Transfer-Encoding");
    if (req.get_header_value_count("Content-Length") > 1 ||
        (has_length && !all_digits(req.get_header_value("Content-Length"))))
        return api_error(400, protocol::error_code::bad_request, "Send exactly one Content-Length, a decimal number.");
    if (has_coding && (has_length || req.get_header_value_count("Transfer-Encoding") > 1 ||
                       strcasecmp(req.get_header_value("Transfer-Encoding").c_str(), "chunked") != 0))
        return api_error(400, protocol::error_code::bad_request,
                         "The only transfer coding understood is 'Transfer-Encoding: chunked', without Content-Length.");
    const bool takes_body = req.method == "POST" || req.method == "PUT" || req.method == "PATCH";
    if (takes_body && !has_length && !has_coding)
        return api_error(411, protocol::error_code::length_required,
                         "A " + req.method + " request needs a Content-Length header (or chunked encoding).");
    const bool has_body = has_coding || (has_length && req.get_header_value("Content-Length").find_first_not_of('0') != std::string::npos);
    if (!takes_body && has_body)
        return api_error(400, protocol::error_code::bad_request, "A " + req.method + " request carries no body.");
    return std::nullopt;
}

} // namespace lobby::server
