/**
 * Pure normalisation of scanned or typed item codes. The catalog stores every variant under the
 * `lookupKey` of its code, and the resolver looks codes up by the same key, so a UPC-A label and the
 * zero-padded EAN-13 printed on another batch of the same item find the same variant.
 */

/** Longest code we accept; DealPOS variant codes are short SKUs or GTINs, anything longer is a misread. */
export const MAX_CODE_LENGTH = 64;

export type Symbology = 'ean13' | 'upca' | 'ean8' | 'other';

export type InvalidCodeReason = 'empty' | 'too_long' | 'control_characters' | 'check_digit';

export type NormalizedCode =
  | {
      readonly ok: true;
      /** The code as scanned, minus whitespace and symbology prefix. */
      readonly code: string;
      /** Key the catalog is indexed by: EAN-13 for UPC-A/EAN-13, upper case for other codes. */
      readonly lookupKey: string;
      readonly symbology: Symbology;
    }
  | {
      readonly ok: false;
      readonly reason: InvalidCodeReason;
      /** The cleaned code (truncated), for messages; never used for lookups. */
      readonly code: string;
      /**
       * Only for `check_digit`: a store may use 8/12/13-digit internal codes that are not GTINs,
       * so the resolver still tries an exact cache hit on this key before calling the code invalid.
       */
      readonly fallbackKey: string | null;
    };

/** AIM symbology identifier: `]`, a code character, a modifier character (e.g. `]E0` for EAN-13). */
const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we reject
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const DIGITS = /^[0-9]+$/;

/** GS1 mod-10 check: weights 3,1,3,… from the rightmost data digit. */
export function hasValidGtinCheckDigit(digits: string): boolean {
  if (!DIGITS.test(digits) || digits.length < 2) return false;
  let sum = 0;
  const body = digits.length - 1;
  for (let i = 0; i < body; i++) {
    const digit = digits.charCodeAt(body - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  const check = (10 - (sum % 10)) % 10;
  return check === digits.charCodeAt(body) - 48;
}

function classify(code: string): Symbology {
  if (!DIGITS.test(code)) return 'other';
  if (code.length === 13) return 'ean13';
  if (code.length === 12) return 'upca';
  if (code.length === 8) return 'ean8';
  return 'other';
}

/** The catalog key of a code that is already known to be clean (used when storing variants). */
export function lookupKeyOf(code: string): string {
  const symbology = classify(code);
  if (symbology === 'upca' && hasValidGtinCheckDigit(code)) return `0${code}`;
  return code.toUpperCase();
}

/** Trims, strips an AIM symbology prefix, rejects garbage and checks GTIN check digits. */
export function normalizeCode(raw: string): NormalizedCode {
  let code = raw.trim();
  if (AIM_PREFIX.test(code)) code = code.slice(3).trim();
  if (code.length === 0) return { ok: false, reason: 'empty', code: '', fallbackKey: null };
  if (code.length > MAX_CODE_LENGTH) {
    return { ok: false, reason: 'too_long', code: `${code.slice(0, 24)}…`, fallbackKey: null };
  }
  if (CONTROL.test(code)) {
    return { ok: false, reason: 'control_characters', code: code.replace(new RegExp(CONTROL, 'g'), '?'), fallbackKey: null };
  }
  const symbology = classify(code);
  if (symbology !== 'other' && !hasValidGtinCheckDigit(code)) {
    return { ok: false, reason: 'check_digit', code, fallbackKey: code.toUpperCase() };
  }
  return { ok: true, code, lookupKey: lookupKeyOf(code), symbology };
}
