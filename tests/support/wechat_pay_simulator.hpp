// A local stand-in for WeChat Pay APIv3 (Native) that tests start: a real
// HTTP server on 127.0.0.1 (cpp-httplib) with its own platform RSA key pair,
// the merchant's key pair and APIv3 key, all generated at start (OpenSSL) and
// written to 0600 files the office server is pointed at.
//
//   WechatPaySimulator wx;                          // listening, keys on disk
//   ... start the office server with wx.server_flags() (or the fields below)
//   auto notify = wx.pay(order_id);                 // the payer pays
//   auto answer = wx.deliver(notify);               // signed, encrypted notify to our notify_url
//
// It checks our requests as WeChat Pay does (Authorization WECHATPAY2-SHA256-RSA2048
// signed with the merchant key, timestamp within 5 minutes, mchid, serial),
// answers create with a weixin:// code_url and query with the transaction,
// and signs every answer with the platform key. Its crypto is written here
// on OpenSSL, apart from the server's, so the two check each other.
#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace lobby::test {

struct SimulatedNotify {
    std::string notify_url;
    httplib::Headers headers;  // Wechatpay-Timestamp, -Nonce, -Signature, -Serial
    std::string body;
};

// Ways to make a notify that a correct server must refuse.
struct NotifyTweaks {
    std::optional<std::int64_t> total_fen;  // amount.total other than the order's
    std::optional<std::string> mchid;       // another merchant
    std::int64_t timestamp_offset_s = 0;    // Wechatpay-Timestamp this far from the simulator's clock
    bool sign_with_stranger_key = false;    // a forger's RSA key instead of the platform's
    bool flip_ciphertext_byte = false;      // tamper the encrypted resource, then sign (only the GCM tag can tell)
};

struct SimulatedOrder {
    std::string out_trade_no, code_url, notify_url, description, time_expire, trade_state, transaction_id;
    std::int64_t total_fen = 0;
};

class WechatPaySimulator {
public:
    WechatPaySimulator();
    ~WechatPaySimulator();
    WechatPaySimulator(const WechatPaySimulator&) = delete;
    WechatPaySimulator& operator=(const WechatPaySimulator&) = delete;

    // The merchant's side, to configure the office server with.
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    const std::string appid = "wx8888888888888888";
    const std::string mchid = "1900009191";
    const std::string merchant_serial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
    const std::string platform_serial = "PUB_KEY_ID_0114232134912410000000000000000001";
    std::string merchant_key_file, platform_key_file, apiv3_key_file;  // in a fresh temp dir
    // The same as office-server flags.
    std::vector<std::string> server_flags() const;

    // The simulator's clock for timestamps it signs and checks (default: real time).
    void set_clock(std::function<std::int64_t()> now) { m_now = std::move(now); }

    std::optional<SimulatedOrder> order(const std::string& out_trade_no) const;
    // The payer pays the order (SUCCESS, a transaction id) and the notify is built.
    SimulatedNotify pay(const std::string& out_trade_no, const NotifyTweaks& tweaks = {});
    // A notify for an already paid order again, with a fresh nonce and timestamp (WeChat's own retry).
    SimulatedNotify renotify(const std::string& out_trade_no);

    struct Delivery {
        int status = 0;  // 0: no answer
        std::string body;
    };
    static Delivery deliver(const SimulatedNotify& notify);

    // Creates wait at the door until released (a slow WeChat Pay, without sleeping).
    void hold_creates();
    void release_creates();
    int creates_waiting() const;

    int creates() const { return m_creates; }
    int queries() const { return m_queries; }
    int refused_signatures() const { return m_refused; }  // our requests whose signature did not verify

private:
    struct Keys;
    SimulatedNotify build_notify(const SimulatedOrder& order, const NotifyTweaks& tweaks);
    bool authorized(const httplib::Request& req, httplib::Response& res);
    void sign_answer(httplib::Response& res, int status, const std::string& body);

    std::unique_ptr<Keys> m_keys;
    std::string m_dir;
    std::string m_apiv3_key;
    std::function<std::int64_t()> m_now;
    mutable std::mutex m_mutex;  // guards m_orders, m_hold, m_waiting
    std::condition_variable m_door;
    bool m_hold = false;
    int m_waiting = 0;
    std::map<std::string, SimulatedOrder> m_orders;
    std::atomic<int> m_creates{0}, m_queries{0}, m_refused{0};
    httplib::Server m_http;
    std::thread m_thread;
    int m_port = 0;
};

} // namespace lobby::test
