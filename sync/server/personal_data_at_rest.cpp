// Sealing clear personal fields left from before the data key (SQL cannot
// encrypt, so this runs in C++ at start).
#include "personal_data_at_rest.hpp"

#include <stdexcept>
#include <utility>
#include <vector>

namespace lobby::server {

int seal_clear_personal_fields(Database& db) {
    const FieldCipher& cipher = db.cipher();
    int sealed = 0;
    Transaction tx(db);
    for (const SealedColumn& c : sealed_columns) {
        const std::string col = c.column;
        const std::string table = c.table;
        Statement find(db, ("SELECT rowid, " + col + " FROM " + table + " WHERE " + col + " IS NOT NULL AND substr(" +
                            col + ", 1, 5) <> 'enc1:' AND " + col + " <> '' AND " + col + " <> '*'").c_str());
        std::vector<std::pair<std::int64_t, std::string>> clear;
        while (find.step()) clear.emplace_back(find.int64(0), find.text(1));
        Statement update(db, ("UPDATE " + table + " SET " + col + " = ? WHERE rowid = ?").c_str());
        for (const auto& [rowid, value] : clear) {
            update.bind(1, cipher.seal(value)).bind(2, rowid);
            update.run();
            update.reset();
            ++sealed;
        }
    }
    tx.commit();
    return sealed;
}

void check_data_key(Database& db) {
    for (const SealedColumn& c : sealed_columns) {
        const std::string col = c.column;
        Statement one(db, ("SELECT " + col + " FROM " + std::string(c.table) + " WHERE substr(" + col +
                           ", 1, 5) = 'enc1:' LIMIT 1").c_str());
        if (!one.step()) continue;
        try {
            db.cipher().open(one.text(0));
        } catch (const std::exception&) {
            throw std::runtime_error(std::string("the data key does not open the personal fields in the database (") +
                                     c.table + "." + col + "): wrong or replaced --data-key-file?");
        }
        return;
    }
}

} // namespace lobby::server
