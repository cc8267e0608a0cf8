#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a throwaway, unlocked gnome-keyring, so keychain
# tests hit a real Secret Service without ever touching a person's own keychain. HOME and the XDG
# folders point into a temp dir that is removed afterwards. Usage: scripts/withKeyring.sh <command…>
set -euo pipefail

if [ "${DEALPOS_PRIVATE_KEYRING:-}" = "1" ]; then
  exec "$@" # already inside one (e.g. .ci/run)
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "withKeyring: '$tool' is missing. Install the system packages: apt-get install dbus gnome-keyring libsecret-1-dev" >&2
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

exec dbus-run-session -- bash -c '
  set -euo pipefail
  # The daemon prints GNOME_KEYRING_CONTROL etc.; export them for the command.
  eval "$(printf "pw" | gnome-keyring-daemon --unlock --components=secrets | sed "s/^/export /")"
  exec "$@"
' withKeyring "$@"
