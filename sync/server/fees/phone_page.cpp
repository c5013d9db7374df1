// The HTML frame of the pay and receipt pages.
#include "fees/phone_page.hpp"

#include "feed.hpp"

namespace lobby::server::fees {

std::string phone_page(const std::string& title, const std::string& body, const std::string& css) {
    return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
           "<meta name=\"robots\" content=\"noindex\"><title>" +
           title +
           "</title><style>body{font-family:sans-serif;max-width:28em;margin:2em auto;padding:0 1em}"
           ".amount{font-size:2em}" +
           css + "</style></head><body>" + body + "</body></html>";
}

void send_phone_page(httplib::Response& res, int status, const std::string& html) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(html, "text/html; charset=utf-8");
}

std::string zh_text(Database& db, const char* collection, const std::string& key, const char* field,
                    const std::string& fallback) {
    const auto record = load_record(db, collection, key);
    if (record && record->contains(field) && (*record)[field].contains("zh-CN") && (*record)[field]["zh-CN"].is_string())
        return (*record)[field]["zh-CN"].get<std::string>();
    return fallback;
}

} // namespace lobby::server::fees
