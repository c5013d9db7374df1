// Public page paths (public_links.hpp): one spelling for the server and the kiosk.
#include "protocol/public_links.hpp"

namespace lobby::protocol {
namespace {

std::string page_path(std::string_view page, std::string_view estate, std::string_view id) {
    std::string path = "/";
    path += page;
    path += '/';
    if (!estate.empty() && estate != "home") {
        path += estate;
        path += '/';
    }
    path += id;
    return path;
}

} // namespace

std::string estate_of_kiosk_token(std::string_view token) {
    const auto dot = token.find('.');
    return dot == std::string_view::npos ? std::string() : std::string(token.substr(0, dot));
}

std::string pay_page_path(std::string_view estate, std::string_view order_id) {
    return page_path("pay", estate, order_id);
}

std::string receipt_page_path(std::string_view estate, std::string_view order_id) {
    return page_path("receipts", estate, order_id);
}

std::string repair_status_path(std::string_view estate, std::string_view status_token) {
    return page_path("repairs/status", estate, status_token);
}

} // namespace lobby::protocol
