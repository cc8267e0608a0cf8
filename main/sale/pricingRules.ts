import type { Settings, SettingsOptions } from '../../shared/contract/settings';
import { saleRulesFromSettings } from '../../shared/sale/saleRules';
import type { PricingRules } from './draft';

/** What main prices a sale under: the session's saved settings and its cached DealPOS tax list. */
export function pricingRules(settings: Settings, options: SettingsOptions | null): PricingRules {
  const rules = saleRulesFromSettings(settings, options);
  return {
    tax: rules.tax,
    taxFallback: rules.taxFallback,
    pointValue: rules.pointValue,
    lineLimit: rules.lineDiscountLimit,
    saleLimit: rules.saleDiscountLimit,
    decimals: settings.currencyDecimals,
    cashRoundingCoin: rules.cashRoundingCoin,
  };
}
