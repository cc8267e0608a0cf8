import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type SettingsOptions } from '../../../../shared/contract/settings';
import { paymentMethodRules, saleRulesFromSettings, taxRuleFor } from '../../../../shared/sale/saleRules';

const options: SettingsOptions = {
  outlets: [],
  paymentMethods: [
    { id: '1', name: 'Tunai', type: 'Cash' },
    { id: '2', name: 'BCA Debit', type: 'Card' },
  ],
  taxes: [{ id: 't', name: 'PPN 11%', ratePercent: 11 }],
  source: 'cache',
  fetchedAt: null,
};

describe('sale rules from settings', () => {
  it('takes the tax rate from the DealPOS tax list', () => {
    expect(taxRuleFor('PPN 11%', options.taxes)).toEqual({ name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false });
    expect(taxRuleFor(null, options.taxes).rateBasisPoints).toBe(0);
    expect(taxRuleFor('PPN 11% Inclusive', [{ id: 'i', name: 'PPN 11% Inclusive', ratePercent: 11 }])).toEqual({
      name: 'PPN 11% Inclusive',
      rateBasisPoints: 1_100,
      inclusive: true,
    });
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
