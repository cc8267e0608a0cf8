/**
 * Cash rounding to the store's smallest coin (issue 13). Pure and exact.
 *
 * DealPOS's documented `POST /Invoice` takes a `DiscountAmount` but no surcharge, so the counter can
 * only round DOWN, in the customer's favour, and the rounding travels as a discount taken before
 * tax (main/dealpos/assumptions.ts CASH_ROUNDING). Only what is settled in cash is rounded: the
 * total less the non-cash payments is brought down to a multiple of the coin, so an all-card sale
 * stays exact and a card + cash sale rounds only its cash part.
 *
 * With tax added on top, a discount before tax changes the tax too, and some totals cannot be
 * reached at all (one more rupiah of taxable can add two to the total). So the rounded sale is the
 * taxable amount whose total (taxable + tax) is the largest reachable one at most the exact total
 * that leaves a multiple of the coin to pay in cash, looking at most `MAX_COIN_STEPS` coins down;
 * beyond that the sale stays exact rather than give more away.
 */
import { mulDivRound, percentOf, type Money } from '../money';
import type { TaxRule } from './sale';

/**
 * How many coins below the exact total the search looks before it keeps the sale exact. The unit
 * test's sweep of tax rates and coins needs at most 4 (11 % with a Rp 50 coin skips three in a row).
 */
export const MAX_COIN_STEPS = 4;

/** The coins a store can round cash to, in minor units, for a currency with `decimals` (IDR: Rp 50 … Rp 1.000). */
export function cashRoundingCoins(decimals: number): readonly Money[] {
  // IDR has no minor unit in use; other currencies round to their small coins (0.05, 0.10, …).
  return decimals === 0 ? [50, 100, 200, 500, 1_000] : [5, 10, 25, 50, 100].map((c) => c * 10 ** Math.max(0, decimals - 2));
}

/**
 * Whether the rounding shown is taken before a tax added on top: then the rounding line (85 off
 * Rp 3.885 is 77 before 11 % tax) differs from what the total lost, and is labelled so.
 */
export function roundsBeforeTax(tax: TaxRule): boolean {
  return !tax.inclusive && tax.rateBasisPoints > 0;
}

/** Tax on `taxable` under `tax`: carved out when prices include it, added on top otherwise. */
export function taxOf(taxable: Money, tax: TaxRule): Money {
  return tax.inclusive ? taxable - mulDivRound(taxable, 10_000, 10_000 + tax.rateBasisPoints) : percentOf(taxable, tax.rateBasisPoints);
}

/** What the customer pays for `taxable`. */
export function totalOf(taxable: Money, tax: TaxRule): Money {
  return tax.inclusive ? taxable : taxable + taxOf(taxable, tax);
}

/** The taxable amount whose total is exactly `total`, or null when no amount reaches it (tax added on top skips some totals). */
export function taxableFor(total: Money, tax: TaxRule): Money | null {
  if (tax.inclusive || tax.rateBasisPoints === 0) return total;
  // totalOf rises by 1 or 2 per unit of taxable, so the one candidate lies next to total ÷ (1 + rate).
  const near = mulDivRound(total, 10_000, 10_000 + tax.rateBasisPoints);
  for (const taxable of [near - 1, near, near + 1]) {
    if (taxable >= 0 && totalOf(taxable, tax) === total) return taxable;
  }
  return null;
}

/**
 * The taxable amount after cash rounding: `taxable` itself when there is no coin or nothing is left
 * for cash, else the largest taxable amount whose total is at most the exact one and leaves a
 * multiple of `coin` to pay after `nonCash` (card and other non-cash payments).
 */
export function cashRoundedTaxable(taxable: Money, tax: TaxRule, coin: Money | undefined, nonCash: Money): Money {
  if (coin === undefined || coin < 2) return taxable;
  const exact = totalOf(taxable, tax);
  if (nonCash >= exact) return taxable;
  let target = exact - ((exact - nonCash) % coin);
  for (let step = 0; step < MAX_COIN_STEPS && target >= nonCash; step++, target -= coin) {
    if (target === exact) return taxable;
    const found = taxableFor(target, tax);
    if (found !== null) return found;
  }
  return taxable;
}
