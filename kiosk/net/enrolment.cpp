// perform_enrolment: the exchange and what each answer means for the screen.
#include "net/enrolment.hpp"

#include "protocol/error.hpp"
#include "protocol/kiosk_setup.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::net {

EnrolAnswer perform_enrolment(const EnrolCall& call, ApiClient& api, Credentials& credentials,
                              const std::string& verify_key)
{
    namespace p = lobby::protocol;
    const nlohmann::json body = p::EnrolRequest{call.code, verify_key};
    const ApiReply reply = api.send("POST", "/v1/kiosks/enrol", body.dump());
    EnrolAnswer answer;
    if (!reply.reached()) {
        answer.result = EnrolResult::Offline;
        return answer;
    }
    if (reply.judged.verdict == Verdict::success) {
        auto enrolment = p::decode_text<p::Enrolment>(reply.http.body);
        if (!enrolment) {
            spdlog::warn("enrolment: the office's answer is unreadable: {}", enrolment.error().field);
            answer.result = EnrolResult::Failed;
            return answer;
        }
        std::string error;
        if (!credentials.replace(enrolment.value().token, error)) {
            // The code is spent; staff make a new one once the disk is fixed.
            spdlog::error("enrolment: the token could not be kept: {}", error);
            answer.result = EnrolResult::NotSaved;
            return answer;
        }
        spdlog::info("enrolment: enrolled as {}; the token is kept in the token file", enrolment.value().kiosk_id);
        answer.result = EnrolResult::Enrolled;
        answer.kiosk_id = enrolment.value().kiosk_id;
        return answer;
    }
    const std::string code = reply.error ? reply.error->code : std::string();
    if (code == p::error_code::unknown_code)
        answer.result = EnrolResult::UnknownCode;
    else if (code == p::error_code::code_already_used)
        answer.result = EnrolResult::Used;
    else if (code == p::error_code::code_expired)
        answer.result = EnrolResult::Expired;
    else if (code == p::error_code::too_many_attempts)
        answer.result = EnrolResult::TooMany;
    else
        answer.result = reply.status() >= 500 ? EnrolResult::Offline : EnrolResult::Failed;
    // The code itself is never logged.
    spdlog::info("enrolment: refused ({})", reply.summary() + (code.empty() ? "" : " " + code));
    return answer;
}

} // namespace kiosk::net
