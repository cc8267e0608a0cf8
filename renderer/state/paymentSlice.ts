import type { StateCreator } from 'zustand';
import type { Money } from '../../shared/money';
import type { Payment } from '../../shared/sale/sale';
import { selectTotals, type SaleParts } from './saleSelectors';
import type { StoreState } from './store';

export interface PaymentState {
  readonly payments: readonly Payment[];
}

export type PaymentResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'zero_amount' | 'nothing_due' | 'non_cash_over_due'; readonly due: Money };

export interface PaymentSlice {
  readonly payment: PaymentState;
  /**
   * Adds a tender; tenders by the same method merge. Only cash may exceed what is due (the rest is
   * change); a card or e-wallet is charged at most the amount due.
   */
  addPayment(payment: Payment): PaymentResult;
  removePayment(index: number): void;
  clearPayments(): void;
}

export const initialPaymentState: PaymentState = { payments: [] };

export const createPaymentSlice: StateCreator<StoreState, [], [], PaymentSlice> = (set, get) => ({
  payment: initialPaymentState,
  addPayment: (tender) => {
    const state = get();
    const due = selectTotals(state).due;
    if (tender.amount <= 0) return { ok: false, reason: 'zero_amount', due };
    if (due <= 0) return { ok: false, reason: 'nothing_due', due };
    if (!tender.cash && tender.amount > due) return { ok: false, reason: 'non_cash_over_due', due };
    const { payments } = state.payment;
    const index = payments.findIndex((p) => p.method === tender.method);
    const next =
      index === -1 ? [...payments, tender] : payments.map((p, i) => (i === index ? { ...p, amount: p.amount + tender.amount } : p));
    set({ payment: { payments: next } });
    return { ok: true };
  },
  removePayment: (index) => set((s) => ({ payment: { payments: s.payment.payments.filter((_, i) => i !== index) } })),
  clearPayments: () => set({ payment: initialPaymentState }),
});

export const paymentSelectors = {
  payments: (s: SaleParts): readonly Payment[] => s.payment.payments,
  total: (s: SaleParts): Money => selectTotals(s).total,
  paid: (s: SaleParts): Money => selectTotals(s).paid,
  due: (s: SaleParts): Money => selectTotals(s).due,
  change: (s: SaleParts): Money => selectTotals(s).change,
};
