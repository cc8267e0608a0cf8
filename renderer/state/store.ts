/**
 * The one bound store, built from slices (zustand slices pattern). Each area adds its slice type to
 * `StoreState` and its creator to the spread below — one line each.
 */
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './appSlice';
import { createSaleSlice, type SaleSlice } from './saleSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';
import { createSyncSlice, type SyncSlice } from './syncSlice';

export type StoreState = AppSlice & SettingsSlice & SyncSlice & SaleSlice;

export const useStore = create<StoreState>()((...a) => ({
  ...createAppSlice(...a),
  ...createSettingsSlice(...a),
  ...createSyncSlice(...a),
  ...createSaleSlice(...a),
}));

/** Back to the state the store started with; tests call it between cases. */
export function resetStore(): void {
  useStore.setState(useStore.getInitialState(), true);
}
