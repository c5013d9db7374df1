// Each kiosk's verification key (protocol/verifier.hpp): made once when the
// kiosk is enrolled, handed to the kiosk as a 0600 key file, and afterwards
// only used by the server to key that kiosk's phone verifiers in the feed.
// No endpoint returns it and it is never logged.
#pragma once

#include "db.hpp"

#include <optional>
#include <string>

namespace lobby::server {

// Makes a new random key for `kiosk_id` and stores it (replacing any old
// one: re-enrolment). Returns it for the key file.
std::string provision_verify_key(Database& db, const std::string& kiosk_id);

// The key the feed uses for this kiosk; nullopt for staff and for kiosks
// enrolled before keys existed (they get no verifiers: online checks only).
std::optional<std::string> verify_key_of(Database& db, const std::string& kiosk_id);

// Writes `<dir>/<kiosk_id>.key` (the key and a newline) with mode 0600,
// through a temporary file renamed into place; throws std::runtime_error
// naming the file (never the key) on failure.
void write_kiosk_key_file(const std::string& dir, const std::string& kiosk_id, const std::string& key);

// Enrols a kiosk (office-server --enrol-kiosk): a new kiosk gets a random
// bearer token (only its SHA-256 is stored; the token is returned to be shown
// once); an existing kiosk keeps its token unless it was revoked (then it gets
// a new one, and the revoked token stays dead). Either way it gets a new
// verification key, written to <key_dir>/<kiosk_id>.key, in one transaction
// with the key file written before the commit. A staff id is refused.
std::optional<std::string> enrol_kiosk(Database& db, const std::string& kiosk_id, const std::string& key_dir);

} // namespace lobby::server
