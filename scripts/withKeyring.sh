#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a throwaway, unlocked gnome-keyring, so keychain
# tests hit a real Secret Service without ever touching a person's own keychain. HOME and the XDG
# folders point into a temp dir that is removed afterwards. Usage: scripts/withKeyring.sh <command…>
set -euo pipefail

if [ "${DEALPOS_PRIVATE_KEYRING:-}" = "1" ]; then
  exec "$@" # already inside one (e.g. .ci/run)
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "withKeyring: '$tool' is missing. Install the system packages: apt-get install dbus gnome-keyring libsecret-1-0" >&2
    exit 1
  fi
done

keyring_home=$(mktemp -d -t dealpos-keyring-XXXXXX)
trap 'rm -rf "$keyring_home"' EXIT
mkdir -p "$keyring_home/run" "$keyring_home/data" "$keyring_home/config" "$keyring_home/cache"
chmod 700 "$keyring_home/run"

export DEALPOS_REAL_HOME="${HOME:-}"
export HOME="$keyring_home"
export XDG_RUNTIME_DIR="$keyring_home/run"
export XDG_DATA_HOME="$keyring_home/data"
export XDG_CONFIG_HOME="$keyring_home/config"
export XDG_CACHE_HOME="$keyring_home/cache"
export DEALPOS_PRIVATE_KEYRING=1
# npm and tsx keep their caches in the real home.
export npm_config_cache="${npm_config_cache:-$DEALPOS_REAL_HOME/.npm}"

# Not exec: this shell must outlive the session so its EXIT trap removes the temp home. The keyring
# daemon runs in the foreground as a child of the session's shell, which stops it when the command
# ends (a daemonised one would outlive the session).
status=0
dbus-run-session -- bash -c '
  set -euo pipefail
  env_file="$HOME/keyring.env"
  printf "pw" | gnome-keyring-daemon --foreground --unlock --components=secrets >"$env_file" 2>/dev/null &
  daemon=$!
  trap "kill $daemon 2>/dev/null || true" EXIT
  # Ready once it owns the Secret Service name on the bus. (It prints GNOME_KEYRING_CONTROL only
  # when its control folder is not the standard one under XDG_RUNTIME_DIR.)
  for _ in $(seq 1 200); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
      break
    fi
    sleep 0.05
  done
  eval "$(sed "s/^/export /" "$env_file")"
  "$@"
' withKeyring "$@" || status=$?
exit "$status"
