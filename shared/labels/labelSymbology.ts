/**
 * Which barcode a label carries for a variant code (issue 14): the GTIN symbology when the code is
 * a valid GTIN of that length, Code 128 otherwise, or a reason no symbology we print can carry it.
 */
import { hasValidGtinCheckDigit } from '../catalog/barcode';

export type LabelSymbology = 'ean13' | 'upca' | 'ean8' | 'code128';

/**
 * Code 128 carries printable ASCII directly; anything else (accents, other scripts, control
 * characters) would need FNC4 or a code page that counter scanners do not agree on, so it is refused
 * rather than printed as a label that scans as something else.
 */
const CODE128_PRINTABLE = /^[\x20-\x7e]+$/;

/** Longest code put on a label; longer codes do not fit a 50 mm label at a scannable module width. */
export const MAX_LABEL_CODE_LENGTH = 48;

export type SymbologyChoice =
  | { readonly ok: true; readonly symbology: LabelSymbology }
  | { readonly ok: false; readonly reason: 'empty' | 'too_long' | 'character'; readonly character?: string };

const DIGITS = /^\d+$/;

export function chooseSymbology(code: string): SymbologyChoice {
  if (code.length === 0) return { ok: false, reason: 'empty' };
  if (DIGITS.test(code) && hasValidGtinCheckDigit(code)) {
    if (code.length === 13) return { ok: true, symbology: 'ean13' };
    if (code.length === 12) return { ok: true, symbology: 'upca' };
    if (code.length === 8) return { ok: true, symbology: 'ean8' };
  }
  if (!CODE128_PRINTABLE.test(code)) {
    const character = [...code].find((c) => !CODE128_PRINTABLE.test(c)) ?? '';
    return { ok: false, reason: 'character', character };
  }
  if (code.length > MAX_LABEL_CODE_LENGTH) return { ok: false, reason: 'too_long' };
  return { ok: true, symbology: 'code128' };
}

/** Quiet zones in modules on each side (GS1 General Specifications; ISO/IEC 15417 for Code 128). */
export const QUIET_ZONE_MODULES: Readonly<Record<LabelSymbology, { readonly left: number; readonly right: number }>> = {
  ean13: { left: 11, right: 7 },
  upca: { left: 9, right: 9 },
  ean8: { left: 7, right: 7 },
  code128: { left: 10, right: 10 },
};
