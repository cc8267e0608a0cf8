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

/** Builds a 64-byte HID POS report in the Zebra/Symbol layout of the captures below (pad byte, then the AIM id). */
export function zebraReport(aim: string, data: string, options: { continued?: boolean } = {}): Uint8Array {
  const bytes = Buffer.from(data, 'utf8');
  const report = new Uint8Array(64);
  report[0] = 0x02;
  report[1] = bytes.length;
  report.set(Array.from(aim, (c) => c.charCodeAt(0)), 3);
  report.set(bytes, 6);
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

/**
 * Real captures published in mgaffigan/Itp.HidBarcodeScanner (MIT), file NativeHidDemo/Examples.txt
 * (commit d29331b, "Added example of raw HID Data"), read on Windows with the report ID in byte 0,
 * as node-hid hands reports over. Hex exactly as printed there.
 *
 * Zebra/Symbol, vendor 0x05E0, product 0x2100 (`hid#vid_05e0&pid_2100`): a pad byte 0x00 in byte 2,
 * the AIM identifier in bytes 3–5, data from byte 6, vendor symbology id in byte 62, "more follows"
 * in byte 63. A 12-digit UPC-A (AIM "]Xg", as the scanner sent it), then a QR code of eight reports.
 */
export const ZEBRA_05E0_2100_UPC_HEX = '020c005d586733303630333032303932323300000000000000000000000000000000000000000000000000000000000000000000000000000000000000006300';
export const ZEBRA_05E0_2100_QR_HEX: readonly string[] = [
  '0238005d51314c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e73656374657475722061646970697363696e6720656c69742c7301',
  '0238005d51312073656420646f20656975736d6f642074656d706f7220696e6369646964756e74207574206c61626f726520657420646f6c6f7265206d617301',
  '0238005d5131676e6120616c697175612e20557420656e696d206164206d696e696d2076656e69616d2c2071756973206e6f7374727564206578657263697301',
  '0238005d5131746174696f6e20756c6c616d636f206c61626f726973206e69736920757420616c697175697020657820656120636f6d6d6f646f20636f6e7301',
  '0238005d51317365717561742e2044756973206175746520697275726520646f6c6f7220696e20726570726568656e646572697420696e20766f6c7570747301',
  '0238005d51316174652076656c697420657373652063696c6c756d20646f6c6f726520657520667567696174206e756c6c612070617269617475722e20457301',
  '0238005d513178636570746575722073696e74206f6363616563617420637570696461746174206e6f6e2070726f6964656e742c2073756e7420696e20637301',
  '0235005d5131756c706120717569206f666669636961206465736572756e74206d6f6c6c697420616e696d20696420657374206c61626f72756d2e0000007300',
];

/** The same UPC-A and QR code from a Honeywell (vendor 0x0C2E, product 0x1007) in the AIM layout, same file. */
export const HONEYWELL_0C2E_1007_UPC_HEX = '020c5d45303330363033303230393232330000000000000000000000000000000000000000000000000000000000000000000000000000000000000000634100';
export const HONEYWELL_0C2E_1007_QR_HEX: readonly string[] = [
  '02385d51314c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e73656374657475722061646970697363696e6720656c69742c733101',
  '02385d51312073656420646f20656975736d6f642074656d706f7220696e6369646964756e74207574206c61626f726520657420646f6c6f7265206d61733101',
  '02385d5131676e6120616c697175612e20557420656e696d206164206d696e696d2076656e69616d2c2071756973206e6f737472756420657865726369733101',
  '02385d5131746174696f6e20756c6c616d636f206c61626f726973206e69736920757420616c697175697020657820656120636f6d6d6f646f20636f6e733101',
  '02385d51317365717561742e2044756973206175746520697275726520646f6c6f7220696e20726570726568656e646572697420696e20766f6c757074733101',
  '02385d51316174652076656c697420657373652063696c6c756d20646f6c6f726520657520667567696174206e756c6c612070617269617475722e2045733101',
  '02385d513178636570746575722073696e74206f6363616563617420637570696461746174206e6f6e2070726f6964656e742c2073756e7420696e2063733101',
  '02355d5131756c706120717569206f666669636961206465736572756e74206d6f6c6c697420616e696d20696420657374206c61626f72756d2e000000733100',
];

/** What both captures' UPC-A and QR code say. */
export const CAPTURED_UPC = '306030209223';
export const CAPTURED_LOREM_QR =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ' +
  'Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure ' +
  'dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non ' +
  'proident, sunt in culpa qui officia deserunt mollit anim id est laborum.';

export function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

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

/**
 * A real keyboard-mode capture from node-hid/node-hid issue #323 ("get data from barcode scanner"):
 * a scan of 6957842208856 typed as press/release reports and Enter, followed by the scanner's
 * Ctrl+Shift (modifiers 0x03) + J chord, which types LF (0x0A) and is left behind in the buffer.
 */
export const NODE_HID_323_SCAN_THEN_CHORD_HEX: readonly string[] = [
  '0000000000000000', '0000230000000000', '0000000000000000', '0000260000000000', '0000000000000000',
  '0000220000000000', '0000000000000000', '0000240000000000', '0000000000000000', '0000250000000000',
  '0000000000000000', '0000210000000000', '0000000000000000', '00001f0000000000', '0000000000000000',
  '00001f0000000000', '0000000000000000', '0000270000000000', '0000000000000000', '0000250000000000',
  '0000000000000000', '0000250000000000', '0000000000000000', '0000220000000000', '0000000000000000',
  '0000230000000000', '0000000000000000', '0000280000000000', '0000000000000000', '0300000000000000',
  '03000d0000000000', '0300000000000000', '0000000000000000',
];
export const NODE_HID_323_CODE = '6957842208856';
