/**
 * A full disk never takes the counter down (issue 21), on a real small file system: the data folder
 * sits on a 24 MB tmpfs, junk written from outside fills it mid-sale, mid-send and mid-catalog-write,
 * and is deleted again. Real parts throughout: the composition root, SQLite files, the bulk writer
 * thread, the real keychain, and the simulator as its own process over HTTP (its fault routes delay
 * invoice answers so a send is in flight when the disk fills).
 *
 * Needs Linux and root to mount the tmpfs; elsewhere it is skipped and says why.
 * (`bash scripts/withKeyring.sh npx vitest run test/integration/storage`)
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogProgress } from '../../../shared/contract/catalog';
import type { QueueEntry, QueueState } from '../../../shared/contract/queue';
import type { PosError } from '../../../shared/errors';
import { RESERVE_FILE } from '../../../main/storage/spaceReserve';
import { LIVE_DB_FILE } from '../../../main/store/database';
import { logsDir } from '../../../main/config';
import { listLogFiles } from '../../../main/logging/rollingFileSink';
import { createServices, type Services } from '../../../main/services';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import { contractCaller, refusal, ringUp, type ContractCall } from '../../support/checkout';
import { listeningUrl, spawnSimulator } from '../../support/simulatorProcess';
import { requireKeychain, SIM_CLIENT_ID, SIM_SECRET, until } from '../store/harness';
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from './smallDisk';

const unavailable = smallDiskUnavailable();
const MB = 1024 * 1024;
/** Small enough to fill in a blink, big enough for the catalog below twice over. */
const DISK_BYTES = 24 * MB;
const STORAGE = { reserveBytes: 1 * MB, headroomBytes: 1 * MB, lowWaterBytes: 256 * 1024, pollMs: 100 };
const { indomie, aqua, tehBotol } = DEMO_FIXTURES.variants;

let disk: SmallDisk;
let dataDir: string;
let simulator: ChildProcess | null = null;
let simulatorUrl = '';
let services: Services | null = null;
let call: ContractCall;
/** Variants after the first pass: the catalog's size, counted by the app itself. */
let catalogSize = 0;
/** Every sale the app confirmed (recorded): each must reach DealPOS exactly once. */
const confirmed: string[] = [];
const crashes: unknown[] = [];
const onCrash = (error: unknown): void => void crashes.push(error);

async function admin(route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${simulatorUrl}/__admin/${route}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
  expect(response.ok).toBe(true);
  return response.json();
}

async function start(): Promise<Services> {
  services = await createServices({ dataDir, version: 'test', host: 'browser', logToStderr: false, storage: STORAGE });
  call = contractCaller(services.dispatch);
  return services;
}

function app(): Services {
  if (!services) throw new Error('the app is not running');
  return services;
}

async function entries(state?: QueueState): Promise<QueueEntry[]> {
  return call('queue.list', { limit: 500, ...(state ? { state } : {}) });
}

/** Polls the queue (letting timers run in between) until `count` entries are in `sending`. */
async function inFlight(count: number): Promise<QueueEntry[]> {
  const started = Date.now();
  for (;;) {
    const sending = await entries('sending');
    if (sending.length >= count) return sending;
    if (Date.now() - started > 10_000) throw new Error(`${count} invoice(s) were never in flight: ${JSON.stringify((await entries()).map((e) => [e.invoiceNumber, e.state]))}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function sell(codes: readonly string[]): Promise<string> {
  const sale = await ringUp(call, { codes });
  confirmed.push(sale.invoiceNumber);
  return sale.invoiceNumber;
}

/**
 * What the app will write next goes to the WAL's end: with the WAL truncated (as SQLite does when a
 * connection closes) the first write after the fill needs new blocks, exactly as on a busy counter.
 */
function truncateWal(): void {
  const db = new Database(path.join(dataDir, LIVE_DB_FILE));
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

async function spaceBack(): Promise<void> {
  disk.free();
  await until(() => app().status.get().disk === null, 'the app to notice the space is back', 5_000);
}

describe.skipIf(unavailable !== null)(`a full disk never takes the counter down${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  beforeAll(async () => {
    await requireKeychain();
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    disk = mountSmallDisk(DISK_BYTES);
    dataDir = path.join(disk.root, 'data');
    simulator = spawnSimulator(['--port', '0', '--faults', '--variants', '3000', '--rate-limit', '100000/60', '--client-id', SIM_CLIENT_ID, '--client-secret', SIM_SECRET]);
    simulatorUrl = await listeningUrl(simulator);
    await start();
    await call('account.connect', { subdomain: simulatorUrl.replace('http://', ''), clientId: SIM_CLIENT_ID, clientSecret: SIM_SECRET });
    await call('settings.update', { outlet: DEMO_FIXTURES.outlets.main, register: 'Kasir 1', taxType: 'No Tax', paymentMethods: ['Cash'] });
    await until(() => app().status.get().queue.pending === 0, 'nothing pending');
    const progress = (): Promise<CatalogProgress> => call('catalog.syncState', {});
    const started = Date.now();
    while ((await progress()).state !== 'complete') {
      if (Date.now() - started > 20_000) throw new Error(`the first catalog pass did not complete: ${JSON.stringify(await progress())}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    catalogSize = (await progress()).done;
    expect(catalogSize).toBeGreaterThanOrEqual(3_000);
    for (let i = 0; i < 3; i++) await sell([indomie.code, aqua.code]);
    await until(() => app().status.get().queue.pending === 0, 'the first sales to sync');
  });

  afterAll(async () => {
    await services?.close();
    simulator?.kill('SIGTERM');
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    disk?.unmount();
  });

  it('keeps a space reserve in the data folder', () => {
    expect(fs.statSync(path.join(dataDir, RESERVE_FILE)).size).toBe(STORAGE.reserveBytes);
    expect(app().status.get().disk).toBeNull();
  });

  it('mid-sale: refuses the sale with storage_full naming the folder, and status says so', async () => {
    let { sale } = await call('sale.current', {});
    for (const code of [indomie.code, tehBotol.code]) {
      const scanned = await call('sale.scan', { draftId: sale.draftId, code });
      if (scanned.status !== 'added') throw new Error(`scan answered ${scanned.status}`);
      sale = scanned.sale;
    }
    sale = await call('sale.addPayment', { draftId: sale.draftId, method: 'Cash', amount: sale.totals.due });
    truncateWal();
    expect(disk.fill()).toBeGreaterThan(0);

    const refused: PosError = await refusal(call('sale.complete', { draftId: sale.draftId }));
    expect(refused.code).toBe('storage_full');
    expect(refused.message).toContain('this sale was NOT saved');
    expect(refused.message).toContain(dataDir);
    const status = await call('app.status', {});
    expect(status.disk).toMatchObject({ folder: dataDir });
    expect(status.disk?.freeBytes).toBeGreaterThanOrEqual(0);
    // The reserve went back to the file system, for the outcomes of sends in flight.
    expect(fs.existsSync(path.join(dataDir, RESERVE_FILE))).toBe(false);
  });

  it('starts on the still-full disk, shows the state, keeps the sale in progress and refuses it again', async () => {
    await app().close();
    services = null;
    disk.fill(); // whatever the closing app gave back
    await start();
    expect(app().status.get().disk).toMatchObject({ folder: dataDir });
    const { sale } = await call('sale.current', {});
    expect(sale.lines).toHaveLength(2);
    expect((await refusal(call('sale.complete', { draftId: sale.draftId }))).code).toBe('storage_full');
    expect((await entries()).every((e) => e.state === 'synced')).toBe(true);
  });

  it('recovers by itself when space returns: the same sale completes and syncs', async () => {
    await spaceBack();
    expect(fs.statSync(path.join(dataDir, RESERVE_FILE)).size).toBe(STORAGE.reserveBytes);
    const { sale } = await call('sale.current', {});
    const { recorded } = await call('sale.complete', { draftId: sale.draftId });
    confirmed.push(recorded.invoiceNumber);
    await until(() => app().status.get().queue.pending === 0, 'the sale made after recovery to sync', 10_000);
  });

  it('mid-send: the reserve lets the app record the answer of an invoice in flight', async () => {
    await admin('faults', { delayNext: { count: 1, ms: 1_500, path: 'Invoice', method: 'POST' } });
    const number = await sell([aqua.code]);
    await until(() => app().status.get().queue.pending === 1, 'the sale to be queued');
    const sending = await inFlight(1);
    expect(sending.map((e) => e.invoiceNumber)).toEqual([number]);
    truncateWal();
    disk.fill();

    await until(() => app().status.get().queue.pending === 0, 'DealPOS to answer the invoice in flight', 5_000);
    // Still full, and nothing is left in `sending`: the answer was written into the released reserve.
    expect(app().status.get().disk).toMatchObject({ folder: dataDir });
    const after = await entries();
    expect(after.filter((e) => e.state === 'sending')).toEqual([]);
    expect(after.find((e) => e.invoiceNumber === number)?.state).toBe('synced');
    await spaceBack();
  });

  it('mid-send without a reserve left: nothing stays stuck in sending once space is back, and nothing is sent twice', async () => {
    await admin('faults', { delayNext: { count: 1, ms: 1_000, path: 'Invoice', method: 'POST' } });
    await admin('faults', { delayNext: { count: 1, ms: 1_500, path: 'Invoice/List', method: 'POST' } });
    // One goes alone (delayed); the next two wait for it and go together, also delayed.
    const numbers = [await sell([indomie.code]), await sell([tehBotol.code]), await sell([aqua.code])];
    await inFlight(2);
    const stateBefore = (await admin('state')) as { requestCounts: Record<string, number> };
    // Another program already took the room the reserve gave back.
    fs.rmSync(path.join(dataDir, RESERVE_FILE));
    truncateWal();
    disk.fill();

    await until(() => app().status.get().queue.lastError !== null, 'the failed write to show', 5_000);
    const status = await call('app.status', {});
    expect(status.disk).toMatchObject({ folder: dataDir });
    expect(status.queue.lastError).toMatch(/disk is full/i);
    expect((await entries('sending')).length).toBeGreaterThan(0);

    const freedAt = Date.now();
    await spaceBack();
    await until(() => app().status.get().queue.pending === 0, 'the invoices in doubt to be settled', 10_000);
    expect(Date.now() - freedAt).toBeLessThan(10_000);
    const listed = await entries();
    for (const number of numbers) expect(listed.find((e) => e.invoiceNumber === number)?.state).toBe('synced');
    // Settled by asking DealPOS (one listing, or by number), not by sending them again.
    const stateAfter = (await admin('state')) as { requestCounts: Record<string, number> };
    const asked = (counts: Record<string, number>): number => (counts['POST invoice/multipleoutlet'] ?? 0) + (counts['POST invoice/idbynumber'] ?? 0) + (counts['GET invoice/idbynumber'] ?? 0);
    expect(asked(stateAfter.requestCounts)).toBeGreaterThan(asked(stateBefore.requestCounts));
  });

  it('mid-catalog-write: the pass pauses with the storage_full wording and finishes by itself when space is back', async () => {
    const seen: CatalogProgress[] = [];
    const off = app().events.on('catalogProgress', (p) => seen.push(p));
    // Pages arrive a little apart, so the disk fills while the pass is under way.
    await admin('faults', { latencyMs: 400 });
    // A new pass: the earlier recoveries resumed nothing, as no pass had been stopped by the disk.
    expect((await call('catalog.syncNow', {})).state).toBe('syncing');
    await until(() => seen.some((p) => p.state === 'syncing'), 'the pass to start');
    truncateWal();
    disk.fill();
    await until(() => seen.some((p) => p.state === 'waiting'), 'the pass to pause on the full disk', 15_000);
    const paused = seen.find((p) => p.state === 'waiting');
    expect(paused?.lastError).toMatch(/^The disk is full while storing catalog pages; free some space/);
    expect(paused?.lastError).not.toMatch(/database or disk is full/);
    expect(app().status.get().disk).toMatchObject({ folder: dataDir });

    await admin('faults', { latencyMs: 0 });
    await spaceBack();
    await until(() => seen.at(-1)?.state === 'complete', 'the pass to complete after space is back', 15_000);
    off();
    expect((await call('catalog.syncState', {})).done).toBe(catalogSize);
  });

  it('ends with every confirmed sale on DealPOS exactly once, an intact database, whole log lines and no crash', async () => {
    await until(() => app().status.get().queue.pending === 0, 'the queue to drain');
    const listed = await entries();
    expect(listed.filter((e) => e.state !== 'synced')).toEqual([]);
    const onServer = ((await admin('state')) as { invoices: Array<{ Number: string; ID: string }> }).invoices;
    for (const number of confirmed) {
      const copies = onServer.filter((i) => i.Number === number);
      expect(copies, number).toHaveLength(1);
      expect(listed.find((e) => e.invoiceNumber === number)?.serverId).toBe(copies[0]?.ID);
    }
    // Nothing of this register's that the app did not confirm (the refused sale never went out).
    const code = confirmed[0]?.split('-').at(-3) ?? '';
    expect(code).not.toBe('');
    expect(onServer.filter((i) => i.Number.split('-').at(-3) === code).map((i) => i.Number).sort()).toEqual([...confirmed].sort());

    const db = new Database(path.join(dataDir, LIVE_DB_FILE), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    const lines = listLogFiles(logsDir(dataDir)).flatMap((file) => fs.readFileSync(file, 'utf8').split('\n').filter((line) => line !== ''));
    expect(lines.filter((line) => !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z (INFO|WARN|ERROR) /.test(line))).toEqual([]);
    expect(lines.some((line) => line.includes('Disk full: free space on'))).toBe(true);
    // The restart on the full disk had no room for SQLite's WAL index: main held the file alone, then shared it again.
    expect(lines.some((line) => line.includes('opened it for this process alone'))).toBe(true);
    expect(lines.some((line) => line.includes('is shared again (normal locking)'))).toBe(true);
    expect(crashes).toEqual([]);
  });
});
