# The contract types with a JSON decoder (one libFuzzer target each, fuzz_<Type>),
# read from the one list in sync/protocol/types.def.
set(lobby_types_def ${CMAKE_CURRENT_LIST_DIR}/../sync/protocol/types.def)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${lobby_types_def})
file(STRINGS ${lobby_types_def} lobby_type_lines REGEX "^LOBBY_PROTOCOL_TYPE\\(")
set(LOBBY_FUZZ_TYPES "")
foreach(line ${lobby_type_lines})
  string(REGEX REPLACE "^LOBBY_PROTOCOL_TYPE\\(([A-Za-z0-9_]+),.*$" "\\1" type "${line}")
  list(APPEND LOBBY_FUZZ_TYPES ${type})
endforeach()
