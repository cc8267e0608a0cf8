import type { Money } from '../money';

/** Banknotes in major units (IDR: Rp 1,000 … Rp 100,000); suggestions round up to what a customer hands over. */
const NOTE_STEPS = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000] as const;

/**
 * Quick cash amounts for `due`: the exact amount first, then up to `count - 1` larger round amounts a
 * customer is likely to hand over (next 5,000, 10,000, 50,000, 100,000 …), without duplicates.
 */
export function quickCashAmounts(due: Money, decimals: number, count = 4): Money[] {
  if (due <= 0) return [];
  const unit = 10 ** decimals;
  const amounts: Money[] = [due];
  for (const step of NOTE_STEPS) {
    const stepMinor = step * unit;
    const rounded = Math.ceil(due / stepMinor) * stepMinor;
    if (rounded > due && !amounts.includes(rounded)) amounts.push(rounded);
  }
  // Keep the smallest suggestions (what customers usually hand over) plus the largest note's rounding.
  const rest = amounts.slice(1);
  if (rest.length <= count - 1) return amounts;
  const largest = rest[rest.length - 1];
  const picked = rest.slice(0, Math.max(0, count - 2));
  return largest === undefined ? [due, ...picked] : [due, ...picked, largest];
}
