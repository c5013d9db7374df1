// Credentials: the token in memory behind a mutex, and its file.
#include "net/credentials.hpp"

#include "store/key_file.hpp"

namespace kiosk::net {

Credentials::Credentials(std::string token, std::string token_file)
    : m_token(std::move(token)), m_file(std::move(token_file))
{
}

std::string Credentials::token() const
{
    std::lock_guard lock(m_mutex);
    return m_token;
}

bool Credentials::has_token() const
{
    std::lock_guard lock(m_mutex);
    return !m_token.empty();
}

bool Credentials::replace(const std::string& token, std::string& error)
{
    // Written outside the lock: requests keep the old token meanwhile.
    auto saved = store::save_token_file(m_file, token);
    if (!saved) {
        error = saved.error().message;
        return false;
    }
    std::lock_guard lock(m_mutex);
    m_token = token;
    return true;
}

std::shared_ptr<Credentials> Credentials::load(const std::string& config_token, const std::string& token_file,
                                               std::string& error)
{
    auto kept = store::load_token_file(token_file);
    if (!kept) {
        error = kept.error().message;
        return nullptr;
    }
    return std::make_shared<Credentials>(kept.value() ? *kept.value() : config_token, token_file);
}

} // namespace kiosk::net
