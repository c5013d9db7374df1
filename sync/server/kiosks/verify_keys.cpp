// Kiosk verification keys: provisioning, lookup, and the enrolment key file.
#include "kiosks/verify_keys.hpp"

#include "sha256.hpp"

#include "protocol/random.hpp"
#include "protocol/verifier.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
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
    const std::string path = dir + "/" + kiosk_id + ".key";
    const std::string temp = path + ".new-" + std::to_string(::getpid());
    const auto fail = [&](const char* what, int error) {
        ::unlink(temp.c_str());
        throw std::runtime_error(path + ": " + what + ": " + std::strerror(error));
    };
    (void)::unlink(temp.c_str());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) fail("cannot create the kiosk key file", errno);
    const std::string text = key + "\n";
    // The umask may only take bits away from 0600; fchmod makes it exact.
    bool ok = ::fchmod(fd, 0600) == 0;
    for (std::size_t done = 0; ok && done < text.size();) {
        const ssize_t wrote = ::write(fd, text.data() + done, text.size() - done);
        if (wrote < 0 && errno == EINTR) continue;
        ok = wrote > 0;
        if (ok) done += static_cast<std::size_t>(wrote);
    }
    ok = ok && ::fsync(fd) == 0;
    const int error = errno;
    ::close(fd);
    if (!ok) fail("cannot write the kiosk key file", error);
    if (::rename(temp.c_str(), path.c_str()) != 0) fail("cannot put the kiosk key file in place", errno);
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
            token = protocol::random_hex(24);
            Statement renew(db, "UPDATE kiosks SET token_sha256 = ?, revoked = 0 WHERE id = ?");
            renew.bind(1, sha256_hex(*token)).bind(2, kiosk_id);
            renew.run();
        }
    } else {
        token = protocol::random_hex(24);  // 192 bits
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
