/**
 * The catalog sync on the bulk writer thread (issue 19), against the simulator over HTTP with a real
 * SQLite file: pages are read and stored by the worker on its own connection while main keeps
 * reading; a page in the wrong shape stops the pass with its field; a worker that dies mid-commit,
 * or between a page and its commit, surfaces as a catalog sync error with a message and the pass is
 * retried and completes, with the cursor never ahead of the rows; retention runs there too.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { z } from 'zod';
import type { CatalogProgressSnapshot } from '../../../shared/contract/catalog';
import { AppStateStore } from '../../../main/store/appStateStore';
import { CATALOG_CURSOR_KEY, openCatalogDatabase } from '../../../main/store/catalogDatabase';
import { CatalogStore } from '../../../main/store/catalogStore';
import { openDatabase, type OpenedDatabase } from '../../../main/store/database';
import { OutboxStore } from '../../../main/store/outboxStore';
import { CatalogSync, type SyncTimer } from '../../../main/sync/catalogSync';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { BulkWriter } from '../../../main/workers/bulkWriter';
import { SaleService } from '../../../main/sale/saleService';
import { paidSale, SETTINGS } from '../../unit/outbox/fixtures';
import { clientFor, startSim, tempDir, until } from './harness';

let dir: string;
let sim: Simulator;
let handle: OpenedDatabase;
let catalogHandle: OpenedDatabase;
let writer: BulkWriter;
let threads: Worker[];
const syncs: CatalogSync[] = [];

/** Retries fire as soon as they are set: the test checks what happens, not when. */
const promptTimer: SyncTimer = {
  set(callback) {
    const t = setTimeout(callback, 10);
    return () => clearTimeout(t);
  },
};

beforeEach(async () => {
  dir = tempDir('bulk');
  sim = await startSim({ variants: 6_000 });
  handle = openDatabase({ file: path.join(dir, 'dealpos-counter.db') });
  catalogHandle = openCatalogDatabase({ appFile: handle.file });
  threads = [];
  writer = new BulkWriter({ db: handle.db, catalogDb: catalogHandle.db, onThreadStarted: (thread) => threads.push(thread) });
});
afterEach(async () => {
  for (const sync of syncs.splice(0)) await sync.close();
  await writer.close();
  catalogHandle.close();
  handle.close();
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function makeSync(events: CatalogProgressSnapshot[] = [], { timer = promptTimer, through = writer }: { timer?: SyncTimer; through?: BulkWriter } = {}): CatalogSync {
  const sync = new CatalogSync({
    client: clientFor(sim),
    catalog: new CatalogStore(catalogHandle.db, () => null),
    state: new AppStateStore(catalogHandle.db),
    currencyDecimals: () => 0,
    onProgress: (p) => events.push(p),
    pageSize: 500,
    commitEveryRows: 1_000,
    timer,
    retryMs: 10,
    writer: through,
  });
  syncs.push(sync);
  return sync;
}

/** How many rows the stored sync cursor says are stored. */
function storedCursorDone(): number {
  return new AppStateStore(catalogHandle.db).get(CATALOG_CURSOR_KEY, z.object({ done: z.number() }).loose())?.done ?? 0;
}

it('stores every page on the worker thread while main reads the rows as they land', async () => {
  const total = sim.state.catalog.size;
  const sync = makeSync();
  sync.start();
  const catalog = new CatalogStore(catalogHandle.db, () => null);
  const seen: number[] = [];
  await until(() => {
    seen.push(catalog.count());
    return sync.progress().state === 'complete';
  }, 'sync to complete', 60_000);
  expect(catalog.count()).toBe(total);
  expect(threads).toHaveLength(1);
  // Main saw the catalog grow commit by commit (its reads never waited for the whole pass).
  expect(new Set(seen).size).toBeGreaterThan(3);
});

it('a worker that dies mid-commit is a catalog sync error with a message; the pass is retried and completes, cursor never ahead of the rows', async () => {
  const total = sim.state.catalog.size;
  const events: CatalogProgressSnapshot[] = [];
  const sync = makeSync(events);
  // Stop the first thread as soon as it has stored something, in the middle of the pass.
  const catalog = new CatalogStore(catalogHandle.db, () => null);
  sync.start();
  await until(() => catalog.count() > 0, 'first rows');
  await threads[0]?.terminate();
  // At no point may the stored cursor count more rows than are stored.
  await until(() => {
    expect(storedCursorDone()).toBeLessThanOrEqual(catalog.count());
    return sync.progress().state === 'complete';
  }, 'the retried pass to complete', 60_000);
  const waiting = events.find((e) => e.state === 'waiting');
  expect(waiting?.lastError).toMatch(/background database writer stopped.*retrying/);
  expect(threads.length).toBeGreaterThanOrEqual(2);
  expect(catalog.count()).toBe(total);
  expect(storedCursorDone()).toBe(total);
});

it('a page DealPOS sends in another shape is read on the worker and stops the sync with the field it got wrong; nothing of it is stored', async () => {
  const events: CatalogProgressSnapshot[] = [];
  // No retry fires during the test: the stop is what is checked.
  const sync = makeSync(events, { timer: { set: () => () => undefined } });
  sim.faults.mutateNext(1, (body) => (Array.isArray(body) ? body.map((row: object) => ({ ...row, UnitPrice: 'free' })) : body), { path: 'Variant' });
  const catalog = new CatalogStore(catalogHandle.db, () => null);
  sync.start();
  await until(() => sync.progress().state === 'error', 'the sync to stop on the bad page', 30_000);
  expect(sync.progress().lastError).toMatch(/Unexpected DealPOS response from Variant: field "0\.UnitPrice"/);
  // The bad page was the pass's first: nothing stored, and the cursor says so.
  expect(catalog.count()).toBe(0);
  expect(storedCursorDone()).toBe(0);
  expect(events.some((e) => e.state === 'waiting')).toBe(false);
});

it('a worker that dies between reading a page and storing its commit loses those rows: the commit fails, the pages are fetched again and the pass completes', async () => {
  const total = sim.state.catalog.size;
  const events: CatalogProgressSnapshot[] = [];
  let staged = 0;
  // The same writer, except that the thread is stopped right after it read the first page: the
  // second page of that commit is read by a fresh thread, which never saw the first.
  const dying: typeof writer = Object.create(writer, {
    stageCatalogPage: {
      value: async (...args: Parameters<BulkWriter['stageCatalogPage']>) => {
        const page = await writer.stageCatalogPage(...args);
        if (++staged === 1) await threads[0]?.terminate();
        return page;
      },
    },
  });
  const sync = makeSync(events, { through: dying });
  const catalog = new CatalogStore(catalogHandle.db, () => null);
  sync.start();
  await until(() => sync.progress().state === 'complete', 'the retried pass to complete', 60_000);
  const waiting = events.find((e) => e.state === 'waiting');
  expect(waiting?.lastError).toMatch(/writer holds 500 of the 1000 rows/);
  expect(catalog.count()).toBe(total);
  expect(storedCursorDone()).toBe(total);
});

it('removes old synced sales on the worker thread, and never a pending one', async () => {
  const outbox = new OutboxStore(handle.db);
  let now = Date.UTC(2026, 0, 1);
  const sales = new SaleService({ store: outbox, settings: () => SETTINGS, now: () => now, offsetMinutes: () => 420 });
  const synced = Array.from({ length: 1_200 }, () => sales.complete(paidSale()).localId);
  for (const id of synced) outbox.markSynced(id, `srv-${id}`, now);
  now += 1_000;
  const pending = sales.complete(paidSale()).localId;
  const result = await writer.pruneSynced(now, 200);
  expect(result.removed).toBe(1_200);
  expect(outbox.stats()).toMatchObject({ pending: 1 });
  expect(outbox.get(pending)?.state).toBe('pending');
  expect(outbox.get(synced[0] ?? '')).toBeNull();
});

it("leaves checkpoints to the thread while it has work, and gives them back to main's connections after, also when the thread dies", async () => {
  // SQLite checkpoints inside whichever commit finds the WAL past its limit: during an ingest that
  // would be main caching a looked-up code, copying the thread's catalog pages.
  const mainAutocheckpoint = (): unknown => {
    const app = handle.db.pragma('wal_autocheckpoint', { simple: true });
    expect(catalogHandle.db.pragma('wal_autocheckpoint', { simple: true })).toBe(app);
    return app;
  };
  expect(mainAutocheckpoint()).toBe(1_000);
  const sync = makeSync();
  const catalog = new CatalogStore(catalogHandle.db, () => null);
  sync.start();
  await until(() => catalog.count() > 0 && mainAutocheckpoint() === 0, 'a commit in flight with main not checkpointing');
  await until(() => sync.progress().state === 'complete', 'the pass to complete', 60_000);
  expect(mainAutocheckpoint()).toBe(1_000);

  const pruning = writer.pruneSynced(Date.now(), 200);
  expect(mainAutocheckpoint()).toBe(0);
  await threads.at(-1)?.terminate();
  await expect(pruning).rejects.toThrow(/background database writer stopped/);
  expect(mainAutocheckpoint()).toBe(1_000);
});
