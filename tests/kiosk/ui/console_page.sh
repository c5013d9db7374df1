#!/bin/sh
# Prints one staff console page of the office-server run_with_server.sh
# started, as a signed-in manager sees it (the first call makes the manager):
#   console_page.sh /console/repairs/R-...
# For UI scripts that check what staff see of what the kiosk filed.
set -eu
page=$1
jar="$LOBBY_TMP/console.cookies"
password="ui-script-manager-secret"
if [ ! -f "$jar" ]; then
  echo "$password" | "$LOBBY_SERVER_BIN" --db "$LOBBY_OFFICE_DB" --create-manager uiboss >/dev/null
  csrf=$(curl -sf -c "$jar" -b "$jar" "$LOBBY_SERVER_URL/console/login" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
  curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "username=uiboss" \
       --data-urlencode "password=$password" "$LOBBY_SERVER_URL/console/login"
  grep -q lobby_console "$jar" || { echo "console_page.sh: the sign-in did not give a session" >&2; exit 1; }
fi
curl -sf -b "$jar" "$LOBBY_SERVER_URL$page"
