/**
 * Crash test for returns (issue 16): a child process (returnCrashChild.ts, bundled with esbuild)
 * takes returns one unit at a time while this test SIGKILLs it at random moments, some right after
 * main committed a return and before its answer got out, with DealPOS unreachable for the first
 * runs (the originals are still queued when their returns are taken). A return whose answer was
 * lost, taken again with its id, is the one return. In the end every sale and every return reaches
 * DealPOS exactly once, each return after its original, and no item comes back more than it was sold.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundleChild } from '../../support/bundleChild';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { tempDatabase } from '../../unit/outbox/fixtures';
import { expectExactlyOnce, startRegister, startTestSimulator, waitFor, type Register } from '../outbox/harness';

const KILLS = 10;
let sim: Simulator;
let dir: ReturnType<typeof tempDatabase>;
let bundle = '';
let register: Register | null = null;

beforeAll(async () => {
  sim = await startTestSimulator();
  sim.faults.latencyMs = 5;
  dir = tempDatabase('unused.db');
  bundle = await bundleChild(path.join(__dirname, 'returnCrashChild.ts'), dir.dir);
});
afterAll(async () => {
  await register?.outbox.stop();
  await sim.close();
  dir.cleanup();
});

function runAndKill(dbFile: string, originals: readonly string[], workMs: number, retry: string, dieAfter: boolean): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], {
      env: {
        ...process.env,
        DB_FILE: dbFile,
        SIM_URL: sim.url,
        ORIGINALS: originals.join(','),
        RETRY: retry,
        DIE_AFTER: dieAfter ? '1' : '',
        NODE_PATH: path.resolve(__dirname, '../../../node_modules'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[][] = [];
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line.split(' '));
        if ((line === 'READY' && !timer) || line === 'DONE') {
          if (timer) clearTimeout(timer);
          timer = setTimeout(() => child.kill('SIGKILL'), line === 'DONE' ? 0 : workMs);
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child exited on its own (code ${code}): ${stderr.slice(-2000)}`));
      else resolve(lines);
    });
  });
}

it(`after ${KILLS} SIGKILLs while taking returns, each return exists once, after its original, never beyond what was sold`, async () => {
  const dbFile = path.join(dir.dir, 'register.db');
  // Twenty paid sales (a cardigan and two Indomie each), recorded while DealPOS is unreachable.
  sim.faults.offline = true;
  const seller = startRegister(sim, { dbFile });
  const sales = seller.sell(20);
  await seller.outbox.stop();
  seller.db.opened.close();
  const originals = sales.map((s) => s.invoiceNumber);

  const answered = new Map<string, string>();
  let retry = '';
  let lost = 0;
  for (let i = 0; i < KILLS; i++) {
    // DealPOS comes back only after the first runs: returns are taken against queued originals.
    sim.faults.offline = i < 3;
    // Early runs, while there is plenty left to return, die right after main committed one.
    const dieAfter = i === 1 || i === 2 || i === 4;
    const lines = await runAndKill(dbFile, originals, 60 + Math.floor(Math.random() * 200), retry, dieAfter);
    let pending = '';
    for (const [kind, id = '', value = '', line = ''] of lines) {
      if (kind === 'RETRIED' || kind === 'RETURNED') {
        const earlier = answered.get(id);
        if (earlier !== undefined) expect(value).toBe(earlier);
        answered.set(id, value);
        if (kind === 'RETRIED') retry = '';
        pending = '';
      } else if (kind === 'RETURNING') pending = `${id} ${value} ${line}`;
    }
    if (pending !== '') {
      retry = pending;
      lost++;
    }
  }
  expect(answered.size).toBeGreaterThan(3);
  expect(lost).toBeGreaterThanOrEqual(2);
  expect(new Set(answered.values()).size).toBe(answered.size);

  sim.faults.offline = false;
  register = startRegister(sim, { dbFile });
  const final = register;
  final.outbox.worker.syncNow();
  await waitFor('the queue to drain', () => final.status.get().queue.pending === 0, 20_000);
  const recorded = final.outbox.store.list(undefined, 100_000);
  // Every recorded document is a sale, an answered return, or the last run's unanswered one.
  const returnsRecorded = recorded.filter((e) => !originals.includes(e.invoiceNumber));
  const unknown = returnsRecorded.filter((e) => ![...answered.values()].includes(e.invoiceNumber));
  expect(unknown.length).toBeLessThanOrEqual(retry === '' ? 0 : 1);
  // Synced, once each, with the id recorded: DealPOS refused none (no over-return, none before its original).
  expect(expectExactlyOnce(sim, final, recorded.map((e) => ({ localId: e.localId, invoiceNumber: e.invoiceNumber })))).toEqual([]);
  for (const number of originals) {
    const sold = sim.state.findInvoice('Outlet1', number);
    const back = [...sim.state.invoices.values()].filter((i) => i.ReferenceInvoiceNumber === number);
    for (const line of sold?.Variants ?? []) {
      const returnedUnits = -back.flatMap((i) => i.Variants ?? []).filter((v) => v.Code === line.Code).reduce((n, v) => n + (v.Quantity ?? 0), 0);
      expect(returnedUnits).toBeLessThanOrEqual(line.Quantity ?? 0);
    }
    // Each return was created after its original.
    for (const invoice of back) expect((invoice.Created ?? '') >= (sold?.Created ?? '')).toBe(true);
  }
  console.info(`return crash test: ${answered.size} returns answered, ${lost} answers lost to a kill`);
}, 120_000);
