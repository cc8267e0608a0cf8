/**
 * kill -9 between a shift's close and its sync changes nothing: a child (shiftCrashChild.ts,
 * bundled once) closes a shift while DealPOS is unreachable and is SIGKILLed right after the Z
 * report is committed; later children are killed while the invoices, the open and the close are in
 * flight, with answers to `POST /Shift` and `PUT /Shift` dropped after DealPOS acted. The
 * simulator lives here, so its state survives. Afterwards: one shift on DealPOS, opened and closed
 * once, holding exactly the shift's invoices, with the Sales and Tax of the unchanged Z report.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ZReport } from '../../../shared/contract/shift';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { openDatabase } from '../../../main/store/database';
import { bundleChild } from '../../support/bundleChild';
import { startTestSimulator, waitFor } from '../outbox/harness';
import { startShiftCounter, type ShiftCounter } from './shiftCounter';

let sim: Simulator;
let dir = '';
let bundle = '';
let final: ShiftCounter | null = null;

beforeAll(async () => {
  sim = await startTestSimulator();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-shift-crash-'));
  bundle = await bundleChild(path.join(__dirname, 'shiftCrashChild.ts'), dir);
});
afterAll(async () => {
  await final?.close();
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts the child, SIGKILLs it `killAfterMs` after it printed `after` ('READY' or 'Z'); answers the Z line if one came. */
function runAndKill(dbFile: string, after: 'READY' | 'Z', killAfterMs: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], {
      env: { ...process.env, DB_FILE: dbFile, SIM_URL: sim.url, NODE_PATH: path.resolve(__dirname, '../../../node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    let stderr = '';
    let z: string | null = null;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('Z ')) z = line.slice(2);
        if (line === after || (after === 'Z' && line.startsWith('Z '))) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(z) : reject(new Error(`child exited on its own (${code}): ${stderr.slice(-2000)}`))));
  });
}

it('a SIGKILL between the close and its sync changes neither the Z report nor what DealPOS gets', async () => {
  const dbFile = path.join(dir, 'register.db');
  sim.faults.offline = true;
  const zLine = await runAndKill(dbFile, 'Z', 0);
  sim.faults.offline = false;
  expect(zLine).not.toBeNull();
  const closedZ = JSON.parse(zLine ?? '{}') as ZReport;
  expect(closedZ.queuedAtClose).toBe(5);
  expect(sim.state.shifts).toHaveLength(0);

  // Answers lost after DealPOS acted, and kills while requests are in flight.
  sim.faults.latencyMs = 20;
  sim.faults.dropResponseNext(1, { path: /^shift$/i, method: 'POST' });
  sim.faults.dropResponseNext(1, { path: /^invoice(\/list)?$/i, method: 'POST' });
  for (const ms of [40, 90, 150]) {
    if (ms === 90) sim.faults.dropResponseNext(1, { path: /^shift$/i, method: 'PUT' });
    await runAndKill(dbFile, 'READY', ms);
  }
  sim.faults.latencyMs = 0;

  const check = openDatabase({ file: dbFile });
  expect(check.db.pragma('integrity_check', { simple: true })).toBe('ok');
  check.close();

  final = startShiftCounter({ dbFile, simUrl: sim.url });
  const counter = final;
  counter.outbox.worker.syncNow();
  await waitFor('the close to reach DealPOS', () => counter.outbox.shifts.syncOf(closedZ.shiftId).close === 'synced', 20_000);

  const z = await counter.shifts.handlers['shift.zReport']({ number: closedZ.number });
  expect({ ...z, sync: null }).toEqual(closedZ);
  expect(sim.state.shifts).toHaveLength(1);
  expect(sim.state.shifts[0]).toMatchObject({ Register: 'Outlet1', OpAmount: 150_000, TotalInvoice: 5, Sales: z.totals.sales, Tax: z.totals.tax });
  expect(sim.state.shifts[0]?.CloseMs).not.toBeNull();
  const invoices = [...sim.state.invoices.values()].filter((i) => i.Number.startsWith('SHF'));
  expect(invoices).toHaveLength(5);
  expect(counter.outbox.store.list('synced', 10).map((e) => e.invoiceNumber).sort()).toEqual(invoices.map((i) => i.Number).sort());
}, 60_000);
