// Pre-registered codes in the pull feed, so a kiosk can let a visitor in
// while the office cannot be reached: each kiosk gets, per code, only an
// HMAC under its own verification key, added when its page is read.
#include "visitors/visitors.hpp"

#include "feed.hpp"
#include "kiosks/verify_keys.hpp"

#include "protocol/masking.hpp"
#include "protocol/verifier.hpp"

#include <algorithm>

namespace lobby::server::visitors {

void publish_code(Database& db, const std::string& pass_id) {
    Statement st(db, "SELECT unit_id, name, purpose, people, valid_from, valid_until, uses_allowed, uses "
                     "FROM visitor_codes WHERE id = ? AND kind = 'pre_registered'");
    st.bind(1, pass_id);
    if (!st.step()) return;
    protocol::VisitorCodeRecord r;
    r.id = pass_id;
    r.unit_id = st.text(0);
    const std::string name = db.cipher().open(st.text(1));
    r.visitor_masked = name.empty() ? std::string() : protocol::mask_name(name);
    r.purpose = st.text(2);
    r.people = st.int64(3);
    r.valid_from = st.int64(4);
    r.valid_until = st.int64(5);
    r.uses_left = std::max<std::int64_t>(0, st.int64(6) - st.int64(7));
    r.expires_at = r.valid_until;  // the kiosk drops it then
    publish(db, protocol::collection::visitor_codes, pass_id, r);
}

void add_code_verifiers(Database& db, const std::string& kiosk_id, protocol::ChangesPage& page) {
    const std::optional<std::string> key = verify_key_of(db, kiosk_id);
    Statement code(db, "SELECT code FROM visitor_codes WHERE id = ?");
    for (protocol::Change& change : page.changes) {
        if (change.collection != protocol::collection::visitor_codes || change.deleted || !change.data.is_object())
            continue;
        change.data.erase("code_verifier");
        if (!key) continue;  // a kiosk without its key checks codes online only
        code.bind(1, change.key);
        if (code.step()) change.data["code_verifier"] = protocol::visitor_code_verifier(*key, code.text(0));
        code.reset();
    }
}

} // namespace lobby::server::visitors
