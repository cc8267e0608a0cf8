#!/bin/bash
# deb postrm. electron-builder uses this file instead of its own after-remove template and fills in
# the ${executable} macro, so it repeats that template's steps and then removes the scanner udev rule
# that after-install.sh put in /etc. Shell variables are written $name, never with braces:
# electron-builder would take them for macros.
#
# dpkg also runs postrm for "upgrade", "failed-upgrade", "abort-install" and "disappear"; only a real
# removal drops the link, the AppArmor profile and the rule (an upgrade's postinst would just put
# them back, and in between a plugged-in scanner would lose access).
case "$1" in
  remove | purge) ;;
  *) exit 0 ;;
esac

if type update-alternatives >/dev/null 2>&1; then
  update-alternatives --remove '${executable}' '/usr/bin/${executable}' || true
else
  rm -f '/usr/bin/${executable}'
fi

apparmor_profile='/etc/apparmor.d/${executable}'
if [ -f "$apparmor_profile" ]; then
  rm -f "$apparmor_profile"
fi

rules=/etc/udev/rules.d/70-dealpos-counter-scanners.rules
if [ -f "$rules" ]; then
  rm -f "$rules"
  # Devices keep their current permissions until replugged; the next event uses the rules left.
  udevadm control --reload-rules >/dev/null 2>&1 || true
fi

exit 0
