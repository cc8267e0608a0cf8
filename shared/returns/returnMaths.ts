/**
 * What a return gives back (issue 16). Pure: the original sale as recorded, what earlier returns
 * took back, and the lines and quantities chosen now, in; the return as a sale-shaped draft out.
 *
 * Each original line is worth its net after every discount: its own, its share of the sale
 * discount and of the points (shared out over the lines like the invoice does, largest remainder).
 * Returning q of Q units gives back the difference of two cumulative shares,
 * round(net × (r + q) / Q) − round(net × r / Q) where r were returned before, so returns of a line
 * in any number of parts add up to exactly its net: no unit gained or lost to rounding.
 * The return draft carries each line at its sold unit price with that difference's discount as an
 * amount, and the original's tax rule, so shared/sale/totals.ts values it (tax inclusive or added)
 * exactly as DealPOS values the return invoice.
 */
import { mulDivRound, sum, type Money } from '../money';
import type { Payment, SaleDraft, SaleLine } from '../sale/sale';
import { computeTotals, lineGross, type SaleTotals } from '../sale/totals';

export interface ReturnRequestLine {
  /** Index of the line in the original sale. */
  readonly line: number;
  readonly quantity: number;
}

export type ReturnProblem =
  | { readonly kind: 'nothing_chosen' }
  | { readonly kind: 'unknown_line'; readonly line: number }
  | { readonly kind: 'repeated_line'; readonly line: number }
  | { readonly kind: 'bad_quantity'; readonly line: number; readonly name: string }
  | { readonly kind: 'more_than_sold'; readonly line: number; readonly name: string; readonly sold: number; readonly returnedBefore: number; readonly asked: number };

export type ReturnOutcome =
  | { readonly ok: true; readonly draft: SaleDraft; readonly totals: SaleTotals }
  | { readonly ok: false; readonly problems: readonly ReturnProblem[] };

/** How many units a line counts as: a weighed line is one pack, returned whole. */
export function unitsOf(line: SaleLine): number {
  return line.weightGrams === undefined ? line.quantity : 1;
}

/** `amount` split over `weights` in proportion, summing exactly (largest remainder). */
export function shareByWeight(amount: Money, weights: readonly Money[]): Money[] {
  const total = sum(weights);
  if (amount === 0 || total === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (amount * w) / total);
  const shares = exact.map(Math.floor);
  let left = amount - sum(shares);
  const byRemainder = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares;
}

/**
 * Each original line's worth after every discount (line, sale, points, cash rounding): what
 * returning all of it gives back before tax. The customer paid the rounded total, so that is what
 * comes back; the return itself is refunded exactly (its draft has no coin).
 */
export function lineNets(original: SaleDraft, totals: SaleTotals = computeTotals(original)): Money[] {
  const nets = totals.lines.map((l) => l.net);
  const saleShares = shareByWeight(totals.saleDiscount, nets);
  const afterSale = nets.map((net, i) => net - (saleShares[i] ?? 0));
  const pointShares = shareByWeight(totals.pointsDiscount, afterSale);
  const afterPoints = afterSale.map((net, i) => net - (pointShares[i] ?? 0));
  const roundingShares = shareByWeight(totals.roundingDiscount, afterPoints);
  return afterPoints.map((net, i) => net - (roundingShares[i] ?? 0));
}

/**
 * The return of `asked` from `original`, given `returnedBefore[line]` units already taken back, and
 * refunded by `refund` (method and whether it is cash). Refuses with every problem at once.
 */
export function buildReturn(
  original: SaleDraft,
  returnedBefore: ReadonlyMap<number, number>,
  asked: readonly ReturnRequestLine[],
  refund: Omit<Payment, 'amount'>,
): ReturnOutcome {
  const problems: ReturnProblem[] = [];
  if (asked.length === 0) problems.push({ kind: 'nothing_chosen' });
  const seen = new Set<number>();
  const nets = lineNets(original);
  const lines: SaleLine[] = [];
  for (const { line: index, quantity } of asked) {
    const line = original.lines[index];
    if (!line) {
      problems.push({ kind: 'unknown_line', line: index });
      continue;
    }
    if (seen.has(index)) {
      problems.push({ kind: 'repeated_line', line: index });
      continue;
    }
    seen.add(index);
    const sold = unitsOf(line);
    const before = returnedBefore.get(index) ?? 0;
    if (!Number.isInteger(quantity) || quantity < 1) {
      problems.push({ kind: 'bad_quantity', line: index, name: line.name });
      continue;
    }
    if (quantity + before > sold) {
      problems.push({ kind: 'more_than_sold', line: index, name: line.name, sold, returnedBefore: before, asked: quantity });
      continue;
    }
    const net = nets[index] ?? 0;
    const part = mulDivRound(net, before + quantity, sold) - mulDivRound(net, before, sold);
    const returned: SaleLine = { ...line, quantity: line.weightGrams === undefined ? quantity : 1, discount: null };
    // Never below `part`: the cumulative shares of a net never outgrow those of the gross it came from.
    const gross = lineGross(returned);
    lines.push({ ...returned, discount: gross - part > 0 ? { kind: 'amount', amount: gross - part } : null });
  }
  if (problems.length > 0) return { ok: false, problems };
  const unpaid: SaleDraft = { lines, saleDiscount: null, customer: null, pointsRedeemed: 0, pointValue: 0, tax: original.tax, payments: [] };
  const refundAmount = computeTotals(unpaid).total;
  const draft: SaleDraft = { ...unpaid, payments: refundAmount > 0 ? [{ ...refund, amount: refundAmount }] : [] };
  return { ok: true, draft, totals: computeTotals(draft) };
}
