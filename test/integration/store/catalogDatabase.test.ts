/**
 * The catalog cache in a file of its own (issue 19), with real SQLite files: a store upgrading from
 * the single file keeps its catalog and sync cursor (and sells from it offline at once), a sale never
 * waits for a catalog write in progress, and a damaged catalog file is replaced without touching the
 * sales.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { z } from 'zod';
import { AppStateStore } from '../../../main/store/appStateStore';
import { CATALOG_CURSOR_KEY, catalogFileOf, openCatalogDatabase } from '../../../main/store/catalogDatabase';
import { CatalogStore, type VariantRecord } from '../../../main/store/catalogStore';
import { openDatabase, type OpenedDatabase } from '../../../main/store/database';
import { DraftStore } from '../../../main/store/draftStore';
import { MIGRATIONS } from '../../../main/store/migrations';
import { emptyDraft } from '../../../main/sale/draft';
import { createServices } from '../../../main/services';
import { contractCaller } from '../../support/checkout';
import { quietLogger, tempDir } from './harness';

const BEFORE_THE_SPLIT = 11;
let dir: string;
let file: string;
const opened: OpenedDatabase[] = [];

function keep(handle: OpenedDatabase): OpenedDatabase {
  opened.push(handle);
  return handle;
}

function record(i: number): VariantRecord {
  return {
    code: `SKU-${i}`,
    name: `Kopi susu ${i}`,
    product: 'Kopi susu',
    unitPrice: 10_000 + i,
    discontinued: false,
    updatedAt: '2026-12-06T09:00:00+07:00',
    dealposId: `id-${i}`,
    outletPrices: i % 2 === 0 ? [{ outlet: 'Pluit', price: 9_000 + i }] : [],
  };
}

beforeEach(() => {
  dir = tempDir('catalog-file');
  file = path.join(dir, 'dealpos-counter.db');
});
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('lives beside its app database: dealpos-counter.catalog.db, demo.catalog.db', () => {
  expect(catalogFileOf(file)).toBe(path.join(dir, 'dealpos-counter.catalog.db'));
  expect(catalogFileOf(path.join(dir, 'demo.db'))).toBe(path.join(dir, 'demo.catalog.db'));
});

it('an app database from before the split keeps its catalog and sync cursor on upgrade, and gives the freed space back', () => {
  const rows = 5_000;
  const old = openDatabase({ file, migrations: MIGRATIONS.slice(0, BEFORE_THE_SPLIT) });
  new CatalogStore(old.db, () => null).upsertMany(Array.from({ length: rows }, (_, i) => record(i)), 7);
  new AppStateStore(old.db).set(CATALOG_CURSOR_KEY, { done: rows, generation: 7 });
  old.close();
  // A copy left by an upgrade interrupted after it copied: the step copies again, no duplicates.
  const stale = openCatalogDatabase({ appFile: file });
  new CatalogStore(stale.db, () => null).upsertMany([record(rows + 1)]);
  stale.close();
  const sizeBefore = fs.statSync(file).size;

  const app = keep(openDatabase({ file, logger: quietLogger() }));
  expect(app.schemaVersion).toBe(MIGRATIONS.length);
  expect(app.db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'variant%' OR name = 'outlet_price'").all()).toEqual([]);
  expect(new AppStateStore(app.db).get(CATALOG_CURSOR_KEY, z.unknown())).toBeNull();
  // Closing checkpoints the compacted copy into the file.
  opened.pop()?.close();
  expect(fs.statSync(file).size).toBeLessThan(sizeBefore / 2);

  const catalogFile = keep(openCatalogDatabase({ appFile: file }));
  const catalog = new CatalogStore(catalogFile.db, () => 'Pluit');
  expect(catalog.count()).toBe(rows);
  expect(catalog.findByCode(`SKU-${rows + 1}`)).toBeNull();
  expect(catalog.findByCode('SKU-42')).toMatchObject({ name: 'Kopi susu 42', price: 9_042 });
  expect(catalog.findByCode('SKU-43')).toMatchObject({ price: 10_043 });
  expect(catalog.search('kopi 4999', 5).map((item) => item.code)).toEqual(['SKU-4999']);
  expect(new AppStateStore(catalogFile.db).get(CATALOG_CURSOR_KEY, z.object({ done: z.number(), generation: z.number() }))).toEqual({ done: rows, generation: 7 });
});

it('an upgraded counter with no network resolves and finds its cached items from the first call', async () => {
  const old = openDatabase({ file, migrations: MIGRATIONS.slice(0, BEFORE_THE_SPLIT) });
  new CatalogStore(old.db, () => null).upsertMany(Array.from({ length: 50 }, (_, i) => record(i)));
  old.close();
  // No account is connected: the app starts in setup mode and never reaches the network.
  const services = await createServices({ dataDir: dir, version: 'test', host: 'browser', logToStderr: false });
  try {
    const call = contractCaller(services.dispatch);
    expect(await call('catalog.resolve', { code: 'SKU-7' })).toMatchObject({ status: 'found', source: 'cache', item: { name: 'Kopi susu 7', price: 10_007 } });
    expect((await call('catalog.search', { query: 'kopi 49', limit: 5 })).map((item) => item.code)).toEqual(['SKU-49']);
  } finally {
    await services.close();
  }
});

it("a scan's draft and a sale commit while the catalog file is in the middle of a write", () => {
  const app = keep(openDatabase({ file }));
  keep(openCatalogDatabase({ appFile: file }));
  // The bulk writer's side: a catalog transaction open on its own connection, holding that file's write lock.
  const writer = new Database(catalogFileOf(file));
  try {
    writer.exec('BEGIN IMMEDIATE');
    writer.prepare("INSERT INTO app_state(key, value, updated_at) VALUES ('probe', '1', 'now')").run();
    // Waiting at all would now fail at once with SQLITE_BUSY instead of sleeping.
    app.db.pragma('busy_timeout = 0');
    const drafts = new DraftStore(app.db);
    const draft = emptyDraft('draft-1');
    drafts.create(draft, Date.now());
    drafts.save(draft, Date.now());
    expect(drafts.open()?.id).toBe('draft-1');
    writer.exec('ROLLBACK');
  } finally {
    writer.close();
  }
});

it('commits the catalog with relaxed durability and sales with FULL sync', () => {
  const app = keep(openDatabase({ file }));
  const catalogFile = keep(openCatalogDatabase({ appFile: file }));
  // 2 = FULL, 1 = NORMAL: a power cut may lose the catalog's last commit (fetched again), never a sale.
  expect(app.db.pragma('synchronous', { simple: true })).toBe(2);
  expect(catalogFile.db.pragma('synchronous', { simple: true })).toBe(1);
});

it('moves a damaged catalog file aside and starts an empty one, saying the catalog is fetched again; the sales file is untouched', () => {
  const app = keep(openDatabase({ file }));
  new AppStateStore(app.db).set('probe', 'kept');
  fs.writeFileSync(catalogFileOf(file), Buffer.alloc(8192, 0x5a));
  const catalogFile = keep(openCatalogDatabase({ appFile: file, now: () => new Date('2026-12-06T10:00:00Z') }));
  expect(path.basename(catalogFile.damaged?.movedTo ?? '')).toBe('dealpos-counter.catalog.damaged-20261206T100000Z.db');
  expect(catalogFile.damaged?.message).toMatch(/catalog cache was damaged .* fetched again from DealPOS; the old file holds no sales/);
  expect(new CatalogStore(catalogFile.db, () => null).count()).toBe(0);
  expect(new AppStateStore(app.db).get('probe', z.string())).toBe('kept');
});
