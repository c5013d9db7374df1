#!/usr/bin/env bash
# The kiosk's layering as a test: every #include of every kiosk source must
# be allowed for the layer the file is in. A screen that includes a store or
# net header, a core file that includes ImGui, SQLite or curl, or a feature
# that includes another feature fails here, before review. The shared
# household pieces (household/{core,screen,io}) sit below the features: a
# feature's layer may include the same household layer, never the reverse.
#   include_layers.sh KIOSK_SOURCE_DIR
set -uo pipefail
root=${1:?kiosk source dir}
cd "$root" || exit 2

# Project include prefixes and third-party headers a layer may use, as
# extended regexes over the included path. Standard headers are always fine.
project='^(core|store|net|input|ui|screens|speech|app|features|household|protocol|sqlite)/'

allowed_for() {  # layer feature -> regex of allowed project includes
  local layer=$1 feature=${2:-}
  case $layer in
    core) echo '^(core|protocol)/' ;;
    store) echo '^(store|protocol|sqlite)/' ;;  # the shared SQLite wrappers: only the store
    net) echo '^(net|store|core|protocol)/' ;;
    input) echo '^(input|core)/' ;;
    ui) echo '^(ui|core)/|^input/input_service\.hpp$' ;;  # the pads see the input worker, no engine
    screens) echo '^(screens|ui|core)/' ;;
    speech) echo '^speech/' ;;  # knows text and voices, nothing of the kiosk
    app) echo "$project" ;;
    household-core) echo '^(core|protocol)/|^household/core/' ;;
    household-screen) echo '^(core|ui)/|^household/(core|screen)/' ;;
    household-io) echo '^(core|net|store|protocol)/|^household/(core|io)/' ;;
    feature-core) echo "^(core|protocol)/|^household/core/|^features/$feature/core/" ;;
    feature-screen) echo "^(core|ui)/|^household/(core|screen)/|^features/$feature/(core|screen)/" ;;
    feature-io) echo "^(core|net|store|protocol)/|^household/(core|io)/|^features/$feature/(core|io)/" ;;
    feature-register) echo "^app/feature_registry\\.hpp$|^features/$feature/" ;;
  esac
}
# Third-party headers a layer must never see.
forbidden_for() {
  case $1 in
    core|feature-core|household-core) echo '^(imgui|imgui_internal|sqlite3|httplib)\.h$|^(SDL2|curl)/|^SDL\.h$|^(rime_api|zinnia)\.h$|^opencc/' ;;
    input) echo '^(imgui|imgui_internal|sqlite3|httplib)\.h$|^(SDL2|curl)/|^SDL' ;;
    ui|screens|feature-screen|household-screen) echo '^(sqlite3|httplib|rime_api|zinnia)\.h$|^curl/|^opencc/' ;;
    store) echo '^(imgui|imgui_internal|httplib)\.h$|^curl/|^SDL' ;;
    speech) echo '^(imgui|imgui_internal|sqlite3|httplib)\.h$|^curl/' ;;
    net|feature-io|household-io) echo '^(imgui|imgui_internal)\.h$|^SDL' ;;
    app) echo '^sqlite3\.h$' ;;  # the app runs no SQL of its own
    *) echo '^$' ;;
  esac
}
# Project headers a layer may not use although their folder is allowed.
denied_for() {
  case $1 in
    app|feature-io|household-io) echo '^store/(sqlite|transaction|store_shared)\.hpp$|^sqlite/' ;;  # SQL stays inside the store
    *) echo '^$' ;;
  esac
}

problems=0
checked=0
while IFS= read -r -d '' file; do
  layer="" feature=""
  case $file in
    ./core/*) layer=core ;;
    ./store/*) layer=store ;;
    ./net/*) layer=net ;;
    ./input/*) layer=input ;;
    ./ui/*) layer=ui ;;
    ./screens/*) layer=screens ;;
    ./speech/*) layer=speech ;;
    ./app/*) layer=app ;;
    ./household/core/*) layer=household-core ;;
    ./household/screen/*) layer=household-screen ;;
    ./household/io/*) layer=household-io ;;
    ./features/*/core/*) feature=${file#./features/}; feature=${feature%%/*}; layer=feature-core ;;
    ./features/*/screen/*) feature=${file#./features/}; feature=${feature%%/*}; layer=feature-screen ;;
    ./features/*/io/*) feature=${file#./features/}; feature=${feature%%/*}; layer=feature-io ;;
    ./features/*/register.*) feature=${file#./features/}; feature=${feature%%/*}; layer=feature-register ;;
    *) echo "$file: not in a known layer (add it to tests/lint/include_layers.sh)"; problems=$((problems + 1)); continue ;;
  esac
  allowed=$(allowed_for "$layer" "$feature")
  forbidden=$(forbidden_for "$layer")
  denied=$(denied_for "$layer")
  checked=$((checked + 1))
  while IFS= read -r included; do
    if [[ $included =~ $project ]]; then
      if [[ ! $included =~ $allowed || $included =~ $denied ]]; then
        echo "$file ($layer): may not include \"$included\""; problems=$((problems + 1))
      fi
    elif [[ $included =~ $forbidden ]]; then
      echo "$file ($layer): may not include <$included>"; problems=$((problems + 1))
    fi
  done < <(sed -nE 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]+)[>"].*/\1/p' "$file")
done < <(find . \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z)

echo "$checked files checked, $problems layering problem(s)"
((problems == 0))
