import type { ScannerDevice, ScannerDeviceKind, ScannerDeviceReading } from '../../shared/contract/scanner';
import type { HidDeviceEntry } from './hidBackend';

const BARCODE_SCANNER_PAGE = 0x8c;
const GENERIC_DESKTOP_PAGE = 0x01;
const KEYBOARD_USAGE = 0x06;
/** USB string descriptors hold at most 126 characters; cap anyway so ids stay short. */
const MAX_SERIAL_CHARS = 126;

const hex4 = (n: number | null | undefined): string => (n ?? 0).toString(16).padStart(4, '0');

export function deviceKind(usagePage: number | null, usage: number | null): ScannerDeviceKind {
  if (usagePage === BARCODE_SCANNER_PAGE) return 'hid-pos';
  if (usagePage === GENERIC_DESKTOP_PAGE && usage === KEYBOARD_USAGE) return 'hid-keyboard';
  return 'other';
}

/**
 * Identity that survives unplugging: vendor, product, usage page/usage, interface and serial.
 * The OS path is left out on purpose (hidraw numbers and Windows paths change on replug).
 */
export function deviceId(entry: HidDeviceEntry): string {
  const serial = encodeURIComponent((entry.serialNumber ?? '').slice(0, MAX_SERIAL_CHARS));
  return ['hid', hex4(entry.vendorId), hex4(entry.productId), hex4(entry.usagePage), hex4(entry.usage), String(entry.interface), serial].join(':');
}

function text(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export const NOTHING_READ: ScannerDeviceReading = { layout: null, scans: 0, refusedReports: 0, lastRefusal: null };

/** Turns node-hid's loosely typed entry into what Settings lists; entries without a path cannot be opened. */
export function describeDevice(entry: HidDeviceEntry, selectedId: string | null, readings: ReadonlyMap<string, ScannerDeviceReading> = new Map()): ScannerDevice | null {
  if (!entry.path) return null;
  const product = text(entry.product);
  const manufacturer = text(entry.manufacturer);
  const usagePage = entry.usagePage ?? null;
  const usage = entry.usage ?? null;
  const id = deviceId(entry);
  return {
    id,
    path: entry.path,
    vendorId: entry.vendorId,
    productId: entry.productId,
    name: product ?? manufacturer ?? `HID ${hex4(entry.vendorId)}:${hex4(entry.productId)}`,
    manufacturer,
    product,
    serialNumber: text(entry.serialNumber),
    usagePage,
    usage,
    interfaceNumber: entry.interface,
    kind: deviceKind(usagePage, usage),
    selected: id === selectedId,
    reading: readings.get(id) ?? NOTHING_READ,
  };
}
