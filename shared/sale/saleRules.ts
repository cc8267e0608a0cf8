import type { Settings, SettingsOptions } from '../contract/settings';
import type { Money } from '../money';
import { discountLimitFromPercent, type DiscountLimit } from './discountLimits';
import { NO_TAX, type TaxRule } from './sale';

/** Store rules a sale is priced under, derived from the counter's settings. */
export interface SaleRules {
  readonly tax: TaxRule;
  /** Minor units one loyalty point is worth. */
  readonly pointValue: Money;
  readonly lineDiscountLimit: DiscountLimit;
  readonly saleDiscountLimit: DiscountLimit;
}

export interface PaymentMethodRule {
  readonly name: string;
  /** Cash can be over-tendered and gives change; other methods are charged at most what is due. */
  readonly cash: boolean;
}

const INCLUSIVE_NAME = /\b(inclusive|incl\.?|termasuk)\b/i;

/**
 * The tax rule for the configured tax type; its rate comes from the DealPOS tax list (cached by
 * settings.options). ASSUMPTION: settings.options does not carry DealPOS's Exclusive/Inclusive tax
 * `Type`, so a tax is treated as included in prices only when its name says so ("PPN 11% Inclusive").
 */
export function taxRuleFor(taxType: string | null, taxes: SettingsOptions['taxes']): TaxRule {
  if (!taxType) return NO_TAX;
  const tax = taxes.find((t) => t.name === taxType);
  return { name: taxType, rateBasisPoints: tax ? Math.round(tax.ratePercent * 100) : 0, inclusive: INCLUSIVE_NAME.test(taxType) };
}

export function saleRulesFromSettings(settings: Settings, options: SettingsOptions | null): SaleRules {
  return {
    tax: taxRuleFor(settings.taxType, options?.taxes ?? []),
    pointValue: settings.loyaltyPointValue,
    lineDiscountLimit: discountLimitFromPercent(settings.maxLineDiscountPercent),
    saleDiscountLimit: discountLimitFromPercent(settings.maxSaleDiscountPercent),
  };
}

const CASH_NAME = /\b(cash|tunai)\b/i;

/** The enabled methods in display order; a method is cash when DealPOS types it so or its name says so. */
export function paymentMethodRules(settings: Settings, options: SettingsOptions | null): PaymentMethodRule[] {
  return settings.paymentMethods.map((name) => {
    const known = options?.paymentMethods.find((m) => m.name === name);
    const cash = known?.type ? CASH_NAME.test(known.type) : CASH_NAME.test(name);
    return { name, cash };
  });
}
