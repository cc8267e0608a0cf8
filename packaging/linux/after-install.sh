#!/bin/bash
# deb postinst. electron-builder uses this file instead of its own after-install template and fills in
# the ${executable} and ${sanitizedProductName} macros, so it repeats that template's steps and then
# installs the udev rule that lets the logged-in user open USB barcode scanners through hidraw.
# Shell variables are written $name, never with braces: electron-builder would take them for macros.
# No `set -e`: a failing optional step (no udev in a container, no AppArmor) must not leave the
# package half-configured.

app_dir='/opt/${sanitizedProductName}'

# /usr/bin link (as electron-builder's template).
if type update-alternatives >/dev/null 2>&1; then
  # Remove a previous link that does not go through update-alternatives.
  if [ -L '/usr/bin/${executable}' ] && [ -e '/usr/bin/${executable}' ] && [ "$(readlink '/usr/bin/${executable}')" != '/etc/alternatives/${executable}' ]; then
    rm -f '/usr/bin/${executable}'
  fi
  update-alternatives --install '/usr/bin/${executable}' '${executable}' "$app_dir/${executable}" 100 || ln -sf "$app_dir/${executable}" '/usr/bin/${executable}'
else
  ln -sf "$app_dir/${executable}" '/usr/bin/${executable}'
fi

# Chromium's sandbox: SUID helper only where unprivileged user namespaces do not work.
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; } 2>/dev/null; then
  chmod 4755 "$app_dir/chrome-sandbox" || true
else
  chmod 0755 "$app_dir/chrome-sandbox" || true
fi

if hash update-mime-database 2>/dev/null; then
  update-mime-database /usr/share/mime || true
fi
if hash update-desktop-database 2>/dev/null; then
  update-desktop-database /usr/share/applications || true
fi

# AppArmor profile that allows user namespaces (Ubuntu 24.04+), only where AppArmor understands it.
if apparmor_status --enabled >/dev/null 2>&1; then
  apparmor_source="$app_dir/resources/apparmor-profile"
  apparmor_target='/etc/apparmor.d/${executable}'
  if apparmor_parser --skip-kernel-load --debug "$apparmor_source" >/dev/null 2>&1; then
    cp -f "$apparmor_source" "$apparmor_target"
    # Live reload makes no sense in a chroot (image builds).
    if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --replace --write-cache --skip-read-cache "$apparmor_target" || true
    fi
  else
    echo "Skipping the AppArmor profile: this AppArmor does not support it"
  fi
fi

# Scanner udev rule (packaging/udev, shipped as resources/udev by linux.extraResources). Replaced on
# every upgrade: local additions belong in a file of their own in /etc/udev/rules.d.
rules_source="$app_dir/resources/udev/70-dealpos-counter-scanners.rules"
rules_target=/etc/udev/rules.d/70-dealpos-counter-scanners.rules
if [ -f "$rules_source" ]; then
  if install -D -m 0644 "$rules_source" "$rules_target"; then
    # Apply to scanners already plugged in; fails harmlessly where udev is not running.
    udevadm control --reload-rules >/dev/null 2>&1 || true
    udevadm trigger --subsystem-match=hidraw --action=change >/dev/null 2>&1 || true
  else
    echo "Could not install $rules_target: USB scanners in HID mode will need root (see README, Barcode scanners)" >&2
  fi
fi

exit 0
