import type { StateCreator } from 'zustand';
import type { AccountStatus } from '../../shared/contract/account';
import type { Settings, SettingsOptions, SettingsPatch } from '../../shared/contract/settings';
import type { ScannerDevice } from '../../shared/contract/scanner';
import { pos } from '../api/pos';
import { isLocale, type Locale } from '../i18n/defineMessages';
import { attempt, type ActionResult } from './actionResult';
import { errorMessage } from './errorMessage';
import type { StoreState } from './store';

export interface SettingsState {
  /** UI language; English until the saved settings say otherwise. */
  readonly locale: Locale;
  /** Saved settings as main has them; null until loaded. */
  readonly values: Settings | null;
  readonly loadError: string | null;
  readonly options: SettingsOptions | null;
  readonly optionsError: string | null;
  readonly account: AccountStatus | null;
  readonly devices: readonly ScannerDevice[] | null;
  readonly devicesError: string | null;
  /** Set after connecting or starting the demo, until the manager finishes the store setup. */
  readonly firstRun: boolean;
}

export interface ConnectInput {
  readonly subdomain: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface SettingsSlice {
  readonly settings: SettingsState;
  /** Changes the language at once and saves it. */
  setLocale: (locale: Locale) => Promise<void>;
  loadSettings: () => Promise<void>;
  saveSettings: (patch: SettingsPatch) => Promise<ActionResult<Settings>>;
  loadOptions: () => Promise<void>;
  loadAccount: () => Promise<void>;
  /** Tests the credentials against DealPOS; they are kept only when the test passes. */
  connect: (input: ConnectInput) => Promise<ActionResult<AccountStatus>>;
  startDemo: () => Promise<ActionResult<AccountStatus>>;
  disconnect: () => Promise<ActionResult<AccountStatus>>;
  loadDevices: () => Promise<void>;
  selectDevice: (id: string | null) => Promise<ActionResult<void>>;
  finishFirstRun: () => void;
}

export const initialSettingsState: SettingsState = {
  locale: 'en',
  values: null,
  loadError: null,
  options: null,
  optionsError: null,
  account: null,
  devices: null,
  devicesError: null,
  firstRun: false,
};

export const createSettingsSlice: StateCreator<StoreState, [], [], SettingsSlice> = (set, get) => {
  const patch = (next: Partial<SettingsState>): void => set((s) => ({ settings: { ...s.settings, ...next } }));

  /** After the account changes, everything that depends on it is stale. */
  const afterAccountChange = async (account: AccountStatus): Promise<void> => {
    patch({ account, firstRun: account.mode !== 'setup' });
    // The new session's settings first, so no screen shows the new mode with the old store's values.
    await Promise.all([get().loadSettings(), get().loadOptions()]);
    const info = get().app.info;
    if (info) get().setAppInfo({ ...info, mode: account.mode });
    await get().loadApp();
  };

  return {
    settings: initialSettingsState,
    setLocale: async (locale) => {
      patch({ locale });
      const values = get().settings.values;
      // Before settings load (or if they fail) the choice still applies for this session.
      if (values && values.language !== locale) await get().saveSettings({ language: locale });
    },
    loadSettings: async () => {
      try {
        const values = await pos.settings.get({});
        patch({ values, loadError: null, ...(isLocale(values.language) ? { locale: values.language } : {}) });
      } catch (error) {
        patch({ loadError: errorMessage(error) });
      }
    },
    saveSettings: async (changes) => {
      const result = await attempt(() => pos.settings.update(changes));
      if (result.ok) patch({ values: result.value, locale: result.value.language });
      return result;
    },
    loadOptions: async () => {
      try {
        patch({ options: await pos.settings.options({}), optionsError: null });
      } catch (error) {
        patch({ optionsError: errorMessage(error) });
      }
    },
    loadAccount: async () => {
      try {
        patch({ account: await pos.account.status({}) });
      } catch (error) {
        patch({ loadError: errorMessage(error) });
      }
    },
    connect: async (input) => {
      const result = await attempt(() => pos.account.connect(input));
      if (result.ok) await afterAccountChange(result.value);
      return result;
    },
    startDemo: async () => {
      const result = await attempt(() => pos.account.startDemo({}));
      if (result.ok) await afterAccountChange(result.value);
      return result;
    },
    disconnect: async () => {
      const result = await attempt(() => pos.account.disconnect({}));
      if (result.ok) {
        await afterAccountChange(result.value);
        patch({ firstRun: false });
      }
      return result;
    },
    loadDevices: async () => {
      try {
        patch({ devices: await pos.scanner.listDevices({}), devicesError: null });
      } catch (error) {
        patch({ devicesError: errorMessage(error) });
      }
    },
    selectDevice: async (id) => {
      const result = await attempt(() => pos.scanner.selectDevice({ id }));
      if (!result.ok) return result;
      await Promise.all([get().loadDevices(), get().loadSettings()]);
      return { ok: true, value: undefined };
    },
    finishFirstRun: () => patch({ firstRun: false }),
  };
};
