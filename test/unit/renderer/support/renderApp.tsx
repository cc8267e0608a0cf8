import { DEFAULT_PRINTER_SETTINGS } from '../../../../shared/contract/printing';
import { act, cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { INITIAL_STATUS, type AppInfo, type AppStatus } from '../../../../shared/contract/app';
import type { CatalogProgress } from '../../../../shared/contract/catalog';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/contract/settings';
import { App } from '../../../../renderer/app/App';
import { clearShortcuts, installShortcutListener } from '../../../../renderer/shortcuts/shortcutRegistry';
import { resetStore, useStore } from '../../../../renderer/state/store';
import { fakeHost } from './fakeHost';

export const TEST_INFO: AppInfo = {
  name: 'DealPOS Counter',
  version: '9.8.7',
  mode: 'live',
  dataDir: '/tmp/pos-test-data',
  host: 'browser',
};

export function withStatus(patch: {
  connectivity?: AppStatus['connectivity'];
  queue?: Partial<AppStatus['queue']>;
  scanner?: Partial<AppStatus['scanner']>;
  disk?: AppStatus['disk'];
}): AppStatus {
  return {
    connectivity: patch.connectivity ?? INITIAL_STATUS.connectivity,
    queue: { ...INITIAL_STATUS.queue, ...patch.queue },
    mainLoop: INITIAL_STATUS.mainLoop,
    scanner: { ...INITIAL_STATUS.scanner, ...patch.scanner },
    disk: patch.disk ?? INITIAL_STATUS.disk,
  };
}

/** Answers the calls every screen makes at start with plain defaults; tests override what they need. */
export function handleBasics(info: AppInfo = TEST_INFO, status: AppStatus = INITIAL_STATUS, settings: Settings = DEFAULT_SETTINGS): void {
  fakeHost.handle('app.info', () => info);
  fakeHost.handle('app.status', () => status);
  fakeHost.handle('settings.get', () => settings);
  fakeHost.handle('catalog.syncState', () => IDLE_CATALOG);
  // The checkout lists failed print jobs and Settings shows the printer: none and the defaults.
  fakeHost.handle('printing.jobs', () => []);
  fakeHost.handle('printing.paper', () => null);
  fakeHost.handle('printing.getSettings', () => DEFAULT_PRINTER_SETTINGS);
}

export const IDLE_CATALOG: CatalogProgress = { state: 'idle', done: 0, total: null, etaMs: null, quotaWaitMs: null, lastSyncAt: null, lastError: null, revision: 1 };

export function renderApp(): RenderResult {
  return render(<App />);
}

let removeListener: (() => void) | null = null;

/**
 * Renders one screen without the app frame (so a screen test does not depend on the other screens),
 * after loading what the frame would have loaded, with the shortcut listener the frame installs.
 */
export async function renderScreen(element: ReactElement): Promise<RenderResult> {
  await act(async () => {
    await Promise.all([useStore.getState().loadApp(), useStore.getState().loadSettings()]);
  });
  removeListener = installShortcutListener(window);
  return render(element);
}

/**
 * Unmount, forget shortcuts and host answers, and put the store back as it started. `keepHost`
 * keeps the host's answers (and what main holds): a renderer reload with main still running.
 */
export function resetAll(options: { readonly keepHost?: boolean } = {}): void {
  cleanup();
  removeListener?.();
  removeListener = null;
  clearShortcuts();
  if (!options.keepHost) fakeHost.reset();
  resetStore();
}
