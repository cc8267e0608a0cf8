import { AIM_IDENTIFIER } from '../../shared/scanner/scanEvent';

/**
 * The HID POS report layouts the app reads, told apart by the bytes of each report (as node-hid
 * hands them over: report ID in byte 0, 64 bytes in all), not by the vendor id alone:
 *
 * `aim` — Honeywell and Access-IS (Access-IS LSR116/LSR118/ATR110 manuals; WebHidBarcodeScanner):
 *   0: report ID 0x02 · 1: data length (0–56) · 2–4: AIM identifier "]xy" · 5–60: data
 *   61: vendor symbology id · 62: reserved · 63: bit 0 = more reports of this scan follow
 * `zebra` — Zebra/Symbol (vendor 0x05E0; capture in mgaffigan/Itp.HidBarcodeScanner), one pad byte
 * before the AIM identifier:
 *   0: report ID 0x02 · 1: data length (0–56) · 2: 0x00 · 3–5: AIM identifier · 6–61: data
 *   62: vendor symbology id · 63: bit 0 = more reports follow
 * `newland` — Newland (NLS-FM420 integration guide), no AIM identifier in the report:
 *   0: report ID 0x02 · 1: data length (0–56) · 2–57: data · 58–61: reserved
 *   62: Newland symbology id · 63: bit 0 = continued
 */
export type HidPosLayout = 'aim' | 'zebra' | 'newland';

export const HID_POS_REPORT_SIZE = 64;
export const MAX_DATA_PER_REPORT = 56;
const AIM_START = 0x5d; // ']'
const PAD = 0x00;

export interface LayoutReading {
  readonly layout: HidPosLayout;
  readonly symbology: string | null;
  readonly dataStart: number;
}

/** What the bytes say about a report's layout; a report that names no layout is `unmarked`. */
export type LayoutDetection =
  | { readonly kind: 'marked'; readonly reading: LayoutReading }
  | { readonly kind: 'bad_symbology' }
  | { readonly kind: 'unmarked' };

function aimAt(report: Uint8Array, at: number): string {
  return String.fromCharCode(report[at] ?? 0, report[at + 1] ?? 0, report[at + 2] ?? 0);
}

/**
 * A "]" in byte 2 is the AIM layout; a zero pad in byte 2 and "]" in byte 3 is Zebra's. A "]"
 * followed by something that is not an AIM identifier is malformed, never data: reading it as data
 * would put the marker into the code.
 */
export function detectLayout(report: Uint8Array): LayoutDetection {
  if (report[2] === AIM_START) {
    const symbology = aimAt(report, 2);
    return AIM_IDENTIFIER.test(symbology) ? { kind: 'marked', reading: { layout: 'aim', symbology, dataStart: 5 } } : { kind: 'bad_symbology' };
  }
  if (report[2] === PAD && report[3] === AIM_START) {
    const symbology = aimAt(report, 3);
    return AIM_IDENTIFIER.test(symbology) ? { kind: 'marked', reading: { layout: 'zebra', symbology, dataStart: 6 } } : { kind: 'bad_symbology' };
  }
  return { kind: 'unmarked' };
}

/** Newland's layout carries no marker, so it is only read from a Newland device, and only when no marker is present. */
export const NEWLAND_READING: LayoutReading = { layout: 'newland', symbology: null, dataStart: 2 };
