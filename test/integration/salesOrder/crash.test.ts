/**
 * Crash test for the tracking-number queue: a child process (crashChild.ts, bundled once) records
 * tracking numbers and sends them while this test SIGKILLs it at random moments, 10 times over, on
 * one SQLite file; the simulator lives here, so its state survives the kills. Afterwards every record
 * the child reported is in DealPOS, and DealPOS processed at most one extra send per kill (a record in
 * flight when the process died is sent again at the next start: the same values, see assumptions.ts).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DealPosClient } from '../../../main/dealpos/dealPosClient';
import { RequestBudget } from '../../../main/dealpos/requestBudget';
import { EventHub } from '../../../main/events/eventHub';
import { createLogger } from '../../../main/logging/logger';
import { createSalesOrderService, type SalesOrderService } from '../../../main/salesOrder/salesOrderService';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../../main/simulator/demoData';
import { key } from '../../../main/simulator/simulatorState';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { openDatabase, type OpenedDatabase } from '../../../main/store/database';
import { SalesOrderReferenceStore } from '../../../main/store/salesOrderReferenceStore';
import { bundleChild } from '../../support/bundleChild';
import { tempDatabase } from '../../unit/outbox/fixtures';
import { startTestSimulator, waitFor } from '../outbox/harness';

const KILLS = 10;
const ORDERS = 5_000;

let sim: Simulator;
let dir: ReturnType<typeof tempDatabase>;
let childBundle = '';
let final: { service: SalesOrderService; opened: OpenedDatabase; budget: RequestBudget } | null = null;

beforeAll(async () => {
  sim = await startTestSimulator();
  sim.faults.latencyMs = 15;
  for (let n = 1; n <= ORDERS; n++) {
    sim.state.salesOrders.set(key('Outlet1', `SO-${n}`), { outlet: 'Outlet1', number: `SO-${n}`, referenceNumber: null, logisticServiceCode: null, note: null });
  }
  dir = tempDatabase('unused.db');
  childBundle = await bundleChild(path.join(__dirname, 'crashChild.ts'), dir.dir);
});
afterAll(async () => {
  await final?.service.stop();
  final?.budget.close();
  final?.opened.close();
  await sim.close();
  dir.cleanup();
});

function runAndKill(dbFile: string, workMs: number): Promise<Array<[string, string]>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childBundle], {
      env: { ...process.env, DB_FILE: dbFile, SIM_URL: sim.url, NODE_PATH: path.resolve(__dirname, '../../../node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const recorded: Array<[string, string]> = [];
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'READY' && !timer) timer = setTimeout(() => child.kill('SIGKILL'), workMs);
        const [word, order, reference] = line.split(' ');
        if (word === 'RECORDED' && order && reference) recorded.push([order, reference]);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child exited on its own (code ${code}): ${stderr.slice(-2000)}`));
      else resolve(recorded);
    });
  });
}

it(`every tracking number reported recorded survives ${KILLS} SIGKILLs and reaches DealPOS, at most one extra send per kill`, async () => {
  const dbFile = path.join(dir.dir, 'register.db');
  const reported: Array<[string, string]> = [];
  for (let i = 0; i < KILLS; i++) reported.push(...(await runAndKill(dbFile, 60 + Math.floor(Math.random() * 300))));
  expect(reported.length).toBeGreaterThan(KILLS);

  const opened = openDatabase({ file: dbFile });
  expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
  const store = new SalesOrderReferenceStore(opened.db);
  const budget = new RequestBudget({ limit: 100_000, windowSeconds: 2 });
  const client = new DealPosClient({ baseUrl: sim.url, clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, budget, timeoutMs: 2_000 });
  const service = createSalesOrderService({
    store,
    client: () => client,
    accessibleOutlets: () => ['Outlet1'],
    lastUsedCode: { get: () => null, set: () => undefined },
    events: new EventHub(),
    logger: createLogger(() => undefined),
  });
  final = { service, opened, budget };
  service.start();
  await waitFor('the queue to drain', () => store.waitingCount() === 0, 20_000);

  for (const [order, reference] of reported) {
    expect(sim.state.salesOrders.get(key('Outlet1', order))?.referenceNumber, order).toBe(reference);
  }
  const records = store.recent(100_000);
  expect(records.every((record) => record.state === 'sent')).toBe(true);
  const processed = sim.state.requestLog.filter((entry) => entry.path === 'SalesOrder/ReferenceNumber' && entry.status === 200).length;
  expect(processed).toBeGreaterThanOrEqual(records.length);
  expect(processed).toBeLessThanOrEqual(records.length + KILLS);
}, 90_000);
