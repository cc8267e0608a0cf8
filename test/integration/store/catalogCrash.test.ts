/**
 * SIGKILL during the bulk writer's commits (issue 19): a child process syncs a 20,000-variant
 * catalog through the worker thread (catalogCrashChild.ts) and is killed, again and again, moments
 * after it stored something — so most kills land while the worker is inside a transaction. After
 * each kill the next child resumes from the stored cursor. Afterwards both files (the app database
 * and its catalog file) pass integrity_check, the sales waiting in the outbox are exactly as they
 * were, the cursor never counted rows that are not stored, and a last pass completes with every
 * variant.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { SaleService } from '../../../main/sale/saleService';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { AppStateStore } from '../../../main/store/appStateStore';
import { CatalogStore } from '../../../main/store/catalogStore';
import { CATALOG_CURSOR_KEY } from '../../../main/store/catalogDatabase';
import { openDatabase } from '../../../main/store/database';
import { OutboxStore } from '../../../main/store/outboxStore';
import { CatalogSync } from '../../../main/sync/catalogSync';
import { openStoreFiles } from '../../support/storeFiles';
import { paidSale, SETTINGS } from '../../unit/outbox/fixtures';
import { clientFor, SIM_CLIENT_ID, SIM_SECRET, startSim, tempDir, until } from './harness';

const KILLS = 5;
const CHILD = path.join(__dirname, 'catalogCrashChild.ts');
let dir: string;
let sim: Simulator;

beforeAll(async () => {
  dir = tempDir('catalog-crash');
  sim = await startSim({ variants: 20_000, rateLimit: { count: 100_000, seconds: 60 } });
});
afterAll(async () => {
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts a child; once it has stored a commit beyond `after` rows, waits `delayMs` and SIGKILLs it. Resolves to the rows it reported. */
function syncUntilKilled(file: string, after: number, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, DB_FILE: file, SIM_URL: sim.url, SIM_CLIENT_ID, SIM_SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let done = 0;
    let out = '';
    let stderr = '';
    let killing = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      for (const match of out.matchAll(/DONE (\d+) (\w+)/g)) done = Math.max(done, Number(match[1]));
      if (!killing && (done > after || out.includes(' complete'))) {
        killing = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(done) : reject(new Error(`child exited on its own (${code}): ${stderr.slice(-2000)}`))));
  });
}

it(`survives ${KILLS} SIGKILLs during worker commits: catalog resumes, outbox untouched, cursor never ahead`, async () => {
  const file = path.join(dir, 'dealpos-counter.db');
  const before = openDatabase({ file });
  const outbox = new OutboxStore(before.db);
  const sales = new SaleService({ store: outbox, settings: () => SETTINGS, now: () => Date.UTC(2026, 11, 6, 3), offsetMinutes: () => 420 });
  for (let i = 0; i < 30; i++) sales.complete(paidSale());
  const outboxBefore = JSON.stringify(outbox.list(undefined, 100));
  before.close();

  let reported = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    reported = await syncUntilKilled(file, reported, (kill * 37) % 120);
    const check = openStoreFiles(file);
    try {
      expect(check.app.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(check.catalog.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new CatalogStore(check.catalog.db, () => null).count();
      const cursor = new AppStateStore(check.catalog.db).get(CATALOG_CURSOR_KEY, z.object({ done: z.number() }).loose());
      expect(cursor?.done ?? 0).toBeLessThanOrEqual(stored);
      expect(JSON.stringify(new OutboxStore(check.app.db).list(undefined, 100))).toBe(outboxBefore);
    } finally {
      check.close();
    }
  }
  expect(reported).toBeGreaterThan(0);

  // The next start resumes the interrupted pass (not a new one) and completes it.
  const after = openStoreFiles(file);
  try {
    const requestsBefore = sim.state.countRequests('Variant', 'POST');
    const sync = new CatalogSync({
      client: clientFor(sim),
      catalog: new CatalogStore(after.catalog.db, () => null),
      state: new AppStateStore(after.catalog.db),
      currencyDecimals: () => 0,
      pageSize: 500,
      onProgress: () => undefined,
    });
    sync.start();
    await until(() => sync.progress().state === 'complete', 'the resumed pass to complete', 60_000);
    await sync.close();
    expect(new CatalogStore(after.catalog.db, () => null).count()).toBe(sim.state.catalog.size);
    expect(sim.state.countRequests('Variant', 'POST') - requestsBefore).toBeLessThan(Math.ceil(sim.state.catalog.size / 500));
    expect(JSON.stringify(new OutboxStore(after.app.db).list(undefined, 100))).toBe(outboxBefore);
  } finally {
    after.close();
  }
}, 180_000);
