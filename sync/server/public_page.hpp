// The public pages outside /v1 (the pay page, the receipt page, the repair
// status page): no bearer token, the link itself is the capability. Each is
// served for every estate: /<page>/<id> for the home estate (links made
// before estates keep working) and /<page>/<estate>/<id> for any other
// (protocol/public_links.hpp). The estate is decided once, from the path,
// and the page's handler gets only that estate's pool, as a /v1 handler
// gets only its caller's (estates.hpp): an id of one estate under another
// estate's name finds nothing there.
#pragma once

#include "estates.hpp"
#include "pool.hpp"
#include "route_table.hpp"

#include <httplib.h>

#include <functional>
#include <string>

namespace lobby::server {

// What a page does with its estate's pool and the id of its path.
using PublicPageHandler = std::function<void(Pool& estate, const std::string& id, const httplib::Request&, httplib::Response&)>;
// What a page answers for an estate that does not exist: the same as for an
// unknown id, so a link confirms neither.
using PublicPageMissing = std::function<void(httplib::Response&)>;

// Installs `method` (GET or POST) "/<page>/<id_pattern>" for the home estate
// and "/<page>/<estate>/<id_pattern>" for the others. `id_pattern` is one
// regex group.
void install_public_page(RouteTable& http, Estates& estates, const std::string& method, const std::string& page,
                         const std::string& id_pattern, PublicPageHandler handler, PublicPageMissing missing);

} // namespace lobby::server
