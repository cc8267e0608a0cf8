import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogProgressSnapshot } from '../../../shared/contract/catalog';
import type { DealPosClient } from '../../../main/dealpos/dealPosClient';
import { createLogger } from '../../../main/logging/logger';
import { AppStateStore } from '../../../main/store/appStateStore';
import { CatalogStore } from '../../../main/store/catalogStore';
import { openCatalogDatabase } from '../../../main/store/catalogDatabase';
import type { OpenedDatabase } from '../../../main/store/database';
import { CatalogSync, type CatalogSyncOptions, type SyncTimer } from '../../../main/sync/catalogSync';
import { roleKey } from '../../../main/simulator/simulatorFaults';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { clientFor, startSim, tempDir, until } from './harness';

let dir: string;
let sim: Simulator;
let handle: OpenedDatabase;
let catalog: CatalogStore;
let state: AppStateStore;
let client: DealPosClient;
let events: CatalogProgressSnapshot[];
const syncs: CatalogSync[] = [];

/** Timers the test fires by hand, so retries and refreshes happen exactly when the test says. */
function manualTimer(): SyncTimer & { fire(): void; pending(): number } {
  const queue: Array<() => void> = [];
  return {
    set(callback) {
      queue.push(callback);
      return () => {
        const i = queue.indexOf(callback);
        if (i >= 0) queue.splice(i, 1);
      };
    },
    fire() {
      for (const callback of queue.splice(0)) callback();
    },
    pending: () => queue.length,
  };
}

function makeSync(overrides: Partial<CatalogSyncOptions> = {}): CatalogSync {
  const sync = new CatalogSync({
    client,
    catalog,
    state,
    currencyDecimals: () => 0,
    onProgress: (p) => events.push(p),
    pageSize: 500,
    // Commit every page, as happens at the real quota where pages arrive seconds apart.
    commitEveryRows: 1,
    timer: manualTimer(),
    ...overrides,
  });
  syncs.push(sync);
  return sync;
}

beforeEach(async () => {
  dir = tempDir('sync');
  sim = await startSim({ variants: 1200 });
  handle = openCatalogDatabase({ appFile: path.join(dir, 'dealpos-counter.db') });
  catalog = new CatalogStore(handle.db, () => null);
  state = new AppStateStore(handle.db);
  client = clientFor(sim);
  events = [];
});
afterEach(async () => {
  for (const sync of syncs.splice(0)) await sync.close();
  handle.close();
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('CatalogSync', () => {
  it('pauses on a full disk with the storage_full wording, never SQLite\'s text, and finishes once there is room', async () => {
    const timer = manualTimer();
    let capped = false;
    const sync = makeSync({
      timer,
      onProgress: (p) => {
        events.push(p);
        if (p.state !== 'syncing' || capped) return;
        // The pass is under way: from here the file may not grow, and SQLite answers SQLITE_FULL as on a full disk.
        capped = true;
        handle.db.pragma(`max_page_count = ${handle.db.pragma('page_count', { simple: true }) as number}`);
      },
    });
    sync.start();
    await until(() => sync.progress().state === 'waiting', 'the pass to pause');
    expect(sync.progress().lastError).toBe('The disk is full while storing catalog pages; free some space and try again');
    expect(sync.progress().lastError).not.toMatch(/database or disk is full/);
    handle.db.pragma('max_page_count = 1073741823');
    timer.fire();
    await until(() => sync.progress().state === 'complete', 'the pass to finish');
    expect(catalog.count()).toBe(sim.state.catalog.size);
  });

  it('pulls every variant page by page with progress, then reports complete', async () => {
    const total = sim.state.catalog.size; // 1,200 generated + the fixed records
    const sync = makeSync();
    sync.start();
    await until(() => sync.progress().state === 'complete', 'sync to complete');
    expect(catalog.count()).toBe(total);
    expect(sim.state.countRequests('Variant')).toBe(Math.ceil((total + 1) / 500));
    expect(sim.state.countRequests('Variant/Count')).toBe(1);
    const dones = events.filter((e) => e.state === 'syncing').map((e) => e.done);
    expect(dones).toEqual([0, 500, 1000]);
    expect(sync.progress()).toMatchObject({ state: 'complete', done: total, total, etaMs: null, lastError: null });
    expect(sync.progress().lastSyncAt).not.toBeNull();
    const indomie = sim.state.catalog.at(sim.state.catalog.fixed.length + 7);
    expect(catalog.findByCode(indomie?.Code ?? '')?.name).toBe(indomie?.Name);
  });

  it('a first-ever pass asks Variant/Count once: total from the first event, a finite estimate after the first page', async () => {
    // A clock that moves 1 s per reading, so the estimate never depends on how fast this machine is.
    let clock = Date.parse('2026-11-22T03:00:00Z');
    const sync = makeSync({ now: () => new Date((clock += 1000)) });
    expect(sync.progress()).toMatchObject({ done: 0, total: null });
    sync.start();
    await until(() => sync.progress().state === 'complete', 'sync to complete');
    const total = sim.state.catalog.size;
    const syncing = events.filter((e) => e.state === 'syncing');
    expect(syncing.map((e) => [e.done, e.total])).toEqual([
      [0, total],
      [500, total],
      [1000, total],
    ]);
    expect(syncing[0]?.etaMs).toBeNull(); // nothing paged yet, so no rate to project
    for (const event of syncing.slice(1)) {
      expect(Number.isFinite(event.etaMs)).toBe(true);
      expect(event.etaMs).toBeGreaterThan(0);
    }
    expect(sim.state.countRequests('Variant/Count')).toBe(1);
    // Later passes estimate from the last complete pass and do not ask again.
    sync.syncNow();
    await until(() => sim.state.countRequests('Variant') === 6 && sync.progress().state === 'complete', 'the second pass');
    expect(sim.state.countRequests('Variant/Count')).toBe(1);
  });

  it('while the request quota paces the pages, the estimate follows the quota and a wait for it is said before the page', async () => {
    // A burst of free slots made the measured pace promise "about 6 s left" for minutes; the quota sets the real pace.
    const quota = { perWindow: 40, windowMs: 180_000, waitMs: 0 };
    const sync = makeSync({ pageSize: 100, quota: () => quota });
    sync.start();
    await until(() => events.some((e) => e.state === 'syncing' && e.done === 300), 'three pages');
    const afterThree = events.find((e) => e.state === 'syncing' && e.done === 300);
    const total = sim.state.catalog.size;
    const pagesLeft = Math.ceil((total - 300) / 100);
    expect(afterThree?.etaMs).toBe(Math.round(((pagesLeft - 1) * 180_000) / 40));
    expect(afterThree?.quotaWaitMs).toBeNull();
    await until(() => sync.progress().state === 'complete', 'sync to complete');

    // Out of slots: the next page waits a minute for the quota, and the progress says so before asking.
    quota.waitMs = 60_000;
    events = [];
    sync.syncNow();
    await until(() => sync.progress().state === 'complete', 'the second pass');
    const announced = events.find((e) => e.state === 'syncing' && e.quotaWaitMs !== null);
    expect(announced?.quotaWaitMs).toBe(60_000);
    expect(announced?.etaMs).toBeGreaterThanOrEqual(60_000);
  });

  it.each([
    ['404 (no such endpoint)', () => sim.faults.failNext(1, { path: 'Variant/Count', status: 404 })],
    ['an answer of another shape', () => sim.faults.mutateNext(1, () => ({ Total: 5 }), { path: 'Variant/Count' })],
  ])('a server whose Variant/Count gives %s still completes the sync, without a total until the end, warning once', async (_case, fault) => {
    fault();
    const lines: string[] = [];
    const timer = manualTimer();
    const sync = makeSync({
      logger: createLogger((line) => lines.push(line)),
      timer,
      onProgress: (p) => {
        events.push(p);
        // A transient failure after page 1: the retried pass must not ask for the count again.
        if (p.state === 'syncing' && p.done === 500 && events.filter((e) => e.state === 'waiting').length === 0) {
          sim.faults.failNext(1, { path: /^variant$/i, status: 503 });
        }
      },
    });
    sync.start();
    await until(() => sync.progress().state === 'waiting', 'the 503 after page 1');
    timer.fire();
    await until(() => sync.progress().state === 'complete', 'sync to complete');
    expect(catalog.count()).toBe(sim.state.catalog.size);
    expect(events.filter((e) => e.state === 'syncing').every((e) => e.total === null && e.etaMs === null)).toBe(true);
    expect(sync.progress()).toMatchObject({ state: 'complete', total: sim.state.catalog.size, lastError: null });
    expect(sim.state.countRequests('Variant/Count')).toBe(1);
    const mentions = lines.filter((line) => line.includes('Variant/Count'));
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toContain(' WARN ');
  });

  it('resumes at the first page not stored after a crash, without fetching stored pages again', async () => {
    const first = makeSync({
      onProgress: (p) => {
        events.push(p);
        // After page 1 is committed, the next page request fails as if the process died mid-sync.
        if (p.state === 'syncing' && p.done === 500) sim.faults.resetNext(1, { path: /^variant$/i });
      },
    });
    first.start();
    await until(() => first.progress().state === 'waiting', 'the failure after page 1');
    expect(catalog.count()).toBe(500);
    await first.close();

    const before = sim.state.countRequests('Variant');
    const second = makeSync();
    // The first pass's Variant/Count answer is kept with the cursor, so the resumed bar has its total.
    expect(second.progress()).toMatchObject({ done: 500, total: sim.state.catalog.size });
    second.start();
    await until(() => second.progress().state === 'complete', 'the resumed sync');
    expect(sim.state.countRequests('Variant') - before).toBe(2); // pages 2 and 3 only
    expect(sim.state.countRequests('Variant/Count')).toBe(1);
    expect(catalog.count()).toBe(sim.state.catalog.size);
  });

  it('retries a transient failure on its timer and uses the last total for the estimate', async () => {
    const timer = manualTimer();
    const sync = makeSync({ timer });
    sync.start();
    await until(() => sync.progress().state === 'complete', 'first pass');
    sim.faults.failNext(1, { path: /^variant$/i, status: 503 });
    sync.syncNow();
    await until(() => sync.progress().state === 'waiting', 'the 503');
    expect(sync.progress().lastError).toMatch(/503|error/i);
    timer.fire();
    await until(() => sync.progress().state === 'complete', 'the retry');
    expect(events.some((e) => e.state === 'syncing' && e.total === sim.state.catalog.size)).toBe(true);
  });

  it('groups pages that arrive back to back into fewer commits, and resumes from the last commit', async () => {
    const sync = makeSync({
      commitEveryRows: 1000,
      commitEveryMs: 3_600_000,
      onProgress: (p) => {
        events.push(p);
        if (p.state === 'syncing' && p.done === 1000) sim.faults.resetNext(1, { path: /^variant$/i });
      },
    });
    sync.start();
    await until(() => sync.progress().state === 'waiting', 'the failure after the first commit');
    expect(events.filter((e) => e.state === 'syncing').map((e) => e.done)).toEqual([0, 1000]);
    expect(catalog.count()).toBe(1000);
    await sync.close();
    const before = sim.state.countRequests('Variant');
    const resumed = makeSync({ commitEveryRows: 1000 });
    resumed.start();
    await until(() => resumed.progress().state === 'complete', 'the resumed sync');
    expect(sim.state.countRequests('Variant') - before).toBe(1); // only page 3
    expect(catalog.count()).toBe(sim.state.catalog.size);
  });

  it('drops variants DealPOS no longer lists once a pass completes', async () => {
    catalog.upsertMany([
      { code: 'GONE-1', name: 'Deleted upstream', product: 'Gone', unitPrice: 1, discontinued: false, updatedAt: '2026-01-01T00:00:00.000Z', dealposId: null, outletPrices: [] },
    ]);
    const sync = makeSync();
    sync.start();
    await until(() => sync.progress().state === 'complete', 'sync');
    expect(catalog.findByCode('GONE-1')).toBeNull();
  });

  it('stops with state error (no retry loop) when the API user lacks the Products role', async () => {
    sim.faults.forbiddenRoles.add(roleKey('Products', 'VIEW'));
    const sync = makeSync();
    sync.start();
    await until(() => sync.progress().state === 'error', 'the 403');
    expect(sync.progress().lastError).toMatch(/Products VIEW/);
    expect(catalog.count()).toBe(0);
  });
});
