/**
 * Two registers of one outlet, each with its own database, sell offline for three days side by
 * side, then come back online and sync at the same time: no number collides, every sale arrives once.
 */
import { afterEach, expect, it } from 'vitest';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { parseInvoiceNumber } from '../../../shared/invoice/invoiceNumber';
import type { CompletedSale } from '../../../shared/contract/sale';
import { expectExactlyOnce, startRegister, startTestSimulator, waitFor, type Register } from './harness';

const DAY = 24 * 3600_000;
let sim: Simulator;
const registers: Register[] = [];

afterEach(async () => {
  for (const r of registers.splice(0)) await r.close();
  await sim.close();
});

it('two registers offline for days never collide and both sync everything exactly once', async () => {
  sim = await startTestSimulator();
  sim.faults.offline = true;
  let now = Date.now() - 3 * DAY;
  const clock = () => now;
  const a = startRegister(sim, { now: clock, settings: { register: 'Kasir 1' } });
  const b = startRegister(sim, { now: clock, settings: { register: 'Kasir 2' } });
  registers.push(a, b);

  const sold = new Map<Register, CompletedSale[]>([
    [a, []],
    [b, []],
  ]);
  for (let day = 0; day < 3; day++) {
    for (let i = 0; i < 6; i++) {
      sold.get(a)?.push(...a.sell(1));
      sold.get(b)?.push(...b.sell(1));
      now += 60_000;
    }
    now += DAY;
  }
  const all = [...(sold.get(a) ?? []), ...(sold.get(b) ?? [])];
  const numbers = all.map((s) => s.invoiceNumber);
  expect(new Set(numbers).size).toBe(36);
  expect(a.outbox.store.registerCode()).not.toBe(b.outbox.store.registerCode());
  // Each register counts 1..6 per day: the day and register code keep them apart.
  expect(new Set(all.map((s) => parseInvoiceNumber(s.invoiceNumber)?.day)).size).toBe(3);

  sim.faults.offline = false;
  a.outbox.worker.syncNow();
  b.outbox.worker.syncNow();
  await waitFor('both queues to drain', () => [a, b].every((r) => r.status.get().queue.pending === 0));
  expect(expectExactlyOnce(sim, a, sold.get(a) ?? [])).toEqual([]);
  expect(expectExactlyOnce(sim, b, sold.get(b) ?? [])).toEqual([]);
  expect([a, b].map((r) => r.status.get().queue.needsAttention)).toEqual([0, 0]);
});
