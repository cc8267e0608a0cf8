import type { StateCreator } from 'zustand';
import { maxRedeemablePoints } from '../../shared/sale/points';
import type { SaleCustomer } from '../../shared/sale/sale';
import { selectSaleDraft, type SaleParts } from './saleSelectors';
import type { StoreState } from './store';

export interface CustomerState {
  readonly current: SaleCustomer | null;
  /** Set only after main confirmed the PIN with DealPOS for this customer; gates point redemption. */
  readonly pinVerified: boolean;
  readonly pointsRedeemed: number;
  /**
   * Set (ISO 8601) when the attached details came from main's offline cache because DealPOS was
   * unreachable: they are as DealPOS last showed them, and no PIN can be verified for them.
   */
  readonly seenAt: string | null;
}

export type RedeemResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'no_customer' | 'pin_not_verified' | 'too_many_points'; readonly max: number };

export interface CustomerSlice {
  readonly customer: CustomerState;
  attachCustomer(customer: SaleCustomer, seenAt?: string | null): void;
  detachCustomer(): void;
  /**
   * Records a successful PIN check; keyed by code so a late answer for another customer unlocks
   * nothing, and ignored for cached details (their points may no longer be there).
   */
  markPinVerified(customerCode: string): void;
  redeemPoints(points: number): RedeemResult;
}

export const initialCustomerState: CustomerState = { current: null, pinVerified: false, pointsRedeemed: 0, seenAt: null };

/** Points this sale could take if the PIN were verified. */
function pointsCap(s: SaleParts): number {
  return maxRedeemablePoints({ ...selectSaleDraft(s), pointsRedeemed: 0 });
}

export const createCustomerSlice: StateCreator<StoreState, [], [], CustomerSlice> = (set, get) => ({
  customer: initialCustomerState,
  attachCustomer: (current, seenAt = null) => set({ customer: { current, pinVerified: false, pointsRedeemed: 0, seenAt } }),
  detachCustomer: () => set({ customer: initialCustomerState }),
  markPinVerified: (customerCode) => {
    const { customer } = get();
    if (customer.current?.code === customerCode && customer.seenAt === null) set({ customer: { ...customer, pinVerified: true } });
  },
  redeemPoints: (points) => {
    const state = get();
    const max = pointsCap(state);
    if (!state.customer.current) return { ok: false, reason: 'no_customer', max: 0 };
    if (!state.customer.pinVerified) return { ok: false, reason: 'pin_not_verified', max };
    if (!Number.isInteger(points) || points < 0 || points > max) return { ok: false, reason: 'too_many_points', max };
    set({ customer: { ...state.customer, pointsRedeemed: points } });
    return { ok: true };
  },
});

export const customerSelectors = {
  current: (s: SaleParts): SaleCustomer | null => s.customer.current,
  pinVerified: (s: SaleParts): boolean => s.customer.pinVerified,
  pointsRedeemed: (s: SaleParts): number => s.customer.pointsRedeemed,
  /** Most points this sale can take; 0 until the PIN is verified. */
  maxPoints: (s: SaleParts): number => (s.customer.pinVerified ? pointsCap(s) : 0),
};
