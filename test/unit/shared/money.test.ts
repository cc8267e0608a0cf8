import { describe, expect, it } from 'vitest';
import { formatMoney, fromMajor, mulDivRound, parseMoneyInput, percentOf, toMajor } from '../../../shared/money';

describe('money', () => {
  it.each([
    [1000, 1, 3, 333],
    [1000, 2, 3, 667],
    [5, 1, 2, 3], // half rounds away from zero
    [-5, 1, 2, -3],
    [0, 7, 9, 0],
  ])('mulDivRound(%i, %i, %i) = %i', (value, num, den, expected) => {
    expect(mulDivRound(value, num, den)).toBe(expected);
  });

  it('stays exact where float multiplication would drift', () => {
    // 9_007_199_254_740 × 1_000 exceeds 2^53 before dividing; BigInt keeps it exact.
    expect(mulDivRound(9_007_199_254_740, 1_000, 1_000)).toBe(9_007_199_254_740);
    expect(percentOf(19_999, 1_100)).toBe(2_200); // 11 % of 19,999 = 2,199.89 → 2,200
    expect(0.1 + 0.2).not.toBe(0.3); // the drift this module exists to avoid
    expect(toMajor(10 + 20, 2)).toBe(0.3);
  });

  it('refuses a result outside the safe integer range', () => {
    expect(() => mulDivRound(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(RangeError);
  });

  it('formats rupiah without decimals and other currencies with theirs', () => {
    expect(formatMoney(12_500).replace(/\s/g, ' ')).toBe('Rp 12.500');
    expect(formatMoney(1_234_56, { decimals: 2, currency: 'USD', locale: 'en-US' })).toBe('$1,234.56');
  });

  it('parses what a cashier types, and nothing else', () => {
    expect(parseMoneyInput('12.500', 0)).toBe(12_500);
    expect(parseMoneyInput('Rp 50000', 0)).toBe(50_000);
    expect(parseMoneyInput('12,5', 2)).toBe(1_250);
    expect(parseMoneyInput('12.345', 2)).toBeNull();
    expect(parseMoneyInput('-5', 0)).toBeNull();
    expect(parseMoneyInput('abc', 0)).toBeNull();
    expect(parseMoneyInput('', 0)).toBeNull();
  });

  it('converts DealPOS major units back exactly, rejecting extra precision', () => {
    expect(fromMajor(145000, 0)).toBe(145_000);
    expect(fromMajor(12.34, 2)).toBe(1_234);
    expect(() => fromMajor(12.345, 2)).toThrow(RangeError);
  });
});
