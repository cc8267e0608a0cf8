import { kilogramsText } from '../../../shared/sale/weight';
import type { Translate } from '../../i18n/t';

/** A weighed line's weight in the app's language, e.g. "1.234 kg" (ID: "1,234 kg"). */
export function formatKilograms(grams: number, t: Translate): string {
  return t('checkout.cart.weight', { kg: kilogramsText(grams, t('checkout.cart.decimalMark')) });
}
