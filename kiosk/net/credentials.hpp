// This kiosk's bearer token, shared by the sync worker and the live client
// and read for every request, so an enrolment or a rotation takes effect
// without a restart. A new token is written to the 0600 token file first
// (kiosk/store/key_file.hpp) and used only once it is safely there: a crash
// never leaves the kiosk with a token it has not kept.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace kiosk::net {

class Credentials {
public:
    // `token`: the one in use at start (the token file's, else the config's;
    // may be empty: not enrolled). `token_file`: where a new one is kept.
    Credentials(std::string token, std::string token_file);

    // The token for the next request (a copy: another thread may replace it).
    std::string token() const;
    bool has_token() const;
    // Keeps `token` in the token file, then uses it. False, with the reason
    // (names the file, never the token), when it could not be written: the
    // old token stays in use.
    bool replace(const std::string& token, std::string& error);

    // How the kiosk starts: the token file when there is one, else the
    // config's token. An unreadable token file (mode, content) is an error.
    static std::shared_ptr<Credentials> load(const std::string& config_token, const std::string& token_file,
                                             std::string& error);

private:
    mutable std::mutex m_mutex;
    std::string m_token;
    std::string m_file;
};

} // namespace kiosk::net
