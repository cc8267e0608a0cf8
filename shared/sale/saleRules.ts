import type { Settings, SettingsOptions } from '../contract/settings';
import type { Money } from '../money';
import { discountLimitFromPercent, type DiscountLimit } from './discountLimits';
import { NO_TAX, type TaxRule } from './sale';

/** Store rules a sale is priced under, derived from the counter's settings. */
export interface SaleRules {
  readonly tax: TaxRule;
  /** The configured tax type when it could not be applied (see `taxRuleFor`); null normally. */
  readonly taxFallback: string | null;
  /** Minor units one loyalty point is worth. */
  readonly pointValue: Money;
  readonly lineDiscountLimit: DiscountLimit;
  readonly saleDiscountLimit: DiscountLimit;
  /** The store's smallest coin when cash is rounded down to it; null: exact. */
  readonly cashRoundingCoin: Money | null;
}

export interface PaymentMethodRule {
  readonly name: string;
  /** Cash can be over-tendered and gives change; other methods are charged at most what is due. */
  readonly cash: boolean;
}

/**
 * The tax rule for the configured tax type, from the DealPOS tax list settings.options caches:
 * its rate and whether prices include it come from DealPOS's `Rate` and `Type`. When the list does
 * not know the configured type (never fetched, or a cache from an older version while offline),
 * the sale is priced and invoiced as "No Tax" and `taxFallback` names the type that could not be
 * applied, so the checkout can say so: receipt and DealPOS invoice then agree, and nothing is
 * charged at a guessed rate. Main checks `sale.complete` against the same rule.
 */
export function taxRuleFor(taxType: string | null, taxes: SettingsOptions['taxes']): { readonly tax: TaxRule; readonly taxFallback: string | null } {
  if (!taxType) return { tax: NO_TAX, taxFallback: null };
  const option = taxes.find((t) => t.name === taxType);
  if (option) return { tax: { name: option.name, rateBasisPoints: option.rateBasisPoints, inclusive: option.inclusive }, taxFallback: null };
  // "No Tax" is DealPOS's documented untaxed type; it need not be in the list.
  return { tax: NO_TAX, taxFallback: taxType === NO_TAX.name ? null : taxType };
}

export function saleRulesFromSettings(settings: Settings, options: SettingsOptions | null): SaleRules {
  return {
    ...taxRuleFor(settings.taxType, options?.taxes ?? []),
    pointValue: settings.loyaltyPointValue,
    lineDiscountLimit: discountLimitFromPercent(settings.maxLineDiscountPercent),
    saleDiscountLimit: discountLimitFromPercent(settings.maxSaleDiscountPercent),
    cashRoundingCoin: settings.cashRoundingCoin,
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
