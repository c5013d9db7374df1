// Whether a request says where its body ends. httplib reads a body without
// Content-Length "until the connection closes" (a 5 s wait and then 400),
// and leaves a GET's body unread, to be parsed as the next request; neither
// is acceptable on a keep-alive, pipelining connection.
#pragma once

#include "api.hpp"

#include <httplib.h>

#include <optional>

namespace lobby::server {

// The refusal for a request whose body cannot be delimited, decided from
// its headers alone (before any body is read): 411 length_required for a
// POST, PUT or PATCH with neither Content-Length nor chunked encoding; 400
// bad_request for a transfer coding other than chunked, Content-Length with
// it, a malformed or repeated Content-Length, or a body on a method that
// takes none. The caller answers it with Connection: close.
std::optional<ApiResponse> refuse_unframed_body(const httplib::Request& req);

} // namespace lobby::server
