import type { StateCreator } from 'zustand';
import type { Locale } from '../i18n/defineMessages';
import type { StoreState } from './store';

export interface SettingsState {
  /** UI language; English until the saved settings say otherwise. */
  readonly locale: Locale;
}

export interface SettingsSlice {
  readonly settings: SettingsState;
  setLocale: (locale: Locale) => void;
}

export const initialSettingsState: SettingsState = {
  locale: 'en',
};

export const createSettingsSlice: StateCreator<StoreState, [], [], SettingsSlice> = (set) => ({
  settings: initialSettingsState,
  setLocale: (locale) => set((s) => ({ settings: { ...s.settings, locale } })),
});
