/**
 * A register is SIGKILLed while a batch of 25 invoices is in flight (batchCrashChild.ts, bundled
 * like crash.test.ts's child): DealPOS created some of them and refused the others, and the answer
 * never arrived. After the restart the outbox must settle all 25 with at most 3 requests before it
 * sends anything (one `Invoice/MultipleOutlet` listing, not 25 `Invoice/IDByNumber`), resend exactly
 * the ones DealPOS does not have, and lose none. When the listing fails it checks by number instead.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { bundleChild } from '../../support/bundleChild';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { openDatabase } from '../../../main/store/database';
import { OutboxStore } from '../../../main/store/outboxStore';
import { tempDatabase } from '../../unit/outbox/fixtures';
import { expectExactlyOnce, startRegister, startTestSimulator, waitFor, type Register } from './harness';

const BATCH = 25;
/** DealPOS refuses the first 12 items of the batch (the answer that would say so is lost), creates the other 13. */
const REFUSED = 12;
const CHILD_SOURCE = path.join(__dirname, 'batchCrashChild.ts');

let childBundle = '';
let bundleDir: ReturnType<typeof tempDatabase>;
let sim: Simulator;
let dbDir: ReturnType<typeof tempDatabase>;
let register: Register | null = null;

beforeAll(async () => {
  bundleDir = tempDatabase('unused.db');
  childBundle = await bundleChild(CHILD_SOURCE, bundleDir.dir);
});
afterAll(() => bundleDir.cleanup());
beforeEach(async () => {
  sim = await startTestSimulator();
  dbDir = tempDatabase('unused.db');
});
afterEach(async () => {
  await register?.close();
  register = null;
  await sim.close();
  dbDir.cleanup();
});

const isCreate = (e: { method: string; path: string }): boolean => e.method === 'POST' && /^invoice(\/list)?$/i.test(e.path);

/** Runs the child until its batch of 25 is being answered (held back), then SIGKILLs it. Returns every number it reported sold. */
function crashWithBatchInFlight(dbFile: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childBundle], {
      env: { ...process.env, DB_FILE: dbFile, SIM_URL: sim.url, COUNT: String(BATCH), NODE_PATH: path.resolve(__dirname, '../../../node_modules') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const sold: string[] = [];
    let buffered = '';
    let stderr = '';
    let watching = false;
    const killWhenInFlight = async (): Promise<void> => {
      await waitFor('the batch to be processed, its answer held back', () => {
        const batch = sim.state.requestLog.filter((e) => e.method === 'POST' && e.path === 'Invoice/List');
        const created = sold.filter((n) => sim.state.findInvoice('Outlet1', n) !== null).length;
        // Warm-up sale + the batch's created part.
        return sold.length === BATCH + 1 && batch.length === 1 && batch[0]?.status === 'pending' && created === 1 + BATCH - REFUSED;
      });
      child.kill('SIGKILL');
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('SOLD ')) sold.push(line.slice(5));
        else if (line === 'ONLINE' && !watching) {
          watching = true;
          // The batch is processed item by item, then its answer waits until the child is dead.
          sim.faults.delayNext(1, 10_000, { path: 'Invoice/List' });
          for (let i = 0; i < REFUSED; i++) sim.faults.rejectNextInvoice('Stock count in progress; try again later');
          child.stdin.write('GO\n');
          killWhenInFlight().catch((error: unknown) => {
            child.kill('SIGKILL');
            reject(error instanceof Error ? error : new Error(String(error)));
          });
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited on its own (code ${code}): ${stderr.slice(-2000)}`));
      else resolve(sold);
    });
  });
}

/** Crashes the child, checks the premise (25 in flight, 13 of them on DealPOS), restarts in-process and drains. */
async function crashAndRecover(
  beforeRestart: () => void = () => undefined,
): Promise<{ sold: string[]; requestsBeforeResend: string[]; settlingRequests: string[] }> {
  const dbFile = path.join(dbDir.dir, 'register.db');
  const sold = await crashWithBatchInFlight(dbFile);
  const check = openDatabase({ file: dbFile });
  expect(new OutboxStore(check.db).list('sending', 100)).toHaveLength(BATCH);
  check.close();

  beforeRestart();
  const before = sim.state.requestLog.length;
  register = startRegister(sim, { dbFile });
  const r = register;
  await waitFor('the queue to drain', () => r.status.get().queue.pending === 0, 20_000);
  expect(r.status.get().queue.needsAttention).toBe(0);
  const after = sim.state.requestLog.slice(before);
  const firstCreate = after.findIndex(isCreate);
  expect(firstCreate).toBeGreaterThan(-1);
  const name = (e: { method: string; path: string }): string => `${e.method} ${e.path}`;
  return {
    sold,
    requestsBeforeResend: after.slice(0, firstCreate).map(name),
    // Everything the restart asked DealPOS that was not a create, before or after the resend.
    settlingRequests: after.filter((e) => !isCreate(e)).map(name),
  };
}

/** Every sale synced once with the server's ID; only the refused ones were sent a second time. */
function expectSettledExactlyOnce(sold: readonly string[]): void {
  const r = register;
  if (!r) throw new Error('no register');
  const entries = new Map(r.outbox.store.list(undefined, 1_000).map((e) => [e.invoiceNumber, e]));
  expect(expectExactlyOnce(sim, r, sold.map((n) => ({ localId: entries.get(n)?.localId ?? n, invoiceNumber: n })))).toEqual([]);
  const [warmup, ...batch] = sold;
  expect(entries.get(warmup ?? '')?.attempts).toBe(1);
  expect(batch.map((n) => entries.get(n)?.attempts)).toEqual([...Array<number>(REFUSED).fill(2), ...Array<number>(BATCH - REFUSED).fill(1)]);
}

it('a batch of 25 in doubt after a crash is settled with one listing (≤ 3 requests before resending); only the missing ones are resent', async () => {
  const lookupsBefore = sim.state.countRequests('Invoice/IDByNumber');
  const listingsBefore = sim.state.countRequests('Invoice/MultipleOutlet');
  const { sold, requestsBeforeResend, settlingRequests } = await crashAndRecover();
  expect(settlingRequests.length).toBeLessThanOrEqual(3);
  expect(settlingRequests).toEqual(['POST Token/OAuth2', 'POST Invoice/MultipleOutlet']);
  // All of it before anything was sent again.
  expect(requestsBeforeResend).toEqual(settlingRequests);
  expect(sim.state.countRequests('Invoice/MultipleOutlet') - listingsBefore).toBe(1);
  expect(sim.state.countRequests('Invoice/IDByNumber') - lookupsBefore).toBe(0);
  expectSettledExactlyOnce(sold);
}, 30_000);

it('when the listing fails, the batch in doubt is checked by number and still settled exactly once', async () => {
  const lookupsBefore = sim.state.countRequests('Invoice/IDByNumber');
  const { sold, requestsBeforeResend, settlingRequests } = await crashAndRecover(() =>
    sim.faults.failNext(1, { path: 'Invoice/MultipleOutlet', status: 500 }),
  );
  expect(requestsBeforeResend.filter((r) => r === 'POST Invoice/MultipleOutlet')).toHaveLength(1);
  expect(requestsBeforeResend.filter((r) => r === 'GET Invoice/IDByNumber')).toHaveLength(BATCH);
  expect(requestsBeforeResend).toEqual(settlingRequests);
  expect(sim.state.countRequests('Invoice/IDByNumber') - lookupsBefore).toBe(BATCH);
  expectSettledExactlyOnce(sold);
}, 30_000);

it('a listing that misses invoices DealPOS has costs a refused resend and a lookup each, never a second invoice', async () => {
  const lookupsBefore = sim.state.countRequests('Invoice/IDByNumber');
  // A stale listing: none of the 13 created invoices shows up, so all 25 look unsent.
  const { sold } = await crashAndRecover(() => sim.faults.mutateNext(1, () => [], { path: 'Invoice/MultipleOutlet' }));
  const r = register;
  if (!r) throw new Error('no register');
  const entries = new Map(r.outbox.store.list(undefined, 1_000).map((e) => [e.invoiceNumber, e]));
  expect(expectExactlyOnce(sim, r, sold.map((n) => ({ localId: entries.get(n)?.localId ?? n, invoiceNumber: n })))).toEqual([]);
  // The resend of the 13 was refused as a duplicate and each was confirmed by number.
  expect(sim.state.countRequests('Invoice/IDByNumber') - lookupsBefore).toBe(BATCH - REFUSED);
}, 30_000);
