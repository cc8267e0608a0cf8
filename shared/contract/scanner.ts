import { z } from 'zod';
import { MAX_SCAN_CODE_LENGTH, type ScanEvent } from '../scanner/scanEvent';
import { wedgeSettingsSchema, type WedgeSettings } from '../scanner/wedgeDetector';
import { text } from '../text/text';
import type { ScannerState } from './app';
import { method, returns } from './define';

/** How the app reads a device: HID POS reports, boot keyboard reports, or not at all. */
export type ScannerDeviceKind = 'hid-pos' | 'hid-keyboard' | 'other';

/**
 * Why the scanner is not reading and what to do about it. Main sends the case and its facts (file
 * name, the OS error); the renderer words it in the UI language.
 */
export type ScannerHint =
  /** Linux: the hidraw node is root-only until the app's udev rule is installed. */
  | { readonly code: 'linux_permission'; readonly udevRuleFile: string }
  /** macOS: reading a keyboard-mode scanner needs Input Monitoring permission. */
  | { readonly code: 'macos_input_monitoring' }
  /** Windows: the OS owns keyboard-mode devices; only HID POS mode can be read. */
  | { readonly code: 'windows_keyboard_mode' }
  /** Opening failed for another reason; `detail` is the OS/driver message as given. */
  | { readonly code: 'open_failed'; readonly detail: string }
  /** The native HID module could not load on this installation. */
  | { readonly code: 'hid_unavailable' }
  /** The chosen device is not plugged in. */
  | { readonly code: 'device_missing' }
  /** The open device went away or stopped answering. */
  | { readonly code: 'unplugged' }
  /** The device sends reports in a layout the decoders do not read. */
  | { readonly code: 'foreign_layout' };

export type ScannerHintCode = ScannerHint['code'];

/**
 * The report layout the app read a device's reports in: HID POS `aim` (Honeywell, Access-IS),
 * `zebra` (Zebra/Symbol, pad byte before the AIM identifier), `newland` (no AIM identifier), or
 * the boot keyboard layout of a keyboard-mode scanner.
 */
export type ScannerReportLayout = 'aim' | 'zebra' | 'newland' | 'boot-keyboard';

/** What the app made of a device's reports this session, so a manager can tell why it is or is not understood. */
export interface ScannerDeviceReading {
  /** Layout of the last report that was read; null while none was (not chosen yet, or nothing understood). */
  readonly layout: ScannerReportLayout | null;
  /** Reports turned into scans, and reports refused, since the app started. */
  readonly scans: number;
  readonly refusedReports: number;
  /** Why the last refused report was refused (a decoder reason such as `unknown_layout`); null when none was. */
  readonly lastRefusal: string | null;
}

/** One HID device as listed in Settings. */
export interface ScannerDevice {
  /**
   * Stable identity (vendor, product, usage, interface, serial), not the OS path, which changes on
   * replug. This is what `scanner.selectDevice` takes and what the `scannerDevice` setting stores.
   */
  readonly id: string;
  readonly path: string;
  readonly vendorId: number;
  readonly productId: number;
  /** Product string, else manufacturer, else "HID vvvv:pppp". */
  readonly name: string;
  readonly manufacturer: string | null;
  readonly product: string | null;
  readonly serialNumber: string | null;
  readonly usagePage: number | null;
  readonly usage: number | null;
  readonly interfaceNumber: number;
  readonly kind: ScannerDeviceKind;
  readonly selected: boolean;
  readonly reading: ScannerDeviceReading;
}

export interface ScannerStateView {
  readonly state: ScannerState;
  /** Id of the chosen device; null = keyboard-wedge scanning only. */
  readonly deviceId: string | null;
  readonly deviceName: string | null;
  /** What to do when the device is not reading (permission_denied, error, disconnected). */
  readonly hint: ScannerHint | null;
  /** Thresholds the renderer's keyboard-wedge detector uses. */
  readonly wedge: WedgeSettings;
}

export interface WedgeScanReceipt {
  /** False when the same code just arrived from the selected HID device (a keyboard-mode scanner read twice). */
  readonly emitted: boolean;
}

export const scannerMethods = {
  'scanner.listDevices': method({ input: z.object({}).strict(), result: returns<readonly ScannerDevice[]>() }),
  'scanner.selectDevice': method({
    input: z.object({ id: text({ max: 500 }).nullable() }).strict(),
    result: returns<ScannerStateView>(),
  }),
  'scanner.state': method({ input: z.object({}).strict(), result: returns<ScannerStateView>() }),
  'scanner.setWedgeSettings': method({ input: wedgeSettingsSchema, result: returns<ScannerStateView>() }),
  /**
   * The renderer reports a keyboard-wedge scan here so every source reaches the checkout as one
   * `scan` event stream from main (deduplicated against the selected HID device).
   */
  'scanner.reportWedgeScan': method({
    input: z
      .object({
        code: text({ max: MAX_SCAN_CODE_LENGTH }),
        // The ISO format admits only digits, "-", ":", ".", "T", "Z" and "+", so it needs no text rule.
        at: z.iso.datetime({ offset: true }),
      })
      .strict(),
    result: returns<WedgeScanReceipt>(),
  }),
};

export const scannerEvents = {
  scan: returns<ScanEvent>(),
};
