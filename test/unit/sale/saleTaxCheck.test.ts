/**
 * sale.complete does not take the renderer's tax rule on trust: it must be the rule the configured
 * tax type gets from main's cached DealPOS tax list. Real SQLite file; nothing is saved on refusal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SaleService, SaleValidationError } from '../../../main/sale/saleService';
import { OutboxStore } from '../../../main/store/outboxStore';
import type { TaxOption } from '../../../shared/contract/settings';
import { NO_TAX, type TaxRule } from '../../../shared/sale/sale';
import { paidSale, SETTINGS, tempDatabase } from '../outbox/fixtures';
import { thrownBy } from '../../support/thrownBy';

const INCLUSIVE: TaxOption = { id: 'i', name: 'PPN 11% Inclusive', rateBasisPoints: 1_100, inclusive: true };
const EXCLUSIVE: TaxOption = { id: 'e', name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false };
const inclusiveRule: TaxRule = { name: INCLUSIVE.name, rateBasisPoints: 1_100, inclusive: true };

let db: ReturnType<typeof tempDatabase>;
beforeEach(() => {
  db = tempDatabase();
});
afterEach(() => db.cleanup());

function service(taxType: string | null, taxes: readonly TaxOption[] | null): SaleService {
  return new SaleService({ store: new OutboxStore(db.opened.db), settings: () => ({ ...SETTINGS, taxType }), taxes: () => taxes });
}

/** Cash covers the sale under any tax here, so only the tax can be wrong. */
function sale(tax: TaxRule): ReturnType<typeof paidSale> {
  return paidSale({ tax, payments: [{ method: 'Cash', amount: 500_000, cash: true }] });
}

function savedSales(): number {
  return (db.opened.db.prepare('SELECT COUNT(*) AS n FROM sale').get() as { n: number }).n;
}

describe('sale.complete tax check', () => {
  it('accepts the rule the configured tax option gives', () => {
    const completed = service(INCLUSIVE.name, [EXCLUSIVE, INCLUSIVE]).complete(sale(inclusiveRule));
    expect(completed.totals.tax).toBeGreaterThan(0);
    expect(savedSales()).toBe(1);
  });

  it('refuses a rule whose inclusiveness or rate differs from the option, with a validation issue at sale.tax', () => {
    const sales = service(INCLUSIVE.name, [INCLUSIVE]);
    for (const tax of [{ ...inclusiveRule, inclusive: false }, { ...inclusiveRule, rateBasisPoints: 1_000 }, NO_TAX]) {
      const error = thrownBy(SaleValidationError, () => sales.complete(sale(tax)));
      expect(error.code).toBe('validation');
      expect(error.issues).toEqual([{ path: 'sale.tax', message: expect.stringContaining('"PPN 11% Inclusive" 11% included in prices') }]);
    }
    expect(savedSales()).toBe(0);
  });

  it('refuses a different tax type than the configured one', () => {
    const error = thrownBy(SaleValidationError, () => service(EXCLUSIVE.name, [EXCLUSIVE, INCLUSIVE]).complete(sale(inclusiveRule)));
    expect(error.issues?.[0]?.path).toBe('sale.tax');
  });

  it('expects No Tax when no tax type is configured', () => {
    expect(() => service(null, [INCLUSIVE]).complete(sale(NO_TAX))).not.toThrow();
    expect(thrownBy(SaleValidationError, () => service(null, [INCLUSIVE]).complete(sale(inclusiveRule))).issues?.[0]?.path).toBe('sale.tax');
  });

  it('expects the No Tax fallback when its cached list does not know the configured type (never fetched)', () => {
    expect(() => service(INCLUSIVE.name, null).complete(sale(NO_TAX))).not.toThrow();
    expect(thrownBy(SaleValidationError, () => service(INCLUSIVE.name, null).complete(sale(inclusiveRule))).issues?.[0]?.path).toBe('sale.tax');
  });
});
