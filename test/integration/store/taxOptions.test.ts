/**
 * settings.options taxes against the real simulator over HTTP and a real SQLite file: DealPOS's
 * Rate and Type become `rateBasisPoints` and `inclusive`, the list is cached for offline use, and a
 * Rate or Type we cannot read exactly is refused without touching the cache.
 * (`npx vitest run test/integration/store/taxOptions.test.ts`; no keychain needed.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OPTIONS_KEY } from '../../../main/account/accountService';
import { loadSettingsOptions } from '../../../main/account/settingsOptions';
import type { DealPosClient } from '../../../main/dealpos/dealPosClient';
import { DealPosBadResponseError } from '../../../main/dealpos/errors';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { AppStateStore } from '../../../main/store/appStateStore';
import { openDatabase, type OpenedDatabase } from '../../../main/store/database';
import { taxRuleFor } from '../../../shared/sale/saleRules';
import { NO_TAX } from '../../../shared/sale/sale';
import { clientFor, quietLogger, startSim, tempDir } from './harness';

let dir: string;
let sim: Simulator;
let database: OpenedDatabase;
let session: { state: AppStateStore; client: DealPosClient };
// maxAgeMs 0: every call asks DealPOS, so the test sees a fetch or the offline fallback, never a reuse.
const load = (): ReturnType<typeof loadSettingsOptions> => loadSettingsOptions(session, { maxAgeMs: 0, logger: quietLogger() });

beforeEach(async () => {
  dir = tempDir('tax-options');
  sim = await startSim({ variants: 10 });
  database = openDatabase({ file: path.join(dir, 'live.db') });
  session = { state: new AppStateStore(database.db), client: clientFor(sim) };
});
afterEach(async () => {
  database.close();
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('settings.options taxes', () => {
  it('carry the rate in basis points and whether prices include the tax, from Rate and Type', async () => {
    const options = await load();
    expect(options.source).toBe('dealpos');
    expect(options.taxes.map(({ name, rateBasisPoints, inclusive }) => ({ name, rateBasisPoints, inclusive }))).toEqual([
      { name: 'No Tax', rateBasisPoints: 0, inclusive: false },
      { name: 'PPN 11%', rateBasisPoints: 1_100, inclusive: false },
      { name: 'PPN 11% Inclusive', rateBasisPoints: 1_100, inclusive: true },
    ]);
    expect(options.taxes.every((t) => t.id.length > 0)).toBe(true);
  });

  it('follows DealPOS Type, not the name, and converts a fractional Rate exactly', async () => {
    sim.state.taxes.push({ ID: 'pb1', Name: 'PB1 Resto', Rate: 11.5, Type: 'Inclusive' });
    const options = await load();
    expect(options.taxes.find((t) => t.name === 'PB1 Resto')).toEqual({ id: 'pb1', name: 'PB1 Resto', rateBasisPoints: 1_150, inclusive: true });
    expect(taxRuleFor('PB1 Resto', options.taxes)).toEqual({ tax: { name: 'PB1 Resto', rateBasisPoints: 1_150, inclusive: true }, taxFallback: null });
  });

  it('keeps serving the cached list offline', async () => {
    const online = await load();
    await sim.refuseConnections();
    const offline = await load();
    expect(offline.source).toBe('cache');
    expect(offline.taxes).toEqual(online.taxes);
  });

  it('refuses a Rate that is not an exact basis-point value, naming the field, and keeps the cache', async () => {
    const before = await load();
    sim.state.taxes.push({ ID: 'odd', Name: 'Odd', Rate: 11.555, Type: 'Exclusive' });
    const error = await load().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DealPosBadResponseError);
    expect(error).toMatchObject({ code: 'bad_response', field: '[3].Rate' });
    await sim.refuseConnections();
    expect((await load()).taxes).toEqual(before.taxes);
  });

  it('refuses a Type it does not know, naming the field', async () => {
    sim.state.taxes.push({ ID: 'x', Name: 'Mystery', Rate: 10, Type: 'Included' });
    await expect(load()).rejects.toMatchObject({ code: 'bad_response', field: '[3].Type' });
  });

  it('ignores a cache from before taxes carried their type; the checkout then falls back to No Tax', async () => {
    session.state.set(OPTIONS_KEY, {
      outlets: [],
      paymentMethods: [],
      taxes: [{ id: 't', name: 'PPN 11% Inclusive', ratePercent: 11 }],
      source: 'dealpos',
      fetchedAt: new Date().toISOString(),
    });
    await sim.refuseConnections();
    const options = await load();
    expect(options.source).toBe('none');
    expect(taxRuleFor('PPN 11% Inclusive', options.taxes)).toEqual({ tax: NO_TAX, taxFallback: 'PPN 11% Inclusive' });
  });
});
