// Kiosk verification keys: provisioning, lookup, and the enrolment key file.
#include "kiosks/verify_keys.hpp"

#include "estates.hpp"

#include "private_file.hpp"
#include "sha256.hpp"

#include "protocol/random.hpp"
#include "protocol/verifier.hpp"

#include <stdexcept>

namespace lobby::server {

std::string provision_verify_key(Database& db, const std::string& kiosk_id) {
    std::string key = protocol::new_verification_key();
    Statement st(db, "UPDATE kiosks SET verify_key = ? WHERE id = ? AND role = 'kiosk'");
    st.bind(1, db.cipher().seal(key)).bind(2, kiosk_id);
    st.run();
    return key;
}

std::optional<std::string> verify_key_of(Database& db, const std::string& kiosk_id) {
    Statement st(db, "SELECT verify_key FROM kiosks WHERE id = ? AND role = 'kiosk' AND verify_key IS NOT NULL");
    st.bind(1, kiosk_id);
    if (!st.step()) return std::nullopt;
    return db.cipher().open(st.text(0));
}

void write_kiosk_key_file(const std::string& dir, const std::string& kiosk_id, const std::string& key) {
    replace_private_file(dir + "/" + kiosk_id + ".key", "kiosk key", key + "\n");
}

std::optional<std::string> enrol_kiosk(Database& db, const std::string& kiosk_id, const std::string& key_dir) {
    Transaction tx(db);
    std::optional<std::string> token;
    Statement existing(db, "SELECT role, revoked FROM kiosks WHERE id = ?");
    existing.bind(1, kiosk_id);
    if (existing.step()) {
        if (existing.text(0) != "kiosk") throw std::runtime_error(kiosk_id + " is not a kiosk");
        if (existing.int64(1) != 0) {
            // A revoked kiosk comes back with a new token; the old one stays dead.
            token = estate_kiosk_token(db, protocol::random_hex(24));
            Statement renew(db, "UPDATE kiosks SET token_sha256 = ?, revoked = 0 WHERE id = ?");
            renew.bind(1, sha256_hex(*token)).bind(2, kiosk_id);
            renew.run();
        }
    } else {
        token = estate_kiosk_token(db, protocol::random_hex(24));  // 192 bits
        Statement add(db, "INSERT INTO kiosks (id, token_sha256, role, revoked) VALUES (?, ?, 'kiosk', 0)");
        add.bind(1, kiosk_id).bind(2, sha256_hex(*token));
        add.run();
    }
    const std::string key = provision_verify_key(db, kiosk_id);
    // The file first: a failed write leaves the old key in force.
    write_kiosk_key_file(key_dir, kiosk_id, key);
    tx.commit();
    return token;
}

} // namespace lobby::server
