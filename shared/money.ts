/**
 * Exact money: every amount is an integer count of minor units (for IDR with 0 decimals, rupiah).
 * Products of amounts and rates go through BigInt so no intermediate ever leaves the safe range.
 */
export type Money = number;

export const MAX_MONEY: Money = Number.MAX_SAFE_INTEGER;

export function isMoney(value: number): value is Money {
  return Number.isSafeInteger(value);
}

export function assertMoney(value: number, what = 'amount'): Money {
  if (!isMoney(value)) throw new RangeError(`${what} must be a whole number of minor units, got ${value}`);
  return value;
}

/** round(value × numerator / denominator), half away from zero, exact for any safe integers. */
export function mulDivRound(value: Money, numerator: number, denominator: number): Money {
  if (denominator === 0) throw new RangeError('division by zero');
  const n = BigInt(value) * BigInt(numerator);
  const d = BigInt(denominator);
  const negative = n < 0n !== d < 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  const q = (absN * 2n + absD) / (absD * 2n);
  const result = Number(negative ? -q : q);
  return assertMoney(result, 'result');
}

/** A percentage in basis points (1 % = 100 bp) of an amount, rounded half up. */
export function percentOf(amount: Money, basisPoints: number): Money {
  return mulDivRound(amount, basisPoints, 10_000);
}

export function sum(amounts: readonly Money[]): Money {
  let total = 0;
  for (const amount of amounts) total += amount;
  return assertMoney(total, 'sum');
}

export interface MoneyFormat {
  readonly decimals: number;
  readonly currency: string;
  /** BCP 47 locale, e.g. `id-ID` or `en-US`. */
  readonly locale: string;
}

export const IDR: MoneyFormat = { decimals: 0, currency: 'IDR', locale: 'id-ID' };

/** Minor units to the major-unit number DealPOS expects (exact for decimals ≤ 4 within normal ranges). */
export function toMajor(amount: Money, decimals: number): number {
  return decimals === 0 ? amount : Number((amount / 10 ** decimals).toFixed(decimals));
}

/** Major-unit number from DealPOS to minor units; rejects values with more precision than the currency has. */
export function fromMajor(value: number, decimals: number): Money {
  const scaled = Math.round(value * 10 ** decimals);
  if (Math.abs(scaled - value * 10 ** decimals) > 1e-6) {
    throw new RangeError(`${value} has more than ${decimals} decimal places`);
  }
  return assertMoney(scaled, 'amount');
}

export function formatMoney(amount: Money, format: MoneyFormat = IDR): string {
  const major = amount / 10 ** format.decimals;
  return new Intl.NumberFormat(format.locale, {
    style: 'currency',
    currency: format.currency,
    minimumFractionDigits: format.decimals,
    maximumFractionDigits: format.decimals,
  }).format(major);
}

/**
 * `formatMoney` for many amounts: one Intl.NumberFormat, built once (building one costs far more
 * than formatting with it, which a page of 500 invoice rows would pay 500 times).
 */
export function moneyFormat(format: MoneyFormat = IDR): (amount: Money) => string {
  const numberFormat = new Intl.NumberFormat(format.locale, {
    style: 'currency',
    currency: format.currency,
    minimumFractionDigits: format.decimals,
    maximumFractionDigits: format.decimals,
  });
  return (amount) => numberFormat.format(amount / 10 ** format.decimals);
}

/**
 * Parses what a cashier types ("12.500", "12500", "12,50" with decimals 2) into minor units.
 * Returns null for anything that is not a plain non-negative amount.
 */
export function parseMoneyInput(text: string, decimals: number): Money | null {
  const cleaned = text.trim().replace(/^rp\.?\s*/i, '').replace(/\s/g, '');
  if (cleaned === '') return null;
  if (decimals === 0) {
    if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(cleaned)) return null;
    const value = Number(cleaned.replace(/[.,]/g, ''));
    return isMoney(value) ? value : null;
  }
  const match = new RegExp(`^(\\d+)(?:[.,](\\d{1,${decimals}}))?$`).exec(cleaned);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').padEnd(decimals, '0');
  const value = Number(whole) * 10 ** decimals + Number(fraction);
  return isMoney(value) ? value : null;
}
