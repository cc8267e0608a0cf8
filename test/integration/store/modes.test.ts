/**
 * Demo and live data stay apart, through the real composition root: a sale made in the demo store
 * never reaches the live database or a real account's server, and the demo catalog does not appear
 * in live mode. Real simulators, real SQLite, real keychain
 * (`bash scripts/withKeyring.sh npx vitest run test/integration/store`).
 */
import fs from 'node:fs';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { CatalogProgress } from '../../../shared/contract/catalog';
import { createServices, type Services } from '../../../main/services';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { contractCaller, ringUp } from '../../support/checkout';
import { requireKeychain, SIM_CLIENT_ID, SIM_SECRET, startSim, tempDir, until } from './harness';

let dir: string;
let sim: Simulator | null = null;
let services: Services | null = null;

beforeAll(requireKeychain);
afterEach(async () => {
  await services?.close();
  await sim?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, input: unknown = {}): Promise<unknown> {
  if (!services) throw new Error('no services');
  const result = await services.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

it('keeps demo sales and the demo catalog out of live mode and away from a real account', async () => {
  dir = tempDir('modes');
  services = await createServices({ dataDir: dir, version: 'test', host: 'browser', logToStderr: false });
  const progress: CatalogProgress[] = [];
  services.events.on('catalogProgress', (p) => progress.push(p));

  expect(await call('account.startDemo')).toMatchObject({ mode: 'demo' });
  expect(await call('app.info')).toMatchObject({ mode: 'demo' });
  await until(() => progress.some((p) => p.state === 'complete'), 'the demo catalog sync', 30_000);
  const { indomie, silverQueen } = DEMO_FIXTURES.variants;
  expect(await call('catalog.resolve', { code: indomie.code })).toMatchObject({ status: 'found', source: 'cache', item: { price: indomie.price } });

  expect(await call('settings.options')).toMatchObject({ source: 'dealpos' });
  await call('settings.update', { outlet: DEMO_FIXTURES.outlets.pluit, register: 'Counter 1', taxType: 'No Tax', invoiceNumberPrefix: 'DEMO' });
  expect(await call('catalog.resolve', { code: silverQueen.code })).toMatchObject({ item: { price: silverQueen.pluitPrice } });

  const sale = await ringUp(contractCaller(services.dispatch), { codes: [indomie.code, indomie.code], payments: [{ method: 'Cash', amount: 10_000 }] });
  const demoInvoice = sale.invoiceNumber;
  expect(((await call('queue.list', { limit: 50 })) as unknown[]).length).toBe(1);

  // Leave the demo: back to the live file, which has neither the sale nor the demo catalog.
  expect(await call('account.disconnect')).toMatchObject({ mode: 'setup' });
  expect(await call('queue.list', { limit: 50 })).toEqual([]);
  expect(await call('catalog.search', { query: 'indomie', limit: 5 })).toEqual([]);
  expect((await call('settings.get')) as { outlet: string | null }).toMatchObject({ outlet: null });

  // A real account connected afterwards never receives the demo invoice.
  sim = await startSim({ variants: 20 });
  expect(await call('account.connect', { subdomain: `127.0.0.1:${sim.port}`, clientId: SIM_CLIENT_ID, clientSecret: SIM_SECRET })).toMatchObject({ mode: 'live' });
  await until(() => progress.filter((p) => p.state === 'complete').length >= 2, 'the live catalog sync', 30_000);
  expect(await call('catalog.search', { query: 'indomie', limit: 5 })).toHaveLength(1); // the live simulator's own copy
  expect([...sim.state.invoices.values()].some((invoice) => JSON.stringify(invoice).includes(demoInvoice))).toBe(false);
  expect(sim.state.countRequests('Invoice', 'POST') + sim.state.countRequests('Invoice/List', 'POST')).toBe(0);
});

it('numbers every catalog snapshot it hands out, answers and events in one rising sequence', async () => {
  dir = tempDir('revisions');
  services = await createServices({ dataDir: dir, version: 'test', host: 'browser', logToStderr: false });
  const seen: Array<{ via: 'event' | 'answer'; progress: CatalogProgress }> = [];
  services.events.on('catalogProgress', (progress) => seen.push({ via: 'event', progress }));
  await call('account.startDemo');
  seen.push({ via: 'answer', progress: (await call('catalog.syncState')) as CatalogProgress });
  await until(() => seen.some((s) => s.via === 'event' && s.progress.state === 'complete'), 'the demo catalog sync to complete');
  seen.push({ via: 'answer', progress: (await call('catalog.syncState')) as CatalogProgress });
  const revisions = seen.map((s) => s.progress.revision);
  // In the order main produced them: strictly rising, so the renderer can drop any that arrive late.
  expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
  expect(new Set(revisions).size).toBe(revisions.length);
  expect(seen.at(-1)?.progress.state).toBe('complete');
  expect(seen.filter((s) => s.via === 'event').length).toBeGreaterThan(1);
});
