/**
 * Byte fixtures for the scanner decoders, from publicly documented report layouts and captures.
 * Reports are as node-hid delivers them: report ID in byte 0, 64 bytes for HID POS.
 */

/** Builds a 64-byte HID POS report in the Honeywell / Access-IS layout. */
export function aimReport(aim: string, data: string | readonly number[], options: { continued?: boolean; vendorSymbology?: number } = {}): Uint8Array {
  const bytes = typeof data === 'string' ? Array.from(Buffer.from(data, 'utf8')) : data;
  const report = new Uint8Array(64);
  report[0] = 0x02;
  report[1] = bytes.length;
  report.set(Array.from(aim, (c) => c.charCodeAt(0)), 2);
  report.set(bytes, 5);
  report[61] = options.vendorSymbology ?? 0;
  report[63] = options.continued ? 1 : 0;
  return report;
}

/** Builds a 64-byte HID POS report in the Newland layout (NLS-FM420 integration guide). */
export function newlandReport(data: string, options: { continued?: boolean; symbologyId?: number } = {}): Uint8Array {
  const bytes = Buffer.from(data, 'utf8');
  const report = new Uint8Array(64);
  report[0] = 0x02;
  report[1] = bytes.length;
  report.set(bytes, 2);
  report[62] = options.symbologyId ?? 0;
  report[63] = options.continued ? 1 : 0;
  return report;
}

/**
 * A real capture from a Honeywell Voyager 1602g in HID POS mode answering the REVINF menu command
 * (published in HenkVanAsselt/python_hon_usbhid, README): five full continuation reports and a
 * final one, AIM id "]X0", Honeywell code id 0x3F in byte 61, continuation flag in byte 63.
 */
export const HONEYWELL_1602G_REVINF: readonly (readonly number[])[] = [
  [2, 56, 93, 88, 48, 80, 114, 111, 100, 117, 99, 116, 32, 78, 97, 109, 101, 58, 32, 86, 111, 121, 97, 103, 101, 114, 32, 49, 54, 48, 50, 103, 13, 10, 66, 111, 111, 116, 32, 82, 101, 118, 105, 115, 105, 111, 110, 58, 32, 58, 32, 56, 57, 57, 50, 13, 10, 83, 111, 102, 116, 63, 0, 1],
  [2, 56, 93, 88, 48, 119, 97, 114, 101, 32, 80, 97, 114, 116, 32, 78, 117, 109, 98, 101, 114, 58, 32, 67, 87, 48, 48, 48, 48, 56, 50, 66, 66, 65, 13, 10, 83, 111, 102, 116, 119, 97, 114, 101, 32, 82, 101, 118, 105, 115, 105, 111, 110, 58, 32, 36, 80, 114, 111, 106, 101, 63, 0, 1],
  [2, 56, 93, 88, 48, 99, 116, 82, 101, 118, 105, 115, 105, 111, 110, 58, 32, 49, 54, 51, 52, 53, 32, 13, 10, 83, 101, 114, 105, 97, 108, 32, 78, 117, 109, 98, 101, 114, 58, 32, 49, 53, 50, 51, 50, 66, 49, 70, 48, 67, 13, 10, 83, 117, 112, 112, 111, 114, 116, 101, 100, 63, 0, 1],
  [2, 56, 93, 88, 48, 32, 73, 70, 58, 32, 66, 108, 117, 101, 116, 111, 111, 116, 104, 13, 10, 80, 67, 66, 32, 65, 115, 115, 101, 109, 98, 108, 121, 32, 73, 68, 58, 32, 48, 48, 48, 48, 48, 48, 13, 10, 69, 110, 103, 105, 110, 101, 32, 70, 105, 114, 109, 119, 97, 114, 101, 63, 0, 1],
  [2, 56, 93, 88, 48, 32, 84, 121, 112, 101, 58, 32, 78, 47, 65, 32, 32, 32, 82, 101, 118, 105, 115, 105, 111, 110, 58, 32, 78, 47, 65, 32, 32, 32, 83, 101, 114, 105, 97, 108, 32, 78, 117, 109, 98, 101, 114, 58, 32, 78, 47, 65, 32, 32, 32, 67, 104, 101, 99, 107, 115, 63, 0, 1],
  [2, 9, 93, 88, 48, 117, 109, 58, 32, 78, 47, 65, 13, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 63, 0, 0],
];

/** The same capture's text: the trailing CR LF is the scanner's suffix and is stripped. */
export const HONEYWELL_1602G_REVINF_TEXT =
  'Product Name: Voyager 1602g\r\nBoot Revision: : 8992\r\nSoftware Part Number: CW000082BBA\r\n' +
  'Software Revision: $ProjectRevision: 16345 \r\nSerial Number: 15232B1F0C\r\nSupported IF: Bluetooth\r\n' +
  'PCB Assembly ID: 000000\r\nEngine Firmware Type: N/A   Revision: N/A   Serial Number: N/A   Checksum: N/A';

/**
 * Modelled on the Access-IS LSR116/LSR118/ATR110 manuals' example: a 60-byte QR code (AIM "]Q0",
 * further symbology id 's') split into a 56-byte report with the continuation bit set and a 4-byte
 * final report whose unused data bytes are zero.
 */
export const ACCESS_IS_QR_FIRST = 'M1GATHERGOOD/MICHAEL YABCDEF LHRDURAK 3542 052Y003D23   ';
export const ACCESS_IS_QR_REST = ' 100';

/** Boot keyboard report (no report ID): modifiers, reserved, up to six usage IDs. */
export function keys(modifiers: number, ...usages: number[]): Uint8Array {
  const report = new Uint8Array(8);
  report[0] = modifiers;
  report.set(usages.slice(0, 6), 2);
  return report;
}

export const RELEASE = keys(0);
export const SHIFT = 0x02;
export const CTRL = 0x01;
export const ENTER = 0x28;
export const TAB = 0x2b;
/** Usage IDs of the digit keys 1–9, 0 (HID Usage Tables, Keyboard/Keypad page). */
export const DIGIT: Record<string, number> = { '1': 0x1e, '2': 0x1f, '3': 0x20, '4': 0x21, '5': 0x22, '6': 0x23, '7': 0x24, '8': 0x25, '9': 0x26, '0': 0x27 };

/** A keyboard-mode scanner typing `digits` + Enter the usual way: press report, release report, per key. */
export function typedDigits(digits: string): Uint8Array[] {
  const reports: Uint8Array[] = [];
  for (const d of digits) {
    const usage = DIGIT[d];
    if (usage === undefined) throw new Error(`not a digit: ${d}`);
    reports.push(keys(0, usage), RELEASE);
  }
  reports.push(keys(0, ENTER), RELEASE);
  return reports;
}
