/**
 * Crash test: a child process (crashChild.ts, bundled with esbuild so it starts fast) completes
 * sales and syncs them while this test kills it with SIGKILL at random moments, 15–20 times over,
 * on one SQLite file. The simulator lives here, so
 * its state survives the kills. Afterwards every sale the child reported complete is on the
 * simulator exactly once (reconciled by number) and the database passes integrity_check.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundleChild } from '../../support/bundleChild';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { openDatabase } from '../../../main/store/database';
import { tempDatabase } from '../../unit/outbox/fixtures';
import { expectExactlyOnce, startRegister, startTestSimulator, waitFor, type Register } from './harness';

const KILLS = 20;
/** On a loaded machine stop early (but never below this many kills) to stay well inside the time limit. */
const MIN_KILLS = 15;
const SOFT_LIMIT_MS = 30_000;
const CHILD_SOURCE = path.join(__dirname, 'crashChild.ts');
let childBundle = '';

let sim: Simulator;
let dir: ReturnType<typeof tempDatabase>;
let finalRegister: Register | null = null;

beforeAll(async () => {
  sim = await startTestSimulator();
  // Responses take a moment, so kills often land while a request is in flight.
  sim.faults.latencyMs = 15;
  dir = tempDatabase('unused.db');
  // Bundled once so each of the many child starts is plain `node` (no TypeScript transform per start).
  childBundle = await bundleChild(CHILD_SOURCE, dir.dir);
});
afterAll(async () => {
  await finalRegister?.outbox.stop();
  await sim.close();
  dir.cleanup();
});

/** Runs the child until it is ready, lets it work for `workMs`, then SIGKILLs it. Returns what it reported sold. */
function runAndKill(dbFile: string, workMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [childBundle], {
      // The native module stays in the project's node_modules.
      env: { ...process.env, DB_FILE: dbFile, SIM_URL: sim.url, NODE_PATH: path.resolve(__dirname, '../../../node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sold: string[] = [];
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'READY' && !timer) timer = setTimeout(() => child.kill('SIGKILL'), workMs);
        else if (line.startsWith('SOLD ')) sold.push(line.slice(5));
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child exited on its own (code ${code}): ${stderr.slice(-2000)}`));
      else resolve(sold);
    });
  });
}

it(`every sale reported complete survives ${MIN_KILLS}–${KILLS} SIGKILLs and reaches DealPOS exactly once`, async () => {
  const dbFile = path.join(dir.dir, 'register.db');
  const reported: string[] = [];
  const started = Date.now();
  let kills = 0;
  for (let i = 0; i < KILLS && (i < MIN_KILLS || Date.now() - started < SOFT_LIMIT_MS); i++) {
    kills++;
    // Now and then the server commits an invoice and the answer never comes back.
    if (i % 3 === 1) sim.faults.dropResponseNext(1);
    reported.push(...(await runAndKill(dbFile, 60 + Math.floor(Math.random() * 400))));
  }
  expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
  expect(reported.length).toBeGreaterThan(kills);
  expect(new Set(reported).size).toBe(reported.length);

  // Restart once more, in this process, and let it drain.
  const check = openDatabase({ file: dbFile });
  expect(check.db.pragma('integrity_check', { simple: true })).toBe('ok');
  check.close();

  finalRegister = startRegister(sim, { dbFile });
  const register = finalRegister;
  register.outbox.worker.syncNow();
  await waitFor('the queue to drain', () => register.status.get().queue.pending === 0, 20_000);
  expect(register.status.get().queue.needsAttention).toBe(0);

  const byNumber = new Map(register.outbox.store.list(undefined, 100_000).map((e) => [e.invoiceNumber, e]));
  const sales = reported.map((number) => {
    const entry = byNumber.get(number);
    if (!entry) throw new Error(`reported sale ${number} is not in the database`);
    return { localId: entry.localId, invoiceNumber: number };
  });
  expect(expectExactlyOnce(sim, register, sales)).toEqual([]);
  // Sends in doubt were checked (one by number, several by one listing), not blindly resent.
  expect(sim.state.countRequests('Invoice/IDByNumber') + sim.state.countRequests('Invoice/MultipleOutlet')).toBeGreaterThan(0);
}, 60_000);
