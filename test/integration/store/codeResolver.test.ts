import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CodeResolver } from '../../../main/catalog/codeResolver';
import type { DealPosClient } from '../../../main/dealpos/dealPosClient';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { CatalogStore, type VariantRecord } from '../../../main/store/catalogStore';
import { openCatalogDatabase } from '../../../main/store/catalogDatabase';
import type { OpenedDatabase } from '../../../main/store/database';
import { clientFor, startSim, tempDir } from './harness';

let dir: string;
let sim: Simulator;
let handle: OpenedDatabase;
let catalog: CatalogStore;
let client: DealPosClient | null;
let online: boolean;
let outlet: string | null;
let resolver: CodeResolver;

const v = DEMO_FIXTURES.variants;
const cached = (code: string, name: string, extra: Partial<VariantRecord> = {}): VariantRecord => ({
  code,
  name,
  product: name,
  unitPrice: 1000,
  discontinued: false,
  updatedAt: '2026-11-22T10:00:00.000Z',
  dealposId: null,
  outletPrices: [],
  ...extra,
});

beforeEach(async () => {
  dir = tempDir('resolver');
  sim = await startSim({ variants: 100 });
  handle = openCatalogDatabase({ appFile: path.join(dir, 'dealpos-counter.db') });
  outlet = null;
  catalog = new CatalogStore(handle.db, () => outlet);
  client = clientFor(sim);
  online = true;
  resolver = new CodeResolver({ catalog, client: () => client, online: () => online, currencyDecimals: () => 0, timeoutMs: 2000, maxWaitMs: 1000 });
});
afterEach(async () => {
  handle.close();
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('CodeResolver', () => {
  it('answers from the cache without asking DealPOS, whatever the scanner adds around the code', async () => {
    catalog.upsertMany([cached('1315L', 'Cardigan (L)')]);
    const result = await resolver.resolve(' ]A01315L\r\n');
    expect(result).toMatchObject({ status: 'found', source: 'cache', warning: null, item: { code: '1315L', name: 'Cardigan (L)' } });
    expect(sim.state.countRequests('Variant/Detail')).toBe(0);
  });

  it('finds an item stored as EAN-13 when its UPC-A is scanned, and the other way round', async () => {
    catalog.upsertMany([cached(v.pringlesUpc.code, v.pringlesUpc.name), cached('036000291452', 'Tissue')]);
    expect(await resolver.resolve(v.pringlesUpc.code.slice(1))).toMatchObject({ status: 'found', item: { code: v.pringlesUpc.code } });
    expect(await resolver.resolve('0036000291452')).toMatchObject({ status: 'found', item: { code: '036000291452' } });
  });

  it('returns a discontinued item with a warning so the cashier can decide', async () => {
    catalog.upsertMany([cached(v.discontinued.code, v.discontinued.name, { discontinued: true })]);
    expect(await resolver.resolve(v.discontinued.code)).toMatchObject({ status: 'found', warning: 'discontinued' });
  });

  it('asks Variant/Detail for an uncached code when online, caches the answer with the outlet price', async () => {
    outlet = DEMO_FIXTURES.outlets.pluit;
    const first = await resolver.resolve(v.silverQueen.code);
    expect(first).toMatchObject({ status: 'found', source: 'dealpos', item: { code: v.silverQueen.code, name: v.silverQueen.name, price: v.silverQueen.pluitPrice } });
    const second = await resolver.resolve(v.silverQueen.code);
    expect(second).toMatchObject({ status: 'found', source: 'cache' });
    expect(sim.state.countRequests('Variant/Detail')).toBe(1);
    expect(catalog.search('silverqueen', 5).map((i) => i.code)).toEqual([v.silverQueen.code]);
  });

  it('tries the UPC-A / EAN-13 twin on DealPOS when the scanned form is unknown there', async () => {
    const upc = v.pringlesUpc.code.slice(1); // DealPOS holds the zero-padded EAN-13
    expect(await resolver.resolve(upc)).toMatchObject({ status: 'found', source: 'dealpos', item: { code: v.pringlesUpc.code } });
    expect(sim.state.countRequests('Variant/Detail')).toBe(2);
  });

  it('shares one request between two quick scans of the same unknown code', async () => {
    const [a, b] = await Promise.all([resolver.resolve(v.aqua.code), resolver.resolve(v.aqua.code)]);
    expect(a.status).toBe('found');
    expect(b.status).toBe('found');
    expect(sim.state.countRequests('Variant/Detail')).toBe(1);
  });

  it('says unknown_code when DealPOS does not know the code', async () => {
    expect(await resolver.resolve('NOPE-123')).toEqual({ status: 'unknown_code', code: 'NOPE-123' });
  });

  it('says not_cached_offline when DealPOS cannot be reached, or is known to be unreachable, or no account', async () => {
    sim.faults.offline = true;
    expect(await resolver.resolve(v.tehBotol.code)).toEqual({ status: 'not_cached_offline', code: v.tehBotol.code });
    const requests = sim.state.requestLog.length;
    online = false;
    expect(await resolver.resolve(v.tehBotol.code)).toMatchObject({ status: 'not_cached_offline' });
    expect(sim.state.requestLog.length).toBe(requests); // not even tried
    online = true;
    client = null;
    expect(await resolver.resolve(v.tehBotol.code)).toMatchObject({ status: 'not_cached_offline' });
  });

  it('rejects garbage and misreads as invalid_code without asking DealPOS', async () => {
    expect(await resolver.resolve('8991001000011')).toMatchObject({ status: 'invalid_code', reason: 'check_digit' });
    expect(await resolver.resolve('x'.repeat(5000))).toMatchObject({ status: 'invalid_code', reason: 'too_long' });
    expect(await resolver.resolve('AB\u0007C')).toMatchObject({ status: 'invalid_code', reason: 'control_characters' });
    expect(await resolver.resolve('  ')).toMatchObject({ status: 'invalid_code', reason: 'empty' });
    expect(sim.state.countRequests('Variant/Detail')).toBe(0);
  });

  it('still sells a store-internal 13-digit code that fails the GTIN check when it is cached', async () => {
    catalog.upsertMany([cached('2000000000001', 'Internal bulk item')]);
    expect(await resolver.resolve('2000000000001')).toMatchObject({ status: 'found', item: { code: '2000000000001' } });
  });
});
