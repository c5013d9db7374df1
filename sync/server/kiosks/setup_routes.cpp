// Routes of enrolment, rotation and remote settings.
#include "kiosks/setup.hpp"

#include "router.hpp"

namespace lobby::server::kiosks {

void install_setup_routes(RouteContext& r) {
    r.http.Post("/v1/kiosks/enrolment-codes",
                r.api->post<protocol::EnrolmentCodeRequest>(
                    [&estates = r.estates](ApiContext& ctx, const protocol::EnrolmentCodeRequest& req,
                                           const httplib::Request&) { return create_enrolment_code(ctx, estates, req); }));
    // No token: the code is the credential. The guard's scope is the client's
    // address (behind nginx all share one, and the global limit decides).
    r.http.Post("/v1/kiosks/enrol", [&estates = r.estates, &config = r.config](const httplib::Request& http,
                                                                               httplib::Response& res) {
        auto decoded = protocol::decode_text<protocol::EnrolRequest>(http.body);
        if (!decoded) return send(res, decode_refusal(decoded.error()));
        send(res, enrol(estates, http.remote_addr, decoded.value(), config.now()));
    });
    // No body; asking twice is asking once.
    r.http.Post(std::string("/v1/kiosks/") + id_segment + "/rotate-token", r.api->remove(by_path_id(request_rotation)));
    r.http.Post("/v1/kiosks/token",
                r.api->remove([](ApiContext& ctx, const httplib::Request&) { return fetch_rotated_token(ctx); }));
    r.http.Post(std::string("/v1/kiosks/") + id_segment + "/settings",
                r.api->remove([](ApiContext& ctx, const httplib::Request& http) {
                    return replace_settings(ctx, http.matches[1].str(), http.body);
                }));
    r.http.Get(std::string("/v1/kiosks/") + id_segment + "/settings",
               r.api->get([](ApiContext& ctx, const httplib::Request& http) {
                   return read_settings(ctx, http.matches[1].str());
               }));
}

} // namespace lobby::server::kiosks
