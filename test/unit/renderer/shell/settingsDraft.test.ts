import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/contract/settings';
import { changedSettings, checkDraft, draftFrom, errorsFromIssues } from '../../../../renderer/screens/settings/settingsDraft';

const saved: Settings = { ...DEFAULT_SETTINGS, outlet: 'Jakarta Pusat', register: 'Counter 1', taxType: 'PPN 11%', paymentMethods: ['Cash', 'QRIS'] };

describe('store settings draft', () => {
  it('round-trips saved settings unchanged', () => {
    const check = checkDraft(saved, draftFrom(saved));
    expect(check).toEqual({ ok: true, settings: saved });
    if (check.ok) expect(changedSettings(saved, check.settings)).toEqual({});
  });

  it.each([
    ['outlet', { outlet: '  ' }, 'settings.error.required'],
    ['taxType', { taxType: '' }, 'settings.error.required'],
    ['salesTag', { salesTag: '' }, 'settings.error.required'],
    ['paymentMethods', { paymentMethods: [] }, 'settings.error.paymentMethods'],
    ['maxLineDiscountPercent', { maxLineDiscountPercent: '101' }, 'settings.error.percent'],
    ['maxSaleDiscountPercent', { maxSaleDiscountPercent: '12.5' }, 'settings.error.percent'],
    ['maxSaleDiscountPercent', { maxSaleDiscountPercent: '-1' }, 'settings.error.percent'],
    ['currencyDecimals', { currencyDecimals: '5' }, 'settings.error.decimals'],
    ['loyaltyPointValue', { loyaltyPointValue: '1e3' }, 'settings.error.pointValue'],
    ['invoiceNumberPrefix', { invoiceNumberPrefix: 'R 1' }, 'settings.error.prefix'],
    ['receiptFooter', { receiptFooter: 'x'.repeat(501) }, 'settings.error.text'],
    ['register', { register: 'r'.repeat(101) }, 'settings.error.name'],
    ['cashRoundingCoin', { cashRoundingCoin: '1' }, 'settings.error.cashRounding'],
  ] as const)('rejects a bad %s with that field’s message', (field, change, message) => {
    const check = checkDraft(saved, { ...draftFrom(saved), ...change });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors[field]).toBe(message);
  });

  it('reports every bad field at once', () => {
    const check = checkDraft(saved, { ...draftFrom(saved), outlet: '', maxLineDiscountPercent: 'abc', paymentMethods: [] });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.errors).sort()).toEqual(['maxLineDiscountPercent', 'outlet', 'paymentMethods']);
  });

  it('patches only what changed, with numbers as numbers and an empty register as null', () => {
    const check = checkDraft(saved, { ...draftFrom(saved), register: ' ', maxLineDiscountPercent: '15', receiptFooter: 'Terima kasih' });
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(changedSettings(saved, check.settings)).toEqual({ register: null, maxLineDiscountPercent: 15, receiptFooter: 'Terima kasih' });
    }
  });

  it('turns cash rounding on as a coin in minor units, and off again as null', () => {
    const on = checkDraft(saved, { ...draftFrom(saved), cashRoundingCoin: '100' });
    expect(on.ok && changedSettings(saved, on.settings)).toEqual({ cashRoundingCoin: 100 });
    const withCoin = { ...saved, cashRoundingCoin: 500 };
    expect(draftFrom(withCoin).cashRoundingCoin).toBe('500');
    const off = checkDraft(withCoin, { ...draftFrom(withCoin), cashRoundingCoin: '' });
    expect(off.ok && changedSettings(withCoin, off.settings)).toEqual({ cashRoundingCoin: null });
  });

  it('maps main’s validation issues onto fields and ignores unknown paths', () => {
    expect(errorsFromIssues([{ path: 'paymentMethods', message: 'Payment methods must not repeat' }, { path: 'language', message: 'x' }])).toEqual({
      paymentMethods: 'settings.error.paymentMethods',
    });
  });
});
