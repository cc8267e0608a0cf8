import type { Money } from '../money';

/**
 * Banknotes in major units (IDR) that the suggestions round up to. Rp 1,000 and 2,000 are left out:
 * nobody hands over Rp 4,000 for Rp 3,885; they hand over a Rp 5,000 note, or a bigger one.
 */
const NOTE_STEPS = [5_000, 10_000, 20_000, 50_000, 100_000] as const;

/**
 * Quick cash amounts for `due` (the cash due, already rounded to the store's coin when it rounds,
 * shared/sale/cashRounding.ts): the exact amount first, then what a customer hands over, the due
 * rounded up to each note (for Rp 3,885: 5,000, 10,000, 20,000, 50,000, 100,000; for Rp 310,800:
 * 315,000, 320,000, 350,000, 400,000), rising, without duplicates.
 */
export function quickCashAmounts(due: Money, decimals: number): Money[] {
  if (due <= 0) return [];
  const unit = 10 ** decimals;
  const amounts: Money[] = [due];
  for (const step of NOTE_STEPS) {
    const stepMinor = step * unit;
    const rounded = Math.ceil(due / stepMinor) * stepMinor;
    if (rounded > due && !amounts.includes(rounded)) amounts.push(rounded);
  }
  return amounts;
}
