import type { StateCreator } from 'zustand';
import { INITIAL_STATUS, type AppInfo, type AppStatus } from '../../shared/contract/app';
import { pos } from '../api/pos';
import { errorMessage } from './errorMessage';
import type { StoreState } from './store';

export type Screen = 'checkout' | 'queue' | 'settings' | 'invoices' | 'salesOrders' | 'labels' | 'shift';

export const SCREENS: readonly Screen[] = ['checkout', 'queue', 'settings', 'invoices', 'salesOrders', 'labels', 'shift'];

export interface AppState {
  readonly info: AppInfo | null;
  readonly status: AppStatus;
  /** A live `status` event arrived; it is newer than whatever `app.status` answers later. */
  readonly statusSeen: boolean;
  readonly screen: Screen;
  readonly helpOpen: boolean;
  /** Why `app.info` could not be loaded; the frame shows it instead of a blank screen. */
  readonly loadError: string | null;
}

export interface AppSlice {
  readonly app: AppState;
  /** Loads app.info and the current status once at start. */
  loadApp: () => Promise<void>;
  setStatus: (status: AppStatus) => void;
  setAppInfo: (info: AppInfo) => void;
  navigate: (screen: Screen) => void;
  setHelpOpen: (open: boolean) => void;
}

export const initialAppState: AppState = {
  info: null,
  status: INITIAL_STATUS,
  statusSeen: false,
  screen: 'checkout',
  helpOpen: false,
  loadError: null,
};

export const createAppSlice: StateCreator<StoreState, [], [], AppSlice> = (set, get) => ({
  app: initialAppState,
  loadApp: async () => {
    try {
      const [info, status] = await Promise.all([pos.app.info({}), pos.app.status({})]);
      set((s) => ({ app: { ...s.app, info, loadError: null, status: s.app.statusSeen ? s.app.status : status } }));
    } catch (error) {
      set((s) => ({ app: { ...s.app, loadError: errorMessage(error) } }));
    }
  },
  setStatus: (status) => set((s) => ({ app: { ...s.app, status, statusSeen: true } })),
  setAppInfo: (info) => set((s) => ({ app: { ...s.app, info } })),
  navigate: (screen) => {
    if (get().app.screen !== screen) set((s) => ({ app: { ...s.app, screen } }));
  },
  setHelpOpen: (helpOpen) => set((s) => ({ app: { ...s.app, helpOpen } })),
});
