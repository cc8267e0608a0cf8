import { describe, expect, it } from 'vitest';
import { DealPosBadResponseError } from '../../../main/dealpos/errors';
import { percentToBasisPoints, taxIsInclusive, taxOptionFromDealPos, taxOptionsFromDealPos } from '../../../main/dealpos/taxOption';
import { TaxesSchema } from '../../../main/dealpos/schemas';
import { thrownBy } from '../../support/thrownBy';

describe('DealPOS Tax Rate → basis points', () => {
  it('converts percents with up to two decimals exactly', () => {
    expect(percentToBasisPoints(11)).toBe(1_100);
    expect(percentToBasisPoints(11.5)).toBe(1_150);
    expect(percentToBasisPoints(0)).toBe(0);
    expect(percentToBasisPoints(100)).toBe(10_000);
    // 0.07 * 100 is 7.000000000000001 in binary floating point; it is still exactly 7 bp.
    expect(percentToBasisPoints(0.07)).toBe(7);
    expect(percentToBasisPoints(12.34)).toBe(1_234);
  });

  it('refuses rates that do not convert exactly or are out of range', () => {
    for (const rate of [11.555, 0.001, -1, 100.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(percentToBasisPoints(rate), String(rate)).toBeNull();
    }
  });
});

describe('DealPOS Tax Type → inclusive', () => {
  it('reads Inclusive / Exclusive in any case and nothing else', () => {
    expect(taxIsInclusive('Inclusive')).toBe(true);
    expect(taxIsInclusive('inclusive')).toBe(true);
    expect(taxIsInclusive('Exclusive')).toBe(false);
    expect(taxIsInclusive(' EXCLUSIVE ')).toBe(false);
    expect(taxIsInclusive('Included')).toBeNull();
    expect(taxIsInclusive('')).toBeNull();
    expect(taxIsInclusive(null)).toBeNull();
    expect(taxIsInclusive(undefined)).toBeNull();
  });
});

describe('DealPOS Tax rows → tax options', () => {
  it('maps ID, Name, Rate and Type (a string Rate is parsed by the schema first)', () => {
    const rows = TaxesSchema.parse([
      { ID: 7, Name: 'PPN 11%', Rate: 11, Type: 'Exclusive' },
      { ID: 'g-1', Name: 'PB1', Rate: '11.5', Type: 'Inclusive' },
    ]);
    expect(taxOptionsFromDealPos(rows)).toEqual([
      { id: '7', name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false },
      { id: 'g-1', name: 'PB1', rateBasisPoints: 1_150, inclusive: true },
    ]);
  });

  it('refuses an inexact Rate with a typed error naming the row and field', () => {
    const error = thrownBy(DealPosBadResponseError, () => taxOptionFromDealPos({ ID: 1, Name: 'Odd', Rate: 11.555, Type: 'Exclusive' }, 2));
    expect(error.code).toBe('bad_response');
    expect(error.endpoint).toBe('Tax');
    expect(error.field).toBe('[2].Rate');
    expect(error.message).toContain('Odd');
  });

  it('refuses an unknown or missing Type instead of guessing', () => {
    expect(thrownBy(DealPosBadResponseError, () => taxOptionFromDealPos({ ID: 1, Name: 'X', Rate: 10, Type: 'Included' }, 0)).field).toBe('[0].Type');
    expect(thrownBy(DealPosBadResponseError, () => taxOptionFromDealPos({ ID: 1, Name: 'X', Rate: 10, Type: null }, 1)).field).toBe('[1].Type');
  });
});
