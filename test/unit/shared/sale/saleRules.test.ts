import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type SettingsOptions } from '../../../../shared/contract/settings';
import { NO_TAX } from '../../../../shared/sale/sale';
import { paymentMethodRules, saleRulesFromSettings, taxRuleFor } from '../../../../shared/sale/saleRules';

const options: SettingsOptions = {
  outlets: [],
  paymentMethods: [
    { id: '1', name: 'Tunai', type: 'Cash' },
    { id: '2', name: 'BCA Debit', type: 'Card' },
  ],
  taxes: [
    { id: 't', name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false },
    // Deliberately named without "inclusive": only DealPOS's Type decides, never the name.
    { id: 'i', name: 'PPN Retail', rateBasisPoints: 1_150, inclusive: true },
  ],
  source: 'cache',
  fetchedAt: null,
};

describe('sale rules from settings', () => {
  it('takes the tax rate and whether prices include it from the DealPOS tax option', () => {
    expect(taxRuleFor('PPN 11%', options.taxes)).toEqual({ tax: { name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false }, taxFallback: null });
    expect(taxRuleFor('PPN Retail', options.taxes)).toEqual({ tax: { name: 'PPN Retail', rateBasisPoints: 1_150, inclusive: true }, taxFallback: null });
  });

  it('ignores what the name says about inclusiveness', () => {
    const taxes = [{ id: 'x', name: 'PPN 11% Inclusive', rateBasisPoints: 1_100, inclusive: false }];
    expect(taxRuleFor('PPN 11% Inclusive', taxes).tax.inclusive).toBe(false);
  });

  it('prices without tax when no tax type is configured, or it is "No Tax", without a warning', () => {
    expect(taxRuleFor(null, options.taxes)).toEqual({ tax: NO_TAX, taxFallback: null });
    expect(taxRuleFor('No Tax', [])).toEqual({ tax: NO_TAX, taxFallback: null });
  });

  it('falls back to No Tax and names the configured type when the tax list does not know it', () => {
    // E.g. offline with a cache from an older version (ignored) or never fetched.
    expect(taxRuleFor('PPN 11% Inclusive', [])).toEqual({ tax: NO_TAX, taxFallback: 'PPN 11% Inclusive' });
    const rules = saleRulesFromSettings({ ...DEFAULT_SETTINGS, taxType: 'PPN 12%' }, options);
    expect(rules.tax).toEqual(NO_TAX);
    expect(rules.taxFallback).toBe('PPN 12%');
  });

  it('turns percent limits into basis points and keeps the point value', () => {
    const rules = saleRulesFromSettings({ ...DEFAULT_SETTINGS, maxLineDiscountPercent: 15, maxSaleDiscountPercent: 5, loyaltyPointValue: 100 }, null);
    expect(rules.lineDiscountLimit).toEqual({ maxBasisPoints: 1_500, maxAmount: null });
    expect(rules.saleDiscountLimit.maxBasisPoints).toBe(500);
    expect(rules.pointValue).toBe(100);
  });

  it('knows which methods are cash by DealPOS type, else by name', () => {
    const settings = { ...DEFAULT_SETTINGS, paymentMethods: ['Tunai', 'BCA Debit', 'Cash', 'OVO'] };
    expect(paymentMethodRules(settings, options)).toEqual([
      { name: 'Tunai', cash: true },
      { name: 'BCA Debit', cash: false },
      { name: 'Cash', cash: true },
      { name: 'OVO', cash: false },
    ]);
  });
});
