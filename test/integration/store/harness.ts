/** Shared set-up for the store integration tests: temp data folders, the real simulator, the real keychain. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import keytar from '@github/keytar';
import { DealPosClient } from '../../../main/dealpos/dealPosClient';
import { RequestBudget } from '../../../main/dealpos/requestBudget';
import { createLogger, type Logger } from '../../../main/logging/logger';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../../main/simulator/simulatorServer';

export const SIM_CLIENT_ID = '5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f';
export const SIM_SECRET = '7c6b5a49-3827-4161-9f0e-d1c2b3a4f5e6';

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `dealpos-${prefix}-`));
}

export function quietLogger(): Logger {
  return createLogger(() => undefined);
}

/** The simulator as a real HTTP server on 127.0.0.1:0, with a generous rate limit unless a test sets one. */
export function startSim(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  return startSimulator({ port: 0, clientId: SIM_CLIENT_ID, clientSecret: SIM_SECRET, variants: 1200, rateLimit: { count: 1000, seconds: 60 }, ...options });
}

export function clientFor(sim: Simulator, budget = new RequestBudget({ limit: 1000, windowSeconds: 60 })): DealPosClient {
  return new DealPosClient({ baseUrl: sim.url, clientId: SIM_CLIENT_ID, clientSecret: SIM_SECRET, budget, logger: quietLogger() });
}

const HOW_TO_RUN =
  'No Secret Service is reachable, so the keychain tests cannot run. Run them inside a throwaway keyring: ' +
  '`bash scripts/withKeyring.sh npx vitest run test/integration/store` (needs dbus-run-session and gnome-keyring).';

/** Fails loudly (never skips) when the OS keychain is not usable. */
export async function requireKeychain(): Promise<void> {
  const service = 'DealPOS Counter keychain probe';
  try {
    await keytar.setPassword(service, 'probe', 'probe-value');
    const value = await keytar.getPassword(service, 'probe');
    await keytar.deletePassword(service, 'probe');
    if (value !== 'probe-value') throw new Error('the value read back differs from the one written');
  } catch (error) {
    throw new Error(`${HOW_TO_RUN} (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Waits until `predicate` holds, polling; the timeout is a safety net, not an assertion on speed. */
export async function until(predicate: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
