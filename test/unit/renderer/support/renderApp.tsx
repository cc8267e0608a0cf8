import { cleanup, render, type RenderResult } from '@testing-library/react';
import { INITIAL_STATUS, type AppInfo, type AppStatus } from '../../../../shared/contract/app';
import type { CatalogProgress } from '../../../../shared/contract/catalog';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/contract/settings';
import { App } from '../../../../renderer/app/App';
import { clearShortcuts } from '../../../../renderer/shortcuts/shortcutRegistry';
import { resetStore } from '../../../../renderer/state/store';
import { fakeHost } from './fakeHost';

export const TEST_INFO: AppInfo = {
  name: 'DealPOS Counter',
  version: '9.8.7',
  mode: 'live',
  dataDir: '/tmp/pos-test-data',
  host: 'browser',
};

export function withStatus(patch: { connectivity?: AppStatus['connectivity']; queue?: Partial<AppStatus['queue']>; scanner?: Partial<AppStatus['scanner']> }): AppStatus {
  return {
    connectivity: patch.connectivity ?? INITIAL_STATUS.connectivity,
    queue: { ...INITIAL_STATUS.queue, ...patch.queue },
    scanner: { ...INITIAL_STATUS.scanner, ...patch.scanner },
  };
}

/** Answers the calls every screen makes at start with plain defaults; tests override what they need. */
export function handleBasics(info: AppInfo = TEST_INFO, status: AppStatus = INITIAL_STATUS, settings: Settings = DEFAULT_SETTINGS): void {
  fakeHost.handle('app.info', () => info);
  fakeHost.handle('app.status', () => status);
  fakeHost.handle('settings.get', () => settings);
  fakeHost.handle('catalog.syncState', () => IDLE_CATALOG);
}

export const IDLE_CATALOG: CatalogProgress = { state: 'idle', done: 0, total: null, etaMs: null, lastSyncAt: null, lastError: null };

export function renderApp(): RenderResult {
  return render(<App />);
}

/** Unmount, forget shortcuts and host answers, and put the store back as it started. */
export function resetAll(): void {
  cleanup();
  clearShortcuts();
  fakeHost.reset();
  resetStore();
}
