#include "stored_bytes.hpp"

#include "support/test_database.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace lobby::test {
namespace {

void append_file(std::string& out, const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    out.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string one_text(server::Database& db, const char* sql) {
    server::Statement st(db, sql);
    return st.step() ? st.text(0) : std::string();
}

} // namespace

std::string stored_bytes(const std::string& path_or_url) {
    const std::string db_name = test_database(path_or_url);
    std::string bytes;
    if (db_name.find("://") == std::string::npos) {
        append_file(bytes, db_name);
        append_file(bytes, db_name + "-wal");
        return bytes;
    }
    // The test cluster's role owns it (scripts/test-postgres), so it may
    // checkpoint and read where the data lives.
    server::Database db(db_name);
    db.exec("CHECKPOINT");
    const std::filesystem::path folder = std::filesystem::path(one_text(db, "SELECT current_setting('data_directory')")) /
                                         "base" /
                                         one_text(db, "SELECT CAST(oid AS TEXT) FROM pg_database WHERE datname = current_database()");
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        if (entry.is_regular_file()) append_file(bytes, entry.path());
    return bytes;
}

std::vector<std::string> columns_containing(server::Database& db, const std::string& needle) {
    std::vector<std::pair<std::string, std::string>> columns;
    {
        server::Statement list(db, db.is_postgres()
            ? "SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t "
              "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
              "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
            : "SELECT m.name, i.name FROM sqlite_master m, pragma_table_info(m.name) i "
              "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'");
        while (list.step()) columns.emplace_back(list.text(0), list.text(1));
    }
    std::vector<std::string> hits;
    for (const auto& [table, column] : columns) {
        const std::string sql = "SELECT 1 FROM \"" + table + "\" WHERE CAST(\"" + column + "\" AS TEXT) LIKE ? LIMIT 1";
        server::Statement hit(db, sql.c_str());
        hit.bind(1, "%" + needle + "%");  // needles here are digits and Chinese: no LIKE wildcards in them
        if (hit.step()) hits.push_back(table + "." + column);
    }
    return hits;
}

} // namespace lobby::test
