import type { ContractHandlers } from '../../shared/contract';
import type { ScannerStateView } from '../../shared/contract/scanner';
import type { ScanEvent } from '../../shared/scanner/scanEvent';
import { DEFAULT_WEDGE_SETTINGS, type WedgeSettings } from '../../shared/scanner/wedgeDetector';
import { ScannerDeviceManager, type ScannerDeviceManagerOptions } from './scannerDeviceManager';
import type { WedgeSettingsStore } from './scannerStores';
import { ScanStream } from './scanStream';

type ScannerMethod = Extract<keyof ContractHandlers, `scanner.${string}`>;
export type ScannerHandlers = Pick<ContractHandlers, ScannerMethod>;

export interface ScannerServiceOptions extends Omit<ScannerDeviceManagerOptions, 'onScan'> {
  readonly wedgeSettings: WedgeSettingsStore;
  /** Where finished scans go: the `scan` event. */
  readonly emitScan: (scan: ScanEvent) => void;
}

export interface ScannerService {
  readonly handlers: ScannerHandlers;
  readonly manager: ScannerDeviceManager;
  /** Restores the remembered device (at startup and on every session change); never rejects, failures show in status. */
  start(): Promise<void>;
  /** Follows a device id changed elsewhere (e.g. `settings.update`). */
  follow(id: string | null): Promise<void>;
  close(): Promise<void>;
}

/** Composes the device manager, the one scan stream and the wedge thresholds behind the `scanner.*` methods. */
export function createScannerService(options: ScannerServiceOptions): ScannerService {
  const stream = new ScanStream(options.emitScan, () => options.clock.now());
  const manager = new ScannerDeviceManager({ ...options, onScan: (scan) => void stream.publish(scan) });
  // Read on every call: the store follows the current session (demo and live keep their own).
  const wedge = (): WedgeSettings => options.wedgeSettings.load() ?? DEFAULT_WEDGE_SETTINGS;
  const view = (): ScannerStateView => ({ ...manager.view(), wedge: wedge() });

  const handlers: ScannerHandlers = {
    'scanner.listDevices': () => manager.listDevices(),
    'scanner.selectDevice': async ({ id }) => {
      await manager.select(id);
      return view();
    },
    'scanner.state': async () => view(),
    'scanner.setWedgeSettings': async (settings) => {
      options.wedgeSettings.save(settings);
      return view();
    },
    'scanner.reportWedgeScan': async ({ code, at }) => ({ emitted: stream.publish({ code, symbology: null, source: 'wedge', at }) }),
  };

  return {
    handlers,
    manager,
    start: () =>
      manager.start().catch((error: unknown) => {
        options.logger.error('Scanner: restoring the remembered device failed', error);
      }),
    follow: async (id) => {
      if (id === manager.chosenId()) return;
      await manager.adopt(id === null ? null : { id, name: null }).catch((error: unknown) => {
        options.logger.error('Scanner: switching to the device chosen in settings failed', error);
      });
    },
    close: () => manager.close(),
  };
}
