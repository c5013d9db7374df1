// Public pages per estate (public_page.hpp).
#include "public_page.hpp"

namespace lobby::server {
namespace {

// An estate id as valid_estate_id() spells it (home is the path without one).
constexpr const char* estate_group = "([a-z][a-z0-9-]{0,23})";

} // namespace

void install_public_page(RouteTable& http, Estates& estates, const std::string& method, const std::string& page,
                         const std::string& id_pattern, PublicPageHandler handler, PublicPageMissing missing) {
    const auto add = [&](const std::string& pattern, httplib::Server::Handler h) {
        if (method == "POST") http.Post(pattern, std::move(h));
        else http.Get(pattern, std::move(h));
    };
    add("/" + page + "/" + id_pattern, [&estates, handler](const httplib::Request& req, httplib::Response& res) {
        handler(estates.home(), req.matches[1], req, res);
    });
    add("/" + page + "/" + estate_group + "/" + id_pattern,
        [&estates, handler, missing](const httplib::Request& req, httplib::Response& res) {
            // find() knows only the directory's estates: a forged name is no estate.
            Pool* pool = estates.find(req.matches[1]);
            if (!pool) return missing(res);
            handler(*pool, req.matches[2], req, res);
        });
}

} // namespace lobby::server
