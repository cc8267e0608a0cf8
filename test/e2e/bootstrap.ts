/**
 * test-mock style bootstrap: starts the DealPOS simulator on port 0 with a seeded catalog and the
 * browser host on real services with a throwaway data folder, then cleans everything up (main's log
 * is attached to a failed test first).
 * Specs await named milestones (DOM state, events), never sleeps.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../main/browserHost/browserHost';
import { logsDir } from '../../main/config';
import { listLogFiles } from '../../main/logging/rollingFileSink';
import { createServices, type Services } from '../../main/services';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../main/simulator/simulatorServer';
import type { EventName, EventPayload } from '../../shared/contract';

export const E2E_VERSION = '0.1.0-e2e';
const rendererDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist/renderer');

export interface AppHarness {
  readonly url: string;
  readonly dataDir: string;
  readonly services: Services;
  readonly host: BrowserHost;
  readonly simulator: Simulator;
  /** Resolves with the next payload of `event` that satisfies `predicate`. */
  nextEvent<E extends EventName>(event: E, predicate?: (payload: EventPayload<E>) => boolean, timeoutMs?: number): Promise<EventPayload<E>>;
  close(): Promise<void>;
}

export interface StartAppOptions {
  readonly simulator?: Partial<SimulatorOptions>;
  /** Reuse a data folder (e.g. to test a restart); default a fresh temp folder. */
  readonly dataDir?: string;
}

export const SIMULATOR_CLIENT_ID = 'e2e-client-0000-0000-000000000001';
export const SIMULATOR_CLIENT_SECRET = '6f1c1f2e-5b7a-4a3e-9d55-e2e0c0ffee01';

export async function startApp(options: StartAppOptions = {}): Promise<AppHarness> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run "npm run build:renderer" (npm run test:e2e does).`);
  }
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-e2e-'));
  const simulator = await startSimulator({
    port: 0,
    clientId: SIMULATOR_CLIENT_ID,
    clientSecret: SIMULATOR_CLIENT_SECRET,
    variants: 2_000,
    seed: 7,
    ...options.simulator,
  });
  const services = await createServices({ dataDir, version: E2E_VERSION, host: 'browser', logToStderr: false });
  const host = await startBrowserHost({ services, rendererDir });
  return {
    url: host.url,
    dataDir,
    services,
    host,
    simulator,
    nextEvent(event, predicate = () => true, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          off();
          reject(new Error(`No "${event}" event within ${timeoutMs} ms`));
        }, timeoutMs);
        const off = services.events.on(event, (payload) => {
          if (!predicate(payload)) return;
          clearTimeout(timer);
          off();
          resolve(payload);
        });
      });
    },
    async close() {
      await host.close();
      await services.close();
      await simulator.close();
      if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Playwright fixture: `app` is a fresh harness per test, closed afterwards. */
export const test = base.extend<{ app: AppHarness }>({
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use, testInfo) => {
    const app = await startApp();
    await use(app);
    // Main's log explains most failures (a stalled sync, a refused call); keep it with the test's results.
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const log of listLogFiles(logsDir(app.dataDir))) {
        await testInfo.attach(`main-${path.basename(log)}`, { path: log, contentType: 'text/plain' });
      }
    }
    await app.close();
  },
});

export { expect };
