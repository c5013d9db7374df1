// Run-time settings of office-server (filled from the command line).
#pragma once

#include "protocol/time.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

namespace lobby::server {

// WeChat Pay APIv3 (Native): the merchant's identity and the files holding
// its keys. Only paths live here; the keys are read once at start and never logged.
struct WechatPayConfig {
    std::string base_url = "https://api.mch.weixin.qq.com";
    std::string appid;              // the app (公众号/小程序) the merchant account is bound to
    std::string mchid;              // merchant id; empty: WeChat Pay is off
    std::string merchant_serial;    // serial number of the merchant API certificate
    std::string merchant_key_file;  // PEM RSA private key (apiclient_key.pem), mode 0600
    std::string platform_key_file;  // PEM public key or certificate of WeChat Pay (verifies notifies and answers)
    std::string platform_serial;    // the Wechatpay-Serial that key has
    std::string apiv3_key_file;     // the 32-byte APIv3 key (decrypts notifies), mode 0600
    std::string notify_url;         // empty: <public url>/v1/payments/wechat/notify
    bool enabled() const { return !mchid.empty(); }
};

struct ServerConfig {
    std::string db_path = "office.db";
    // The key sealing personal fields in the database (field_cipher.hpp);
    // empty: <db_path>.key (SQLite; PostgreSQL needs it given). Created (0600) if missing.
    std::string data_key_file;
    std::string data_key_path() const {
        if (!data_key_file.empty()) return data_key_file;
        if (db_path.find("://") != std::string::npos)
            throw std::invalid_argument("a PostgreSQL --db needs --data-key-file (there is no file to keep it beside)");
        return db_path + ".key";
    }
    std::string host = "127.0.0.1";
    int port = 8470;                       // 0: pick a free port, printed on stdout
    // The server's own HTTPS (small sites without nginx in front): PEM
    // certificate (chain) and private key; both empty: plain HTTP.
    std::string tls_cert_file;
    std::string tls_key_file;
    bool tls() const { return !tls_cert_file.empty(); }
    bool demo = false;                     // seed the demo estate into an empty database
    // More demo estates (estates.hpp), e001..eNNN, each with demo_units units
    // (--demo-estates/--demo-units): the demo's second estate, or a company
    // of hundreds for the benchmark. Seeded once; a start finding them keeps them.
    int demo_estates = 0;
    int demo_units = 0;  // 0: the demo plan (652 units, with tickets, codes and notices)
    std::string public_url;                // base of pay-page links in QR codes; empty: http://host:port
    // Where --demo writes each demo kiosk's verification key file when it
    // seeds (<dir>/<kiosk id>.key, 0600); empty: nowhere.
    std::string kiosk_key_dir;
    // Wrong phone_last4: each person's session at a kiosk (kiosk, session,
    // unit) has lookup_free_tries, then waits lookup_delay_seconds, doubling
    // (at most the window); a unit locks everywhere for lockout_seconds
    // only when lockout_failures wrong tries reach it within
    // lockout_window_seconds, which one session's delays alone cannot do.
    int lookup_free_tries = 3;
    std::int64_t lookup_delay_seconds = 30;
    int lockout_failures = 10;
    std::int64_t lockout_window_seconds = 3600;
    std::int64_t lockout_seconds = 15 * 60;  // how long a unit stays locked
    std::int64_t order_ttl_seconds = 15 * 60;  // payment order lifetime
    WechatPayConfig wechat;
    // An unpaid provider order at least this old is asked about at the
    // provider when its kiosk polls it (at most once per this interval), in
    // case the notify was lost.
    std::int64_t payment_query_after_seconds = 15;
    std::int64_t verification_ttl_seconds = 10 * 60;  // a fee lookup's verification token, for payment orders and ticket reads
    // The same token in what the kiosk's outbox delivers, maybe much later
    // (ticket ratings, household survey answers): see sync/SECURITY.md.
    std::int64_t submission_verification_ttl_seconds = 24 * 3600;
    // Repair ticket reads and ratings with a wrong follow-up code (or an
    // unknown ticket): this many within a minute lock the kiosk out of them
    // for follow_code_lockout_seconds.
    int follow_code_misses_per_kiosk = 10;
    std::int64_t follow_code_lockout_seconds = 15 * 60;
    std::int64_t visitor_pass_seconds = 4 * 3600;  // walk-in pass validity
    // This estate's rule on walk-ins: 0, a pass at once; N > 0, the resident
    // is asked first and without an answer within N seconds the visitor is
    // sent to the front desk.
    std::int64_t visitor_host_wait_seconds = 0;
    // Visitor code guesses: a kiosk with this many unknown codes within a
    // minute may not redeem for redeem_lockout_seconds; all kiosks together
    // with redeem_misses_global within a minute pause redeeming for a minute.
    int redeem_misses_per_kiosk = 10;
    std::int64_t redeem_lockout_seconds = 15 * 60;
    int redeem_misses_global = 100;
    std::size_t max_body_bytes = 64 * 1024;  // larger bodies get 413
    std::int64_t idempotency_retention_seconds = 30LL * 86400;  // stored responses older than this are dropped at start
    std::int64_t personal_data_retention_seconds = 30LL * 86400;  // visitor names/phones kept after the pass ends
    int threads = 16;  // HTTP worker threads; each keep-alive connection holds one while open (max 5 s idle)
    // Hostile clients (guarded_http_server.hpp): a request must arrive in full
    // within request_read_seconds of its first byte (else 408); one client
    // address holds at most max_connections_per_client connections (the next
    // gets 503). Keep the latter well below `threads`: slow connections from
    // one address then hold at most that many worker threads (half, by default).
    double request_read_seconds = 10;
    int max_connections_per_client = 8;
    // The server's clock: every "now" the server uses comes from here (requests,
    // the pay page, retention and the demo seed at start). Tests running an
    // in-process OfficeServer move it instead of sleeping; must be thread-safe.
    std::function<protocol::UtcSeconds()> now = protocol::now_utc;
    // Where the staff console finds its templates, static files and words
    // (sync/server/console/, locale/console/): the source tree, or share/ when installed.
    std::string console_root = LOBBY_SOURCE_DIR;
};

} // namespace lobby::server
