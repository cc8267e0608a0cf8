import { percentOf, type Money } from '../money';
import type { Discount } from './sale';

/** The most a cashier may take off one line or the whole sale (a store setting). */
export interface DiscountLimit {
  /** 1 % = 100 basis points; 10,000 allows anything. */
  readonly maxBasisPoints: number;
  /** An absolute ceiling in minor units, or null for none. */
  readonly maxAmount: Money | null;
}

export const NO_DISCOUNT_LIMIT: DiscountLimit = { maxBasisPoints: 10_000, maxAmount: null };

export type DiscountProblem =
  | { readonly kind: 'over_percent_limit'; readonly maxBasisPoints: number }
  | { readonly kind: 'over_amount_limit'; readonly maxAmount: Money }
  | { readonly kind: 'exceeds_base'; readonly base: Money };

/**
 * Why a discount on `base` is not allowed, or null when it is. An amount discount is also held to the
 * percent limit (10 % of 50,000 is 5,000), so switching kinds cannot get around it.
 */
export function discountProblem(discount: Discount, base: Money, limit: DiscountLimit): DiscountProblem | null {
  const amount = discount.kind === 'percent' ? percentOf(base, discount.basisPoints) : discount.amount;
  if (discount.kind === 'amount' && amount > base) return { kind: 'exceeds_base', base };
  if (discount.kind === 'percent' && discount.basisPoints > limit.maxBasisPoints) {
    return { kind: 'over_percent_limit', maxBasisPoints: limit.maxBasisPoints };
  }
  if (discount.kind === 'amount' && amount > percentOf(base, limit.maxBasisPoints)) {
    return { kind: 'over_percent_limit', maxBasisPoints: limit.maxBasisPoints };
  }
  if (limit.maxAmount !== null && amount > limit.maxAmount) return { kind: 'over_amount_limit', maxAmount: limit.maxAmount };
  return null;
}

/** Settings keep limits as whole percents. */
export function discountLimitFromPercent(percent: number): DiscountLimit {
  return { maxBasisPoints: Math.round(percent * 100), maxAmount: null };
}
