// What an HTTP exchange means for the worker: success, final refusal, or try again later.
#pragma once

#include "net/http_client.hpp"

#include <string>

namespace kiosk::net {

enum class Verdict {
    success,   // 2xx with a JSON body from the office server
    refused,   // 4xx with the contract's error body: final, do not retry (401, 408, 429 excepted)
    retry,     // 5xx, transport error, or a response that is not the server speaking
};

struct Outcome {
    Verdict verdict = Verdict::retry;
    bool reached_server = false;   // an HTTP response arrived (for the online flag)
    bool local_failure = false;    // the kiosk's own store failed (disk full), not the network
    bool storage_full = false;     // that failure was a full disk
    bool untrusted_server = false; // https: the server's certificate or key pin did not match (not sent)
    bool unauthorized = false;     // 401: the office does not accept this kiosk's token (retried, kept)
    std::string message;           // the server's message (refused) or why to retry; no personal data
};

// A 2xx or 4xx only counts when it carries JSON: a captive portal or a broken
// proxy answering HTML must not mark a submission done or failed for good.
// Retrying is always safe because every write carries its Idempotency-Key.
Outcome judge(const HttpResponse& response);

bool is_json_content_type(const std::string& content_type);

} // namespace kiosk::net
