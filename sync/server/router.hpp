// Installs every /v1 endpoint on the HTTP server: authentication, body
// decoding, idempotency and transactions are done here once, so the
// services only see decoded requests.
#pragma once

#include "config.hpp"
#include "pool.hpp"

#include <httplib.h>

namespace lobby::server {

void install_api_routes(httplib::Server& http, Pool& pool, const ServerConfig& config);

} // namespace lobby::server
