/**
 * The app process of store.scanDuringSync.bench.ts: the real services behind the browser host,
 * connected as a live account to a DealPOS simulator in its own process with 200,000 variants and
 * the quota lifted (100,000 requests a minute), so connecting starts a full catalog sync that runs
 * flat out. The simulator stands in for DealPOS's servers, which are not on a counter's CPU: it
 * runs at idle priority, taking only the CPU the app and the browser leave. Prints the `HostLine`s
 * of syncingStore.ts (codes once `CACHED_ROWS` variants are stored). Shuts down (simulator
 * included) when stdin closes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startBrowserHost } from '../../../main/browserHost/browserHost';
import { runHost, serveUntilStdinEnds } from '../hostLifetime';
import { createServices } from '../../../main/services';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import { catalogFileOf } from '../../../main/store/catalogDatabase';
import { LIVE_DB_FILE } from '../../../main/store/database';
import { listeningUrl, spawnSimulator } from '../../support/simulatorProcess';
import { SYNC_VARIANTS, type HostLine } from './syncingStore';

/** Stored before the scans start: the pages that hold the scanned codes are in, the rest still coming. */
const CACHED_ROWS = 10_000;
/** Distinct codes handed to the driver (a scan of a code already in the cart adds no row). */
const CODES = 2_000;
const CLIENT_ID = '5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f';
const CLIENT_SECRET = '7c6b5a49-3827-4161-9f0e-d1c2b3a4f5e6';

/** The `{ url }` line comes first: what the sync reports before it is held back until then. */
const heldBack: HostLine[] = [];
let urlPrinted = false;
function print(line: HostLine): void {
  if (!urlPrinted && !('url' in line)) {
    heldBack.push(line);
    return;
  }
  urlPrinted = true;
  for (const next of [line, ...heldBack.splice(0)]) process.stdout.write(`${JSON.stringify(next)}\n`);
}

/** Sellable codes already in the cache, read on a connection of their own (WAL: the sync is not held up). */
function cachedCodes(dataDir: string): string[] {
  const db = new Database(catalogFileOf(path.join(dataDir, LIVE_DB_FILE)), { readonly: true });
  try {
    const rows = db.prepare('SELECT code FROM variant WHERE discontinued = 0 AND unit_price > 0 ORDER BY id LIMIT ?').all(CODES * 2) as Array<{ code: string }>;
    // Only what a keyboard-wedge scanner types (the driver sends real key events).
    return rows.map((r) => r.code).filter((code) => /^[A-Za-z0-9.-]+$/.test(code)).slice(0, CODES);
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const rendererDir = process.argv[2];
  if (!rendererDir) throw new Error('usage: syncingStoreHost.ts <rendererDir>');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-bench-sync-'));
  const simulator = spawnSimulator(['--port', '0', '--variants', String(SYNC_VARIANTS), '--rate-limit', '100000/60', '--client-id', CLIENT_ID, '--client-secret', CLIENT_SECRET], { idlePriority: true });
  const simulatorUrl = await listeningUrl(simulator);
  const services = await createServices({ dataDir, version: 'bench', host: 'browser', logToStderr: false });
  let startedAt = 0;
  let codesSent = false;
  let synced = false;
  services.events.on('catalogProgress', (progress) => {
    if (progress.state === 'error') {
      console.error(`catalog sync failed: ${progress.lastError ?? ''}`);
      process.exit(1);
    }
    if (!codesSent && progress.done >= CACHED_ROWS && progress.state === 'syncing') {
      codesSent = true;
      print({ codes: cachedCodes(dataDir), done: progress.done });
    }
    if (progress.state === 'complete') synced = true;
    if (progress.state === 'complete' && startedAt > 0) print({ complete: true, syncMs: performance.now() - startedAt, variants: progress.done });
  });
  startedAt = performance.now();
  // Connecting starts the full sync (main/catalog/catalogService.ts).
  await services.handlers['account.connect']({ subdomain: new URL(simulatorUrl).host, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  await services.handlers['settings.update']({
    outlet: DEMO_FIXTURES.outlets.main,
    register: 'Bench',
    taxType: DEMO_FIXTURES.taxes.none,
    paymentMethods: [DEMO_FIXTURES.paymentMethods.cash],
    invoiceNumberPrefix: 'BENCH',
  });
  // Each scan's time in main, from the call (validated, dispatched) to its answer: the round trip's share that is main's.
  const dispatch: typeof services.dispatch = async (method, input) => {
    if (method !== 'sale.scan') return services.dispatch(method, input);
    const syncing = !synced;
    const started = performance.now();
    try {
      return await services.dispatch(method, input);
    } finally {
      print({ handledMs: performance.now() - started, syncing: syncing && !synced });
    }
  };
  const host = await startBrowserHost({ services: { ...services, dispatch }, rendererDir });
  print({ url: host.url });

  serveUntilStdinEnds(host, services, () => {
    simulator.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
}

runHost(main);
