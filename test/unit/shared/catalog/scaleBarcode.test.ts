import { describe, expect, it } from 'vitest';
import { ean13 } from '../../../../main/simulator/ean13';
import {
  DEFAULT_SCALE_BARCODE_RULES,
  itemCodeCandidates,
  readScaleLabel,
  scaleBarcodeRuleSchema,
  scaleBarcodeRulesSchema,
  type ScaleBarcodeRule,
} from '../../../../shared/catalog/scaleBarcode';

const WEIGHT_21: ScaleBarcodeRule = { prefix: '21', itemDigits: 5, valueDigits: 5, value: 'weight', decimals: 3 };
const PRICE_20: ScaleBarcodeRule = { prefix: '20', itemDigits: 4, valueDigits: 6, value: 'price', decimals: 0 };
/** A one-digit prefix beside a two-digit one it overlaps, and a three-digit one. */
const PRICE_2: ScaleBarcodeRule = { prefix: '2', itemDigits: 5, valueDigits: 6, value: 'price', decimals: 0 };
const WEIGHT_250: ScaleBarcodeRule = { prefix: '250', itemDigits: 4, valueDigits: 5, value: 'weight', decimals: 2 };
const PRICE_23_CENTS: ScaleBarcodeRule = { prefix: '23', itemDigits: 5, valueDigits: 5, value: 'price', decimals: 2 };

describe('readScaleLabel', () => {
  it.each<[string, string, readonly ScaleBarcodeRule[], number, unknown]>([
    ['GS1 weight label: 1.234 kg of item 00042', ean13('210004201234'), DEFAULT_SCALE_BARCODE_RULES, 0, { ok: true, label: { kind: 'weight', itemCode: '00042', grams: 1234, rule: WEIGHT_21 } }],
    ['Indonesian price label: Rp 48.500 for PLU 0042', ean13('200042048500'), DEFAULT_SCALE_BARCODE_RULES, 0, { ok: true, label: { kind: 'price', itemCode: '0042', price: 48_500, rule: PRICE_20 } }],
    ['the longest matching prefix wins: 21… is a weight even beside a rule for 2', ean13('210004201234'), [PRICE_2, WEIGHT_21], 0, { ok: true, label: { kind: 'weight', itemCode: '00042', grams: 1234, rule: WEIGHT_21 } }],
    ['a one-digit prefix takes six value digits', ean13('277777123456'), [PRICE_2, WEIGHT_21], 0, { ok: true, label: { kind: 'price', itemCode: '77777', price: 123_456, rule: PRICE_2 } }],
    ['a three-digit prefix, weight with 2 decimals (10 g steps)', ean13('250123400150'), [PRICE_2, WEIGHT_250], 0, { ok: true, label: { kind: 'weight', itemCode: '1234', grams: 1500, rule: WEIGHT_250 } }],
    ['price with 2 decimals on a 2-decimal currency', ean13('230004212345'), [PRICE_23_CENTS], 2, { ok: true, label: { kind: 'price', itemCode: '00042', price: 12_345, rule: PRICE_23_CENTS } }],
    ['price with 2 decimals on rupiah, whole', ean13('230004212300'), [PRICE_23_CENTS], 0, { ok: true, label: { kind: 'price', itemCode: '00042', price: 123, rule: PRICE_23_CENTS } }],
    ['price with 2 decimals on rupiah, with cents: refused, not rounded', ean13('230004212345'), [PRICE_23_CENTS], 0, { ok: false, problem: 'price_not_exact', rule: PRICE_23_CENTS }],
    ['a zero weight is refused', ean13('210004200000'), DEFAULT_SCALE_BARCODE_RULES, 0, { ok: false, problem: 'zero_value', rule: WEIGHT_21 }],
    ['a price on a zero-decimal rule shifts up for a 2-decimal currency', ean13('200042048500'), DEFAULT_SCALE_BARCODE_RULES, 2, { ok: true, label: { kind: 'price', itemCode: '0042', price: 4_850_000, rule: PRICE_20 } }],
  ])('%s', (_name, code, rules, decimals, expected) => {
    expect(readScaleLabel(code, rules, decimals)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['an ordinary Indonesian EAN-13 (899…)', ean13('899276111101')],
    ['a 2x code with a wrong check digit', ean13('210004201234').replace(/.$/, (d) => String((Number(d) + 1) % 10))],
    ['a 12-digit UPC-A', '210004201234'],
    ['letters', '21000420123AB'],
    ['a prefix no rule has (29)', ean13('290004201234')],
  ])('is not a scale label: %s', (_name, code) => {
    expect(readScaleLabel(code, DEFAULT_SCALE_BARCODE_RULES, 0)).toBeNull();
  });

  it('refuses a weight beyond a tonne as a misread', () => {
    const tonnes: ScaleBarcodeRule = { prefix: '22', itemDigits: 4, valueDigits: 6, value: 'weight', decimals: 0 };
    expect(readScaleLabel(ean13('220042001001'), [tonnes], 0)).toEqual({ ok: false, problem: 'too_heavy', rule: tonnes });
  });
});

describe('scale barcode rules', () => {
  it.each<[string, unknown, string]>([
    ['digits that do not add up to 12', { ...WEIGHT_21, valueDigits: 4 }, 'valueDigits'],
    ['a weight with 4 decimals', { ...WEIGHT_21, decimals: 4 }, 'decimals'],
    ['a prefix with a letter', { ...WEIGHT_21, prefix: '2A' }, 'prefix'],
    ['an empty prefix', { ...WEIGHT_21, prefix: '', itemDigits: 7 }, 'prefix'],
  ])('refuses %s, naming the field', (_name, rule, field) => {
    const parsed = scaleBarcodeRuleSchema.safeParse(rule);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('refuses two rules with the same prefix and accepts the defaults', () => {
    expect(scaleBarcodeRulesSchema.safeParse([WEIGHT_21, { ...WEIGHT_21, value: 'price', decimals: 0 }]).success).toBe(false);
    expect(scaleBarcodeRulesSchema.safeParse(DEFAULT_SCALE_BARCODE_RULES).success).toBe(true);
  });

  it('looks the item up as printed, then without leading zeros', () => {
    expect(itemCodeCandidates('00042')).toEqual(['00042', '42']);
    expect(itemCodeCandidates('4200')).toEqual(['4200']);
    expect(itemCodeCandidates('00000')).toEqual(['00000', '0']);
  });
});
