/**
 * Price- and weight-embedded EAN-13 labels, as shop scales print them for fresh produce, meat and
 * bakery: a GS1 in-store prefix (20–29, or 02), the item code, a price or a weight, and the check
 * digit. Rules are configured like Odoo's barcode nomenclature (prefix, item-code digits, value
 * digits, price or weight, decimals). Pure: the checkout decides what to do with a reading.
 */
import { z } from 'zod';
import type { Money } from '../money';
import { MAX_WEIGHT_GRAMS } from '../sale/sale';
import { text } from '../text/text';
import { hasValidGtinCheckDigit } from './barcode';

/** EAN-13 without its check digit: prefix + item code + value fill exactly this many digits. */
export const SCALE_LABEL_DIGITS = 12;
export const MAX_SCALE_RULES = 10;

export const scaleBarcodeRuleSchema = z
  .object({
    /** The label's first digits; a longer prefix wins over a shorter one it starts with. */
    prefix: text({ max: 5 }).pipe(z.string().regex(/^[0-9]{1,5}$/, 'Use 1 to 5 digits')),
    /** Digits after the prefix that name the item; the catalog holds the item under them, without the prefix. */
    itemDigits: z.number().int().min(1).max(10),
    valueDigits: z.number().int().min(1).max(10),
    /** `price`: the label's price in currency units; `weight`: kilograms. */
    value: z.enum(['price', 'weight']),
    /** Decimals in the value digits: 3 for a weight in grams; for a price, the currency's at most. */
    decimals: z.number().int().min(0).max(4),
  })
  .strict()
  .refine((rule) => rule.prefix.length + rule.itemDigits + rule.valueDigits === SCALE_LABEL_DIGITS, {
    message: 'Prefix, item-code and value digits must add up to 12 (the 13th digit is the check digit)',
    path: ['valueDigits'],
  })
  .refine((rule) => rule.value === 'price' || rule.decimals <= 3, { message: 'A weight has at most 3 decimals (grams)', path: ['decimals'] });
export type ScaleBarcodeRule = z.infer<typeof scaleBarcodeRuleSchema>;

export const scaleBarcodeRulesSchema = z
  .array(scaleBarcodeRuleSchema)
  .max(MAX_SCALE_RULES)
  .refine((rules) => new Set(rules.map((r) => r.prefix)).size === rules.length, 'Two rules must not share a prefix');

/**
 * Defaults: `20` is the Indonesian price label (4-digit PLU, price in whole rupiah up to
 * 999,999, which five digits could not hold); `21` is GS1's and Odoo's weight label (5-digit item,
 * kilograms with 3 decimals, up to 99.999 kg).
 */
export const DEFAULT_SCALE_BARCODE_RULES: readonly ScaleBarcodeRule[] = [
  { prefix: '20', itemDigits: 4, valueDigits: 6, value: 'price', decimals: 0 },
  { prefix: '21', itemDigits: 5, valueDigits: 5, value: 'weight', decimals: 3 },
];

export type ScaleLabel =
  | { readonly kind: 'weight'; readonly itemCode: string; readonly grams: number; readonly rule: ScaleBarcodeRule }
  | { readonly kind: 'price'; readonly itemCode: string; readonly price: Money; readonly rule: ScaleBarcodeRule };

/** A label a rule claims but whose value cannot be sold: nothing on the label is worth guessing. */
export type ScaleLabelProblem = 'zero_value' | 'too_heavy' | 'price_not_exact';

export type ScaleLabelReading = { readonly ok: true; readonly label: ScaleLabel } | { readonly ok: false; readonly problem: ScaleLabelProblem; readonly rule: ScaleBarcodeRule };

const THIRTEEN_DIGITS = /^[0-9]{13}$/;

/** The rule with the longest prefix the code starts with, so `21` beats `2` and prefix lengths may differ. */
function ruleFor(code: string, rules: readonly ScaleBarcodeRule[]): ScaleBarcodeRule | null {
  let best: ScaleBarcodeRule | null = null;
  for (const rule of rules) {
    if (code.startsWith(rule.prefix) && (best === null || rule.prefix.length > best.prefix.length)) best = rule;
  }
  return best;
}

/**
 * Reads `code` (a cleaned scan) as a scale label: null when it is not an EAN-13 with a good check
 * digit or no rule's prefix matches. Weights become whole grams, prices whole minor units of a
 * currency with `currencyDecimals`, so nothing downstream ever holds a fraction.
 */
export function readScaleLabel(code: string, rules: readonly ScaleBarcodeRule[], currencyDecimals: number): ScaleLabelReading | null {
  if (!THIRTEEN_DIGITS.test(code) || !hasValidGtinCheckDigit(code)) return null;
  const rule = ruleFor(code, rules);
  if (!rule) return null;
  const itemEnd = rule.prefix.length + rule.itemDigits;
  const itemCode = code.slice(rule.prefix.length, itemEnd);
  const value = Number(code.slice(itemEnd, SCALE_LABEL_DIGITS));
  if (value === 0) return { ok: false, problem: 'zero_value', rule };
  if (rule.value === 'weight') {
    const grams = value * 10 ** (3 - rule.decimals);
    if (grams > MAX_WEIGHT_GRAMS) return { ok: false, problem: 'too_heavy', rule };
    return { ok: true, label: { kind: 'weight', itemCode, grams, rule } };
  }
  const shift = currencyDecimals - rule.decimals;
  if (shift >= 0) return { ok: true, label: { kind: 'price', itemCode, price: value * 10 ** shift, rule } };
  const unit = 10 ** -shift;
  // A label with more decimals than the currency (cents on a rupiah store) is refused, not rounded.
  if (value % unit !== 0) return { ok: false, problem: 'price_not_exact', rule };
  return { ok: true, label: { kind: 'price', itemCode, price: value / unit, rule } };
}

/**
 * Codes the catalog may hold the item under: as printed, then without leading zeros (a PLU "00042"
 * entered in the back office as "42").
 */
export function itemCodeCandidates(itemCode: string): string[] {
  const trimmed = itemCode.replace(/^0+(?=.)/, '');
  return trimmed === itemCode ? [itemCode] : [itemCode, trimmed];
}
