# The sources of lobby_protocol, listed once for the main build (sync/) and
# the fuzz build (fuzz/). Paths are relative to this directory.
#   LOBBY_PROTOCOL_CODEC_SOURCES: decoding and the contract types (what the fuzzers need)
#   LOBBY_PROTOCOL_SUPPORT_SOURCES: masking, ids, randomness (need OpenSSL), installed paths
set(LOBBY_PROTOCOL_CODEC_SOURCES
  text.cpp time.cpp decode.cpp error.cpp changes.cpp common.cpp
  estate.cpp fees.cpp households.cpp repairs.cpp visitors.cpp plate.cpp notices.cpp surveys.cpp kiosk.cpp kiosk_setup.cpp follow_code.cpp public_links.cpp)
set(LOBBY_PROTOCOL_SUPPORT_SOURCES masking.cpp random.cpp uuid.cpp verifier.cpp install_paths.cpp)
