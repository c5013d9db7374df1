// lobby_rime_deploy: run once at build (or install) time, never at kiosk
// start. Deploys the kiosk's three Rime schemas (pinyin, jyutping, stroke)
// with the patches in kiosk/input/rime/ into a data directory, and writes the
// phrase tables the pads predict the next characters from.
//   lobby_rime_deploy OUT_DIR RIME_SHARED_DIR PATCH_DIR
#include "input/phrase_tables.hpp"

#include <rime_api.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s OUT_DIR RIME_SHARED_DIR PATCH_DIR\n", argv[0]);
        return 2;
    }
    const std::string out = argv[1], shared = argv[2], patches = argv[3];
    std::error_code error;
    fs::create_directories(out, error);
    for (const auto& entry : fs::directory_iterator(patches, error))
        if (entry.path().extension() == ".yaml")
            fs::copy_file(entry.path(), fs::path(out) / entry.path().filename(), fs::copy_options::overwrite_existing,
                          error);
    if (error) {
        std::fprintf(stderr, "%s: cannot copy the schema patches: %s\n", out.c_str(), error.message().c_str());
        return 1;
    }

    RimeApi* rime = rime_get_api();
    RIME_STRUCT(RimeTraits, traits);
    traits.shared_data_dir = shared.c_str();
    traits.user_data_dir = out.c_str();
    traits.distribution_name = "Lobby Kiosk";
    traits.distribution_code_name = "lobby-kiosk";
    traits.distribution_version = LOBBY_VERSION;
    traits.app_name = "rime.lobby-kiosk";
    traits.min_log_level = 2;  // errors only: the dictionaries' duplicate words are not ours to fix
    traits.log_dir = "";
    rime->setup(&traits);
    rime->deployer_initialize(nullptr);
    const bool deployed = rime->deploy();
    rime->finalize();
    if (!deployed) {
        std::fprintf(stderr, "%s: deploying the Rime schemas failed (see the errors above)\n", out.c_str());
        return 1;
    }

    std::string table_error;
    if (!kiosk::input::write_phrase_tables(shared + "/essay.txt", out, table_error)) {
        std::fprintf(stderr, "%s\n", table_error.c_str());
        return 1;
    }
    std::printf("lobby_rime_deploy: schemas and phrase tables in %s\n", out.c_str());
    return 0;
}
