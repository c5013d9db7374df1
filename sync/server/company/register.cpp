// Registers the company directory (issue 19, estates.hpp): its schema step
// and GET /v1/estates, the list a company manager's token may act in.
#include "estates.hpp"
#include "feature.hpp"
#include "router.hpp"

namespace lobby::server {

void register_company(FeatureRegistry& registry) {
    Feature f;
    f.name = "company";
    // The directory lives in the home database; every estate gets the same
    // schema (these tables stay empty there). Enrolment codes of every
    // estate are registered here, so one 8-digit code is unique across the
    // company and the kiosk typing it reaches its estate. Staff: a company
    // manager is a home-estate manager account with `company` set; a
    // session remembers the estate it acts in; audit rows name the estate.
    f.schema = {{14, R"sql(
CREATE TABLE estates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL);
CREATE TABLE company_tokens (
  id TEXT PRIMARY KEY,
  token_sha256 TEXT NOT NULL UNIQUE,
  revoked INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL);
CREATE TABLE enrolment_code_estates (
  code_hash TEXT PRIMARY KEY,
  estate_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL);
INSERT INTO enrolment_code_estates (code_hash, estate_id, expires_at)
  SELECT code_hash, 'home', expires_at FROM enrolment_codes;
ALTER TABLE staff_accounts ADD COLUMN company INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff_sessions ADD COLUMN estate TEXT;
ALTER TABLE staff_audit ADD COLUMN estate TEXT;
)sql"},
                // A company manager limited to some estates: their ids, comma
                // separated (NULL: every estate, as before).
                {15, "ALTER TABLE staff_accounts ADD COLUMN company_estates TEXT;"}};
    f.routes = [](RouteContext& r) {
        r.http.Get("/v1/estates", [&estates = r.estates](const httplib::Request& http, httplib::Response& res) {
            const std::string header = http.get_header_value("Authorization");
            const std::string prefix = std::string("Bearer ") + company_token_prefix;
            if (header.rfind(prefix, 0) != 0 || !estates.company_caller(header.substr(7)))
                return send(res, api_error(401, protocol::error_code::unauthorized,
                                           "Only a company manager's token lists the estates."));
            nlohmann::json list = nlohmann::json::array();
            for (const EstateEntry& e : estates.list()) list.push_back({{"id", e.id}, {"name", e.name}});
            send(res, ApiResponse{200, nlohmann::json{{"estates", list}}});
        });
    };
    registry.add(std::move(f));
}

} // namespace lobby::server
