// Classifying HTTP responses into success / refused / retry.
#include "net/response_kind.hpp"

#include "protocol/decode.hpp"
#include "protocol/error.hpp"

#include <cctype>

namespace kiosk::net {

bool is_json_content_type(const std::string& content_type)
{
    std::string lowered;
    for (char c : content_type)
        lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lowered.rfind("application/json", 0) == 0;
}

Outcome judge(const HttpResponse& response)
{
    Outcome outcome;
    if (response.transport != TransportError::none) {
        outcome.untrusted_server = response.transport == TransportError::untrusted;
        outcome.message = std::string("transport: ") + to_string(response.transport);
        if (!response.transport_message.empty())
            outcome.message += " (" + response.transport_message + ")";
        return outcome;
    }
    outcome.reached_server = true;
    outcome.unauthorized = response.status == 401;
    const std::string status = "HTTP " + std::to_string(response.status);
    const bool json = is_json_content_type(response.content_type);
    if (response.status >= 200 && response.status < 300) {
        auto parsed = lobby::protocol::parse_json(response.body);
        if (json && parsed && parsed.value().is_object()) {
            outcome.verdict = Verdict::success;
            return outcome;
        }
        outcome.message = status + " without a JSON object body";
        return outcome;
    }
    // 401 refuses the kiosk, not the submission: failing every item for good
    // because of a wrong or rotated token would lose them. 408 and 429 say
    // "later" by definition.
    const bool about_the_kiosk = response.status == 401 || response.status == 408 || response.status == 429;
    if (response.status >= 400 && response.status < 500 && !about_the_kiosk) {
        auto error = lobby::protocol::decode_text<lobby::protocol::ErrorBody>(response.body);
        if (json && error) {
            outcome.verdict = Verdict::refused;
            outcome.message = error.value().code + ": " + error.value().message;
            return outcome;
        }
        outcome.message = status + " without the contract's error body";
        return outcome;
    }
    outcome.message = status;
    return outcome;
}

} // namespace kiosk::net
