import type { Translate } from '../../i18n/t';

/** Kilograms from whole grams with three decimals, exactly (no float ever rounds a weight), e.g. "1.234 kg". */
export function formatKilograms(grams: number, t: Translate): string {
  const kg = `${Math.floor(grams / 1000)}${t('checkout.cart.decimalMark')}${String(grams % 1000).padStart(3, '0')}`;
  return t('checkout.cart.weight', { kg });
}
