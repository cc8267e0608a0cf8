import type { z } from 'zod';
import { wedgeSettingsSchema, type WedgeSettings } from '../../shared/scanner/wedgeDetector';
import type { DeviceChoiceStore } from './scannerDeviceManager';

export interface WedgeSettingsStore {
  load(): WedgeSettings | null;
  save(settings: WedgeSettings): void;
}

/** The part of the settings store the scanner uses: the `scannerDevice` field holds the device id. */
export interface ScannerDeviceSetting {
  get(): { readonly scannerDevice: string | null };
  update(patch: { scannerDevice: string | null }): unknown;
}

/** The part of the app-state key/value store the wedge thresholds live in. */
export interface KeyValueDocuments {
  get<S extends z.ZodType>(key: string, schema: S): z.output<S> | null;
  set(key: string, value: unknown): void;
}

const WEDGE_KEY = 'scannerWedge';

/** Only the id is stored (the setting is a plain string); the name comes back once the device is seen. */
export function settingsDeviceChoiceStore(settings: ScannerDeviceSetting): DeviceChoiceStore {
  return {
    load: () => {
      const id = settings.get().scannerDevice;
      return id === null ? null : { id, name: null };
    },
    save: (choice) => {
      if (settings.get().scannerDevice !== (choice?.id ?? null)) settings.update({ scannerDevice: choice?.id ?? null });
    },
  };
}

export function documentWedgeSettingsStore(documents: KeyValueDocuments): WedgeSettingsStore {
  return {
    load: () => documents.get(WEDGE_KEY, wedgeSettingsSchema),
    save: (settings) => documents.set(WEDGE_KEY, settings),
  };
}
