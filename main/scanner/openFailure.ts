import type { ScannerDeviceKind, ScannerHint } from '../../shared/contract/scanner';

export const UDEV_RULE_FILE = '70-dealpos-counter-scanners.rules';

export type OpenFailure = { readonly state: 'permission_denied' | 'error'; readonly hint: ScannerHint };

function isPermissionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (code === 'EACCES' || code === 'EPERM') return true;
  const message = error instanceof Error ? error.message : '';
  return /permission|access denied|not permitted|privilege/i.test(message);
}

/**
 * Why opening a device failed, and which fix the person at the counter needs; the renderer words
 * it. node-hid only says "cannot open device", so the OS decides: on Linux the adapter reports EACCES from the hidraw
 * node; on macOS and Windows a keyboard-mode scanner fails to open because the OS owns keyboards.
 */
export function classifyOpenFailure(error: unknown, platform: NodeJS.Platform, kind: ScannerDeviceKind): OpenFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (platform === 'linux' && isPermissionError(error)) return { state: 'permission_denied', hint: { code: 'linux_permission', udevRuleFile: UDEV_RULE_FILE } };
  if (platform === 'darwin' && (kind === 'hid-keyboard' || isPermissionError(error))) return { state: 'permission_denied', hint: { code: 'macos_input_monitoring' } };
  if (platform === 'win32' && (kind === 'hid-keyboard' || isPermissionError(error))) return { state: 'permission_denied', hint: { code: 'windows_keyboard_mode' } };
  return { state: 'error', hint: { code: 'open_failed', detail: message } };
}
