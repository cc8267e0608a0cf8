import type { SaleDraft } from '../../shared/sale/sale';
import { computeTotals, saleProblems, type SaleProblem, type SaleTotals } from '../../shared/sale/totals';
import type { StoreState } from './store';

/** The slices a sale is made of. */
export type SaleParts = Pick<StoreState, 'cart' | 'customer' | 'payment'>;

// One-entry caches: the selectors return the same object while the slices are unchanged, so
// React and zustand can compare by reference and totals are computed once per change.
let draftFor: { cart: SaleParts['cart']; customer: SaleParts['customer']; payment: SaleParts['payment'] } | null = null;
let draft: SaleDraft | null = null;
let totalsFor: SaleDraft | null = null;
let totals: SaleTotals | null = null;

/** The sale as one plain object, the shape `sale.complete` takes. */
export function selectSaleDraft(state: SaleParts): SaleDraft {
  if (draft && draftFor && draftFor.cart === state.cart && draftFor.customer === state.customer && draftFor.payment === state.payment) {
    return draft;
  }
  draftFor = { cart: state.cart, customer: state.customer, payment: state.payment };
  draft = {
    lines: [...state.cart.lines],
    saleDiscount: state.cart.saleDiscount,
    customer: state.customer.current,
    pointsRedeemed: state.customer.pointsRedeemed,
    pointValue: state.cart.rules.pointValue,
    tax: state.cart.rules.tax,
    payments: [...state.payment.payments],
  };
  return draft;
}

/** Totals, item count, due and change are derived from the draft, never stored. */
export function selectTotals(state: SaleParts): SaleTotals {
  const current = selectSaleDraft(state);
  if (totals && totalsFor === current) return totals;
  totalsFor = current;
  totals = computeTotals(current);
  return totals;
}

export function selectSaleProblems(state: SaleParts): SaleProblem[] {
  return saleProblems(selectSaleDraft(state), selectTotals(state));
}
