#!/bin/sh
# Installs the udev rule that lets the logged-in user open USB barcode scanners through hidraw.
set -e
rules=/opt/DealPOS\ Counter/resources/udev/70-dealpos-counter-scanners.rules
if [ -f "$rules" ]; then
  install -m 0644 "$rules" /etc/udev/rules.d/70-dealpos-counter-scanners.rules
  udevadm control --reload-rules >/dev/null 2>&1 || true
  udevadm trigger --subsystem-match=hidraw >/dev/null 2>&1 || true
fi
