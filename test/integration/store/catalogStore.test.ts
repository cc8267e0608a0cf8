import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogStore, toFtsPrefixQuery, type VariantRecord } from '../../../main/store/catalogStore';
import { openCatalogDatabase } from '../../../main/store/catalogDatabase';
import type { OpenedDatabase } from '../../../main/store/database';

let dir: string;
let handle: OpenedDatabase;
let outlet: string | null;
let store: CatalogStore;

function variant(code: string, name: string, extra: Partial<VariantRecord> = {}): VariantRecord {
  return {
    code,
    name,
    product: name.split(' (')[0] ?? name,
    unitPrice: 50_000,
    discontinued: false,
    updatedAt: '2026-11-22T10:00:00.000+00:00',
    dealposId: `id-${code}`,
    outletPrices: [],
    ...extra,
  };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-catalog-'));
  handle = openCatalogDatabase({ appFile: path.join(dir, 'dealpos-counter.db') });
  outlet = null;
  store = new CatalogStore(handle.db, () => outlet);
});
afterEach(() => {
  handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('CatalogStore', () => {
  it("answers the shortest code from what the file holds now: this connection's writes and another's (the writer thread's) both count", () => {
    expect(store.shortestCodeLength()).toBeNull();
    store.upsertMany([variant('036000291452', 'Tissue box'), variant('1315L', 'Cardigan (L)')]);
    expect(store.shortestCodeLength()).toBe(5);
    expect(store.shortestCodeLength()).toBe(5);
    // Another connection to the same file, as the bulk writer thread has.
    const other = openCatalogDatabase({ appFile: path.join(dir, 'dealpos-counter.db') });
    try {
      new CatalogStore(other.db, () => null).upsertMany([variant('777', 'Short code')]);
    } finally {
      other.close();
    }
    expect(store.shortestCodeLength()).toBe(3);
    store.upsertMany([variant('42', 'Shorter still')]);
    expect(store.shortestCodeLength()).toBe(2);
  });

  it('stores variants and finds them by code and by normalised key', () => {
    store.upsertMany([variant('1315L', 'Cardigan (L)'), variant('036000291452', 'Tissue box')]);
    expect(store.count()).toBe(2);
    expect(store.findByCode('1315L')).toMatchObject({ code: '1315L', name: 'Cardigan (L)', price: 50_000, discontinued: false });
    expect(store.findByKey('1315L')?.code).toBe('1315L');
    // The UPC-A is stored under its zero-padded EAN-13 key.
    expect(store.findByKey('0036000291452')?.code).toBe('036000291452');
    expect(store.findByKey('NOPE')).toBeNull();
  });

  it('prefers the exact code, then an active item, among codes that differ only by case', () => {
    store.upsertMany([variant('ab-1', 'Lower', { discontinued: true }), variant('AB-1', 'Upper', { discontinued: true }), variant('Ab-1', 'Mixed')]);
    expect(store.findByKey('AB-1', 'ab-1')?.name).toBe('Lower');
    expect(store.findByKey('AB-1', 'aB-1')?.name).toBe('Mixed');
    expect(store.findByCode('nope')).toBeNull();
  });

  it('uses the configured outlet price when there is one, else the unit price', () => {
    store.upsertMany([
      variant('A1', 'Alpha', { outletPrices: [{ outlet: 'Pluit', price: 45_000 }, { outlet: 'Kemang', price: 47_000 }] }),
      variant('B1', 'Beta'),
    ]);
    expect(store.findByCode('A1')?.price).toBe(50_000);
    outlet = 'Pluit';
    expect(store.findByCode('A1')?.price).toBe(45_000);
    expect(store.findByCode('B1')?.price).toBe(50_000);
    expect(store.search('alpha', 5)[0]?.price).toBe(45_000);
  });

  it('updates in place, replaces outlet prices and keeps search in step', () => {
    store.upsertMany([variant('A1', 'Alpha', { outletPrices: [{ outlet: 'Pluit', price: 1 }] })]);
    store.upsertMany([variant('A1', 'Gamma', { unitPrice: 60_000, discontinued: true })]);
    outlet = 'Pluit';
    expect(store.findByCode('A1')).toMatchObject({ name: 'Gamma', price: 60_000, discontinued: true });
    expect(store.search('alpha', 5)).toEqual([]);
    expect(store.search('gam', 5).map((i) => i.code)).toEqual(['A1']);
    expect(store.count()).toBe(1);
  });

  it('searches by name, code and product prefix; every term must match', () => {
    store.upsertMany([
      variant('1315L', 'Cardigan (L)'),
      variant('1315XL', 'Cardigan (XL)'),
      variant('200536', 'Boots (36)'),
      variant('KOP-01', 'Kopi Susu Gula Aren'),
      variant('E-01', 'Crème brûlée'),
    ]);
    expect(store.search('card', 10).map((i) => i.code).sort()).toEqual(['1315L', '1315XL']);
    expect(store.search('cardigan xl', 10).map((i) => i.code)).toEqual(['1315XL']);
    expect(store.search('2005', 10).map((i) => i.code)).toEqual(['200536']);
    expect(store.search('kop-0', 10).map((i) => i.code)).toEqual(['KOP-01']);
    expect(store.search('susu aren', 10).map((i) => i.code)).toEqual(['KOP-01']);
    expect(store.search('creme brul', 10).map((i) => i.code)).toEqual(['E-01']);
    expect(store.search('card', 1)).toHaveLength(1);
  });

  it('never lets search input break the FTS5 query syntax', () => {
    store.upsertMany([variant('A1', 'Alpha')]);
    for (const nasty of ['"', 'alpha"', 'NEAR(', 'a AND OR', '*', '^alpha', 'col:alpha', '(((', "'; DROP TABLE variant;--", '']) {
      expect(() => store.search(nasty, 5)).not.toThrow();
    }
    expect(toFtsPrefixQuery('  ""  ')).toBeNull();
    expect(toFtsPrefixQuery('alpha"')).toBe('"alpha"*');
    expect(store.count()).toBe(1);
  });

  it('deletes variants a full pass did not see', () => {
    store.upsertMany([variant('A1', 'Alpha'), variant('B1', 'Beta')], 1);
    store.upsertMany([variant('A1', 'Alpha')], 2);
    expect(store.deleteNotSeenSince(2)).toBe(1);
    expect(store.findByCode('B1')).toBeNull();
    expect(store.search('beta', 5)).toEqual([]);
  });

  it('writes nothing from a page when one row is invalid', () => {
    expect(() =>
      store.upsertMany([variant('A1', 'Alpha'), { ...variant('B1', 'Beta'), unitPrice: Number.NaN }]),
    ).toThrow();
    expect(store.count()).toBe(0);
  });
});
