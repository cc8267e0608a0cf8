/**
 * DealPOS `Tax` rows → the checkout's tax options. How `Rate` and `Type` are read is an assumption
 * (assumptions.ts `TAX_TYPE_INCLUSIVE`); the simulator computes invoice tax through `taxIsInclusive`
 * so the two cannot drift apart.
 */
import type { TaxOption } from '../../shared/contract/settings';
import { TAX_TYPE_INCLUSIVE } from './assumptions';
import { DealPosBadResponseError } from './errors';
import type { Tax } from './schemas';

const ENDPOINT = 'Tax';
/** Float slack when checking that a percent has at most two decimals (11.5 * 100 is exact, 0.07 * 100 is not quite). */
const EPSILON = 1e-6;

/** Whether a `Type` means prices include the tax; null when the value is not one we know. */
export function taxIsInclusive(type: string | null | undefined): boolean | null {
  if (typeof type !== 'string') return null;
  return TAX_TYPE_INCLUSIVE[type.trim().toLowerCase()] ?? null;
}

/** Percent → basis points, or null unless it is exactly representable (≤ 2 decimals) and 0–100 %. */
export function percentToBasisPoints(rate: number): number | null {
  if (!Number.isFinite(rate)) return null;
  const scaled = rate * 100;
  const basisPoints = Math.round(scaled);
  if (Math.abs(scaled - basisPoints) > EPSILON || basisPoints < 0 || basisPoints > 10_000) return null;
  return basisPoints;
}

/** One row; `index` names it in the error (`[2].Rate`). Throws `DealPosBadResponseError` (`bad_response`). */
export function taxOptionFromDealPos(tax: Tax, index: number): TaxOption {
  const rateBasisPoints = percentToBasisPoints(tax.Rate);
  if (rateBasisPoints === null) {
    throw new DealPosBadResponseError(ENDPOINT, `[${index}].Rate`, `of tax "${tax.Name}" is ${tax.Rate}, not a percent from 0 to 100 with at most two decimals`);
  }
  const inclusive = taxIsInclusive(tax.Type);
  if (inclusive === null) {
    throw new DealPosBadResponseError(ENDPOINT, `[${index}].Type`, `of tax "${tax.Name}" is ${JSON.stringify(tax.Type ?? null)}, not "Inclusive" or "Exclusive"`);
  }
  return { id: String(tax.ID), name: tax.Name, rateBasisPoints, inclusive };
}

export function taxOptionsFromDealPos(taxes: readonly Tax[]): TaxOption[] {
  return taxes.map(taxOptionFromDealPos);
}
