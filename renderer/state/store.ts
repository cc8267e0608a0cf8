/**
 * The one bound store, built from slices (zustand slices pattern). Each area adds its slice type to
 * `StoreState` and its creator to the spread below — one line each.
 */
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './appSlice';
import { createCartSlice, type CartSlice } from './cartSlice';
import { createCustomerSlice, type CustomerSlice } from './customerSlice';
import { createPaymentSlice, type PaymentSlice } from './paymentSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';
import { createSyncSlice, type SyncSlice } from './syncSlice';

export type StoreState = AppSlice & SettingsSlice & SyncSlice & CartSlice & CustomerSlice & PaymentSlice;

export const useStore = create<StoreState>()((...a) => ({
  ...createAppSlice(...a),
  ...createSettingsSlice(...a),
  ...createSyncSlice(...a),
  ...createCartSlice(...a),
  ...createCustomerSlice(...a),
  ...createPaymentSlice(...a),
}));

/** Back to the state the store started with; tests call it between cases. */
export function resetStore(): void {
  useStore.setState(useStore.getInitialState(), true);
}
