import { z } from 'zod';

/** Where a scan came from: a HID POS scanner, a keyboard-mode scanner read through HID, or keys typed into the window. */
export type ScanSource = 'hid-pos' | 'hid-keyboard' | 'wedge';

/** The one event every scanner source produces; the checkout consumes only this. */
export interface ScanEvent {
  readonly code: string;
  /** AIM symbology identifier such as `]E0` (EAN-13/UPC-A) when the scanner reports one, otherwise null. */
  readonly symbology: string | null;
  readonly source: ScanSource;
  /** ISO 8601 with offset. */
  readonly at: string;
}

/** Longest code we accept from any source; real barcodes (even 2D ones at a counter) stay far below it. */
export const MAX_SCAN_CODE_LENGTH = 4096;

/** AIM identifiers are `]` + symbology character + modifier character (ISO/IEC 15424). */
export const AIM_IDENTIFIER = /^\][A-Za-z][0-9A-Za-z]$/;

export const scanEventSchema = z
  .object({
    code: z.string().min(1).max(MAX_SCAN_CODE_LENGTH),
    symbology: z.string().regex(AIM_IDENTIFIER).nullable(),
    source: z.enum(['hid-pos', 'hid-keyboard', 'wedge']),
    at: z.iso.datetime({ offset: true }),
  })
  .strict();
