/**
 * Through the real composition root in demo mode (embedded simulator, real SQLite, real keychain):
 * main prices the sale under the configured tax's cached DealPOS option, and the inclusive sale
 * reaches DealPOS.
 * (`bash scripts/withKeyring.sh npx vitest run test/integration/store/saleTax.test.ts`).
 */
import fs from 'node:fs';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { SettingsOptions } from '../../../shared/contract/settings';
import type { QueueEntry } from '../../../shared/contract/queue';
import { createServices, type Services } from '../../../main/services';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import { contractCaller, ringUp } from '../../support/checkout';
import { requireKeychain, tempDir } from './harness';

let dir: string;
let services: Services | null = null;

beforeAll(requireKeychain);
afterEach(async () => {
  await services?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, input: unknown = {}): Promise<unknown> {
  if (!services) throw new Error('no services');
  const result = await services.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(`${method} failed: ${result.error.code} ${result.error.message}`), { error: result.error });
  return result.value;
}

it('prices the sale under the configured tax option and sends it', async () => {
  dir = tempDir('sale-tax');
  services = await createServices({ dataDir: dir, version: 'test', host: 'browser', logToStderr: false });
  await call('account.startDemo');
  const options = (await call('settings.options')) as SettingsOptions;
  const inclusive = options.taxes.find((t) => t.name === DEMO_FIXTURES.taxes.ppnInclusive);
  expect(inclusive).toMatchObject({ rateBasisPoints: 1_100, inclusive: true });
  await call('settings.update', { outlet: DEMO_FIXTURES.outlets.pluit, register: 'Counter 1', taxType: DEMO_FIXTURES.taxes.ppnInclusive });

  // The screen never says which tax applies: main takes it from its settings and DealPOS's tax list.
  const { indomie } = DEMO_FIXTURES.variants;
  const done = await ringUp(contractCaller(services.dispatch), { codes: [indomie.code, indomie.code] });
  expect(done.sale.tax).toEqual({ name: DEMO_FIXTURES.taxes.ppnInclusive, rateBasisPoints: 1_100, inclusive: true });
  expect(done.totals.total).toBe(2 * indomie.price);
  expect(done.totals.tax).toBeGreaterThan(0);
  // The outbox sends it in the background; DealPOS (the simulator) accepting it marks it synced.
  const started = Date.now();
  let entries: QueueEntry[] = [];
  while (!entries.some((e) => e.state === 'synced')) {
    if (Date.now() - started > 20_000) throw new Error(`The invoice was not synced: ${JSON.stringify(entries)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    entries = (await call('queue.list', { limit: 10 })) as QueueEntry[];
  }
  expect(entries).toHaveLength(1);
});
