import type { ScannerDeviceKind } from '../../shared/contract/scanner';

export const UDEV_RULE_FILE = '70-dealpos-counter-scanners.rules';

export type OpenFailure = { readonly state: 'permission_denied' | 'error'; readonly hint: string };

const HINTS = {
  linux:
    `Linux lets only root read this scanner. Install the udev rule (the .deb does it for you): ` +
    `sudo cp "/opt/DealPOS Counter/resources/udev/${UDEV_RULE_FILE}" /etc/udev/rules.d/ && ` +
    'sudo udevadm control --reload-rules && sudo udevadm trigger --subsystem-match=hidraw, then unplug and replug the scanner. ' +
    'If your scanner\'s brand is not in the rule, add a line with the vendor ID "lsusb" shows.',
  darwin:
    'macOS blocks reading keyboard-mode scanners until you allow it: System Settings → Privacy & Security → ' +
    'Input Monitoring → turn on DealPOS Counter, then restart the app. Or switch the scanner to HID POS mode.',
  win32:
    'Windows does not let apps read a scanner in keyboard mode. Scan the "USB HID POS" setup barcode in the ' +
    'scanner\'s manual to switch it to HID POS mode, or choose "No device": keyboard-mode scans still work at checkout.',
} as const;

function isPermissionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (code === 'EACCES' || code === 'EPERM') return true;
  const message = error instanceof Error ? error.message : '';
  return /permission|access denied|not permitted|privilege/i.test(message);
}

/**
 * Why opening a device failed, and what the person at the counter can do about it. node-hid only
 * says "cannot open device", so the OS decides: on Linux the adapter reports EACCES from the hidraw
 * node; on macOS and Windows a keyboard-mode scanner fails to open because the OS owns keyboards.
 */
export function classifyOpenFailure(error: unknown, platform: NodeJS.Platform, kind: ScannerDeviceKind): OpenFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (platform === 'linux' && isPermissionError(error)) return { state: 'permission_denied', hint: HINTS.linux };
  if (platform === 'darwin' && (kind === 'hid-keyboard' || isPermissionError(error))) return { state: 'permission_denied', hint: HINTS.darwin };
  if (platform === 'win32' && (kind === 'hid-keyboard' || isPermissionError(error))) return { state: 'permission_denied', hint: HINTS.win32 };
  return {
    state: 'error',
    hint: `The scanner could not be opened (${message}). Close other programs that use it (vendor or OPOS tools), then replug it.`,
  };
}
