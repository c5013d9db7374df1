// A browser-like client for the staff console in tests: keeps the cookies
// the server sets, reads the CSRF token from the last page's forms, and
// posts forms url-encoded (or multipart), without following redirects.
#pragma once

#include <doctest/doctest.h>
#include <httplib.h>

#include <map>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace lobby::test {

struct Page {
    int status = 0;
    std::string body;
    httplib::Headers headers;
    std::string location() const {
        const auto it = headers.find("Location");
        return it == headers.end() ? std::string() : it->second;
    }
    bool has(const std::string& text) const { return body.find(text) != std::string::npos; }
    std::vector<std::string> set_cookies() const {
        std::vector<std::string> out;
        const auto range = headers.equal_range("Set-Cookie");
        for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
        return out;
    }
};

class ConsoleClient {
public:
    explicit ConsoleClient(int port) : m_http("127.0.0.1", port) { m_http.set_read_timeout(20, 0); }

    Page get(const std::string& path) { return keep(m_http.Get(path.c_str(), cookie_header())); }

    // Posts with the CSRF token of the last page seen (unless `csrf` overrides it).
    Page post(const std::string& path, std::vector<std::pair<std::string, std::string>> fields,
              bool with_csrf = true) {
        if (with_csrf) fields.emplace_back("csrf", m_csrf);
        httplib::Params params(fields.begin(), fields.end());
        return keep(m_http.Post(path.c_str(), cookie_header(), params));
    }
    Page post_multipart(const std::string& path, std::vector<std::pair<std::string, std::string>> fields) {
        fields.emplace_back("csrf", m_csrf);
        httplib::MultipartFormDataItems items;
        for (const auto& [name, value] : fields) items.push_back({name, value, "", ""});
        return keep(m_http.Post(path.c_str(), cookie_header(), items));
    }

    // Opens the sign-in form and signs in; returns the answer to the POST.
    Page login(const std::string& username, const std::string& password) {
        const Page form = get("/console/login");
        REQUIRE(form.status == 200);
        return post("/console/login", {{"username", username}, {"password", password}});
    }

    const std::string& csrf() const { return m_csrf; }
    void set_csrf(std::string csrf) { m_csrf = std::move(csrf); }
    std::string cookie(const std::string& name) const {
        const auto it = m_cookies.find(name);
        return it == m_cookies.end() ? std::string() : it->second;
    }
    void set_cookie(const std::string& name, const std::string& value) { m_cookies[name] = value; }
    void forget_cookies() { m_cookies.clear(); }

private:
    httplib::Headers cookie_header() const {
        std::string c;
        for (const auto& [k, v] : m_cookies) c += (c.empty() ? "" : "; ") + k + "=" + v;
        httplib::Headers h;
        if (!c.empty()) h.emplace("Cookie", c);
        return h;
    }

    Page keep(const httplib::Result& r) {
        REQUIRE(r);
        Page p{r->status, r->body, r->headers};
        for (const std::string& set : p.set_cookies()) {
            const auto eq = set.find('='), semi = set.find(';');
            const std::string name = set.substr(0, eq), value = set.substr(eq + 1, semi - eq - 1);
            if (value.empty() || set.find("Max-Age=0") != std::string::npos) m_cookies.erase(name);
            else m_cookies[name] = value;
        }
        static const std::regex csrf_field(R"re(name="csrf" value="([0-9a-f]+)")re");
        std::smatch m;
        if (std::regex_search(p.body, m, csrf_field)) m_csrf = m[1];
        return p;
    }

    httplib::Client m_http;
    std::map<std::string, std::string> m_cookies;
    std::string m_csrf;
};

} // namespace lobby::test
