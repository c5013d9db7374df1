// office-server: the property office's HTTP API for the lobby kiosks.
#include "console/first_manager.hpp"
#include "estates.hpp"
#include "kiosks/setup.hpp"
#include "kiosks/verify_keys.hpp"
#include "office_server.hpp"
#include "postgres.hpp"
#include "personal_data_at_rest.hpp"
#include "protocol/install_paths.hpp"
#include "schema.hpp"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <thread>

namespace {

// "127.0.0.1:8470" -> host, port. Only numeric IPv4 hosts or "localhost".
bool parse_listen(const std::string& listen, std::string& host, int& port) {
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0) return false;
    host = listen.substr(0, colon);
    try {
        std::size_t used = 0;
        port = std::stoi(listen.substr(colon + 1), &used);
        return used == listen.size() - colon - 1 && port >= 0 && port <= 65535;
    } catch (const std::exception&) {
        return false;
    }
}

} // namespace

int main(int argc, char** argv) {
    lobby::server::ServerConfig config;
    // Installed (lobby-office-server package), the console's files are in
    // /usr/share/lobby-office; from a build tree, in the source tree.
    if (const auto share = lobby::protocol::installed_share_dir("lobby-office"))
        config.console_root = *share;
    std::string listen = "127.0.0.1:8470";
    CLI::App app{"office-server: the property office API the lobby kiosks sync with"};
    // Every option below may also come from a TOML file (the package's
    // /etc/lobby-office/office-server.toml): `db = "..."`, `listen = "..."`;
    // the command line wins over the file.
    app.set_config("--config", "", "TOML file of these options (long names as keys)");
    app.add_option("--db", config.db_path,
                   "SQLite database file (created if missing), or a PostgreSQL URL postgresql://user@host/dbname "
                   "(the database must exist; the schema is created in it)")
        ->required();
    app.add_option("--data-key-file", config.data_key_file,
                   "key sealing residents' and visitors' names and phones in the database (mode 0600, created if "
                   "missing; default <db>.key; required with a PostgreSQL --db). Keep it off the database's backups");
    app.add_option("--listen", listen, "host:port to listen on; port 0 picks a free port")->capture_default_str();
    app.add_flag("--demo", config.demo, "seed the demo estate 翠湖花园 into an empty database, print demo tokens");
    app.add_option("--public-url", config.public_url,
                   "base URL for pay-page links in QR codes (default http(s)://<listen>)");
    // The server's own HTTPS, for a site without nginx in front (see README "TLS").
    auto* tls_cert = app.add_option("--tls-cert", config.tls_cert_file,
                                    "PEM certificate (with its chain) to serve HTTPS with; needs --tls-key");
    auto* tls_key = app.add_option("--tls-key", config.tls_key_file,
                                   "PEM private key of --tls-cert (no passphrase; mode 0600)");
    tls_cert->needs(tls_key);
    tls_key->needs(tls_cert);
    app.add_option("--kiosk-key-dir", config.kiosk_key_dir,
                   "where --demo (when it seeds) and --enrol-kiosk write kiosks' verification key files (0600)");
    app.add_option("--lookup-free-tries", config.lookup_free_tries,
                   "wrong phone_last4 per person's session before it must wait")
        ->check(CLI::Range(1, 100))->capture_default_str();
    app.add_option("--lookup-delay-seconds", config.lookup_delay_seconds,
                   "first wait after the free tries (doubles with each wrong try)")
        ->check(CLI::Range(1, 86400))->capture_default_str();
    app.add_option("--lockout-failures", config.lockout_failures,
                   "wrong phone_last4 for a unit within the window (all sessions) before it locks everywhere")
        ->check(CLI::Range(1, 1000))->capture_default_str();
    app.add_option("--lockout-window-seconds", config.lockout_window_seconds, "the window of --lockout-failures")
        ->check(CLI::Range(1, 86400 * 7))->capture_default_str();
    app.add_option("--lockout-seconds", config.lockout_seconds, "how long a unit stays locked")
        ->check(CLI::Range(0, 86400 * 7))->capture_default_str();
    app.add_option("--order-ttl-seconds", config.order_ttl_seconds, "payment order lifetime")
        ->check(CLI::Range(1, 86400))->capture_default_str();
    // WeChat Pay APIv3 Native: the provider that confirms payments in production.
    auto* wx = app.add_option_group("WeChat Pay", "payment confirmation by WeChat Pay APIv3 Native (all key files are read "
                                                  "once at start and never logged)");
    auto& w = config.wechat;
    wx->add_option("--wechat-mchid", w.mchid, "merchant id (商户号); turns WeChat Pay on");
    wx->add_option("--wechat-appid", w.appid, "the appid the merchant account is bound to");
    wx->add_option("--wechat-merchant-serial", w.merchant_serial, "serial number of the merchant API certificate");
    wx->add_option("--wechat-merchant-key", w.merchant_key_file, "PEM file of the merchant's RSA private key (mode 0600)");
    wx->add_option("--wechat-platform-key", w.platform_key_file,
                   "PEM file of WeChat Pay's platform public key or certificate (verifies notifies and answers)");
    wx->add_option("--wechat-platform-serial", w.platform_serial, "the Wechatpay-Serial of that key");
    wx->add_option("--wechat-apiv3-key", w.apiv3_key_file, "file holding the 32-character APIv3 key (mode 0600)");
    wx->add_option("--wechat-notify-url", w.notify_url,
                   "public URL WeChat Pay posts notifies to (default <public-url>/v1/payments/wechat/notify)");
    wx->add_option("--wechat-base-url", w.base_url, "WeChat Pay API base")->capture_default_str();
    app.add_option("--payment-query-after-seconds", config.payment_query_after_seconds,
                   "ask the provider about an unpaid order this old when its kiosk polls it (a lost notify)")
        ->check(CLI::Range(1, 3600))->capture_default_str();
    app.add_option("--visitor-host-wait-seconds", config.visitor_host_wait_seconds,
                   "this estate asks the resident before a walk-in gets a pass, and sends the visitor to the "
                   "front desk without an answer within this time; 0: no asking")
        ->check(CLI::Range(0, 3600))->capture_default_str();
    app.add_option("--threads", config.threads, "HTTP worker threads")->check(CLI::Range(1, 256))->capture_default_str();
    app.add_option("--request-read-seconds", config.request_read_seconds,
                   "time a request (headers and body) has to arrive in full, else 408")
        ->check(CLI::Range(0.1, 600.0))->capture_default_str();
    app.add_option("--max-connections-per-client", config.max_connections_per_client,
                   "open connections one client address may hold; more get 503")
        ->check(CLI::Range(1, 1000))->capture_default_str();
    std::string enrol_id;
    app.add_option("--enrol-kiosk", enrol_id,
                   "enrol kiosk ID (new: prints its token once) with a new verification key written to "
                   "--kiosk-key-dir/ID.key, then exit")
        ->check(CLI::Validator([](std::string& id) {
            const bool ok = !id.empty() && id.size() <= 64 &&
                            id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") ==
                                std::string::npos;
            return ok ? std::string() : std::string("kiosk ids are 1-64 letters, digits and '-'");
        }, "ID"));
    // Estates (estates.hpp): the --db database is the "home" estate and the
    // company directory; these add others and act in one of them.
    std::string estate = lobby::server::home_estate, add_estate, estate_name, company_token_id, code_kiosk_id;
    app.add_option("--estate", estate,
                   "the estate --enrol-kiosk, --enrolment-code and --create-manager act in (default: home)")
        ->capture_default_str();
    app.add_option("--add-estate", add_estate,
                   "create estate ID (its own SQLite file <db>-estates/ID.db, or PostgreSQL schema) with the full "
                   "schema, then exit");
    app.add_option("--estate-name", estate_name, "the name of --add-estate, as the directory shows it");
    app.add_option("--company-token", company_token_id,
                   "make (or replace) the bearer token of company manager ID, print it once, then exit; it acts in "
                   "the estate named by each request's Lobby-Estate header");
    app.add_option("--enrolment-code", code_kiosk_id,
                   "make a one-time enrolment code for kiosk ID in --estate, print it, then exit");
    app.add_option("--demo-estates", config.demo_estates,
                   "also create and seed demo estates e001..eNNN (kiosk tokens <estate>.demo-lobby-1-token ...)")
        ->check(CLI::Range(0, 999))->capture_default_str();
    app.add_option("--demo-units", config.demo_units,
                   "units in each --demo-estates estate; 0: the demo plan (652, with tickets, codes, notices)")
        ->check(CLI::Range(0, 100000))->capture_default_str();
    // The staff console's first manager (console/first_manager.hpp).
    std::string manager_username, manager_display_name, password_file;
    app.add_option("--create-manager", manager_username,
                   "create the first manager account of the staff console (/console), then exit; the password is "
                   "read from --password-file or stdin, never from the command line");
    app.add_option("--manager-name", manager_display_name, "the manager's name as shown in the console");
    bool company_manager = false;
    app.add_flag("--company", company_manager,
                 "with --create-manager: the first company manager (home estate; picks any estate in the console)");
    app.add_option("--password-file", password_file, "file whose first line is the new manager's password ('-': stdin)");
    app.add_option("--console-root", config.console_root,
                   "directory holding sync/server/console/ and locale/console/ (the console's templates and words)")
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    if (!manager_username.empty())
        return lobby::server::console::create_first_manager(config, manager_username, manager_display_name, password_file,
                                                            estate, company_manager);

    if (!add_estate.empty() || !company_token_id.empty() || !code_kiosk_id.empty()) {
        namespace srv = lobby::server;
        try {
            srv::Estates estates(config, std::make_shared<const srv::FieldCipher>(
                                             srv::FieldCipher::from_key_file(config.data_key_path())));
            estates.migrate_all();
            if (!add_estate.empty()) {
                const bool made = estates.add(add_estate, estate_name.empty() ? add_estate : estate_name, config.now());
                std::cout << "estate " << add_estate << (made ? " created" : " exists already") << std::endl;
            }
            if (!company_token_id.empty())
                std::cout << "company token " << company_token_id << " (shown once): "
                          << estates.create_company_token(company_token_id, config.now()) << std::endl;
            if (!code_kiosk_id.empty()) {
                srv::Pool* pool = estates.find(estate);
                if (!pool) throw std::runtime_error("there is no estate " + estate);
                auto lease = pool->acquire();
                srv::WriteTransaction tx(*pool, lease.db());
                srv::ApiContext ctx{lease.db(), config, srv::Caller{"cli", "staff", {}}, config.now(), pool};
                lobby::protocol::EnrolmentCodeRequest req;
                req.kiosk_id = code_kiosk_id;
                const srv::ApiResponse made = srv::kiosks::create_enrolment_code(ctx, estates, req);
                if (made.status != 201) throw std::runtime_error(made.body.dump());
                tx.commit();
                std::cout << "enrolment code for kiosk " << code_kiosk_id << " in estate " << estate << ": "
                          << made.body.at("code").get<std::string>() << std::endl;
            }
            return 0;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "office-server: %s\n", e.what());
            return 1;
        }
    }

    if (!enrol_id.empty()) {
        if (config.kiosk_key_dir.empty()) {
            std::fprintf(stderr, "office-server: --enrol-kiosk needs --kiosk-key-dir (where its key file goes)\n");
            return 2;
        }
        try {
            lobby::server::Estates estates(config, std::make_shared<const lobby::server::FieldCipher>(
                                                       lobby::server::FieldCipher::from_key_file(config.data_key_path())));
            estates.migrate_all();
            lobby::server::Pool* pool = estates.find(estate);
            if (!pool) throw std::runtime_error("there is no estate " + estate);
            auto lease = pool->acquire();
            lobby::server::Database& db = lease.db();
            lobby::server::check_data_key(db);
            lobby::server::seal_clear_personal_fields(db);
            const auto token = lobby::server::enrol_kiosk(db, enrol_id, config.kiosk_key_dir);
            if (token) std::cout << "kiosk " << enrol_id << " token (shown once): " << *token << '\n';
            std::cout << "kiosk " << enrol_id << " key file: " << config.kiosk_key_dir << '/' << enrol_id
                      << ".key (install it as the kiosk's [store] key_file, mode 0600)" << std::endl;
            return 0;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "office-server: cannot enrol %s: %s\n", enrol_id.c_str(), e.what());
            return 1;
        }
    }

    if (!parse_listen(listen, config.host, config.port)) {
        std::fprintf(stderr, "office-server: --listen must look like 127.0.0.1:8470\n");
        return 2;
    }
    spdlog::set_default_logger(spdlog::stderr_color_mt("office"));
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");

    // SIGTERM/SIGINT are taken by a waiting thread, not an async handler, so
    // stopping the server happens in normal code.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    try {
        lobby::server::OfficeServer server(config);
        if (server.bind() < 0) {
            spdlog::error("cannot listen on {}", listen);
            return 1;
        }
        for (const auto& line : server.demo_lines()) std::cout << line << '\n';
        // Tests and scripts wait for this exact line to learn the port.
        std::cout << "listening on " << server.config().host << ':' << server.config().port << std::endl;
        spdlog::info("office-server {} serving {} on {} (database {})", LOBBY_VERSION, config.tls() ? "HTTPS" : "HTTP",
                     listen, lobby::server::loggable_db_target(config.db_path));
        if (config.max_connections_per_client >= config.threads)
            spdlog::warn("--max-connections-per-client {} is not below --threads {}: slow connections from one "
                         "address can hold every worker", config.max_connections_per_client, config.threads);

        std::thread waiter([&server, signals] {
            int sig = 0;
            sigwait(&signals, &sig);
            spdlog::info("signal {} received, finishing requests and stopping", sig);
            server.stop();
        });
        const bool ok = server.run();
        // run() also returns if the socket fails; wake the waiter in that case.
        if (waiter.joinable()) {
            pthread_kill(waiter.native_handle(), SIGTERM);
            waiter.join();
        }
        spdlog::info("stopped");
        return ok ? 0 : 1;
    } catch (const std::exception& e) {
        spdlog::error("office-server failed: {}", e.what());
        return 1;
    }
}
