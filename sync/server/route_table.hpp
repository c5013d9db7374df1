// Every HTTP route the office server serves, registered through one place
// that also lists them (method and pattern): the estate isolation test walks
// that list, so a new endpoint is covered without editing the test.
#pragma once

#include <httplib.h>

#include <string>
#include <utility>
#include <vector>

namespace lobby::server {

struct RouteInfo {
    std::string method;   // GET, POST, DELETE, PUT, PATCH
    std::string pattern;  // httplib's pattern (a regex for routes with ids)
};

class RouteTable {
public:
    explicit RouteTable(httplib::Server& http) : m_http(http) {}

    RouteTable& Get(const std::string& pattern, httplib::Server::Handler handler) {
        return add("GET", pattern, [&](auto h) { m_http.Get(pattern, std::move(h)); }, std::move(handler));
    }
    RouteTable& Post(const std::string& pattern, httplib::Server::Handler handler) {
        return add("POST", pattern, [&](auto h) { m_http.Post(pattern, std::move(h)); }, std::move(handler));
    }
    RouteTable& Delete(const std::string& pattern, httplib::Server::Handler handler) {
        return add("DELETE", pattern, [&](auto h) { m_http.Delete(pattern, std::move(h)); }, std::move(handler));
    }
    RouteTable& Put(const std::string& pattern, httplib::Server::Handler handler) {
        return add("PUT", pattern, [&](auto h) { m_http.Put(pattern, std::move(h)); }, std::move(handler));
    }
    RouteTable& Patch(const std::string& pattern, httplib::Server::Handler handler) {
        return add("PATCH", pattern, [&](auto h) { m_http.Patch(pattern, std::move(h)); }, std::move(handler));
    }

    const std::vector<RouteInfo>& routes() const { return m_routes; }

private:
    template <class Install>
    RouteTable& add(const char* method, const std::string& pattern, Install install, httplib::Server::Handler handler) {
        m_routes.push_back({method, pattern});
        install(std::move(handler));
        return *this;
    }

    httplib::Server& m_http;
    std::vector<RouteInfo> m_routes;
};

} // namespace lobby::server
