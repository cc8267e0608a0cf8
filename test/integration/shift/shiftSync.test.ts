/**
 * A whole shift on the real simulator: open with a float, sell, cash in and out (the out approved
 * by a manager's PIN), close with a counted drawer. The Z report's Sales and Tax equal what DealPOS
 * answered to the close; the close reaches DealPOS only after every invoice of the shift; bad input
 * gets a typed error naming the field and stores nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ContractHandlers } from '../../../shared/contract';
import type { ZReport } from '../../../shared/contract/shift';
import type { PosErrorShape } from '../../../shared/errors';
import { IDR_DENOMINATIONS } from '../../../shared/shift/shiftReport';
import { computeTotals } from '../../../shared/sale/totals';
import { createDispatcher } from '../../../main/ipc/dispatcher';
import { createLogger } from '../../../main/logging/logger';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { startTestSimulator, waitFor } from '../outbox/harness';
import { MANAGER, startShiftCounter, taxedSale, type ShiftCounter } from './shiftCounter';

let sim: Simulator;
let dir = '';
let counter: ShiftCounter;

beforeEach(async () => {
  sim = await startTestSimulator();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-shift-'));
  counter = startShiftCounter({ dbFile: path.join(dir, 'register.db'), simUrl: sim.url });
  await counter.approvals.handlers['manager.set']({ name: MANAGER.name, pin: MANAGER.pin });
});
afterEach(async () => {
  await counter.close();
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The drawer counted note by note, largest first, as near the amount as 100s allow. */
function notesFor(amount: number): Array<{ value: (typeof IDR_DENOMINATIONS)[number]; count: number }> {
  let rest = amount;
  return IDR_DENOMINATIONS.map((value) => {
    const count = Math.floor(rest / value);
    rest -= count * value;
    return { value, count };
  });
}

it('open, sell, cash in and out, close: the Z equals DealPOS’s answer and the close waits for the shift’s invoices', async () => {
  const h = counter.shifts.handlers;
  const shift = await h['shift.open']({ cashier: 'Ani', openingFloat: 200_000 });
  const drafts = [taxedSale(1), taxedSale(2, 'card'), taxedSale(3)];
  const sales = drafts.map((d) => counter.sell(d));
  await waitFor('the shift’s sales to sync', () => counter.status.get().queue.pending === 0);

  await h['shift.moveCash']({ shiftId: shift.id, kind: 'cash_in', amount: 50_000, reason: 'Small notes from the bank' });
  const refused = await h['shift.moveCash']({ shiftId: shift.id, kind: 'cash_out', amount: 30_000, reason: 'Ice for the cooler' }).catch((e: unknown) => e);
  expect(refused).toMatchObject({ code: 'forbidden', issues: [{ path: 'approvalId' }] });
  const approval = await counter.approvals.handlers['manager.approve']({
    request: { action: 'shift_cash_out', shiftId: shift.id, amount: 30_000, reason: 'Ice for the cooler' },
    pin: MANAGER.pin,
  });
  const after = await h['shift.moveCash']({ shiftId: shift.id, kind: 'cash_out', amount: 30_000, reason: 'Ice for the cooler', approvalId: approval.approvalId });
  expect(after.movements.map((m) => [m.kind, m.amount, m.approvedBy])).toEqual([
    ['cash_in', 50_000, null],
    ['cash_out', 30_000, MANAGER.name],
  ]);

  const cashSales = computeTotals(taxedSale(1)).total + computeTotals(taxedSale(3)).total;
  const expectedCash = 200_000 + cashSales + 50_000 - 30_000;
  const x = await h['shift.xReport']({ shiftId: shift.id });
  expect(x.totals.expectedCash).toBe(expectedCash);
  expect(x.totals.saleCount).toBe(3);

  // Offline at the close: one more sale is still queued, and the Z says so.
  sim.faults.offline = true;
  const late = counter.sell(taxedSale(4));
  const notes = notesFor(expectedCash);
  const closed = await h['shift.close']({ shiftId: shift.id, closedBy: 'Ani', count: { kind: 'denominations', counts: notes } });
  expect(closed.queuedAtClose).toBe(1);
  expect(closed.totals.saleCount).toBe(4);
  const lateCash = computeTotals(taxedSale(4)).total;
  expect(closed.count.expected).toBe(expectedCash + lateCash);
  expect(closed.count.counted).toBe(expectedCash - (expectedCash % 100));
  expect(closed.count.variance).toBe(closed.count.counted - closed.count.expected);
  expect(sim.state.shifts[0]?.CloseMs).toBeNull();

  sim.faults.offline = false;
  counter.outbox.worker.syncNow();
  await waitFor('the close to reach DealPOS', () => counter.outbox.shifts.syncOf(shift.id).close === 'synced', 15_000);

  const z: ZReport = await h['shift.zReport']({ number: closed.number });
  const onServer = sim.state.shifts;
  expect(onServer).toHaveLength(1);
  expect(onServer[0]).toMatchObject({ Register: 'Outlet1', OpAmount: 200_000, TotalInvoice: 4, Sales: z.totals.sales, Tax: z.totals.tax });
  expect(z.sync.dealpos).toMatchObject({ sales: z.totals.sales, tax: z.totals.tax });
  expect(z.totals.tax).toBeGreaterThan(0);
  // The Z stored at the close did not change when DealPOS answered.
  expect({ ...z, sync: null }).toEqual({ ...closed, sync: null });
  // The cashier travels on every invoice of the shift.
  for (const sale of [...sales, late]) expect(sim.state.findInvoice('Outlet1', sale.invoiceNumber)?.SalesPerson).toBe('Ani');

  // The manager's list: the local shift with its variance, and DealPOS's own row.
  const listing = await h['shift.list']({ limit: 10 });
  expect(listing.local[0]).toMatchObject({ zNumber: closed.number, variance: closed.count.variance, sync: { close: 'synced' } });
  expect(listing.remote?.[0]).toMatchObject({ number: onServer[0]?.Number, register: 'Outlet1' });
}, 30_000);

it('refuses bad input with a typed error naming the field, and stores nothing', async () => {
  const dispatch = createDispatcher(counter.shifts.handlers as unknown as ContractHandlers, createLogger(() => undefined));
  const refusal = async (method: string, input: unknown): Promise<PosErrorShape> => {
    const result = await dispatch(method, input);
    if (result.ok) throw new Error(`${method} was accepted`);
    return result.error;
  };
  const paths = (error: PosErrorShape): string[] => (error.issues ?? []).map((i) => i.path);

  expect(await refusal('shift.open', { cashier: 'Ani', openingFloat: -1 })).toMatchObject({ code: 'validation' });
  expect(paths(await refusal('shift.open', { cashier: 'Ani', openingFloat: 1000.5 }))).toEqual(['openingFloat']);
  expect(paths(await refusal('shift.open', { cashier: 'Ani', openingFloat: -5 }))).toEqual(['openingFloat']);
  expect(paths(await refusal('shift.open', { cashier: 'Zed', openingFloat: 0 }))).toEqual(['cashier']);
  expect(await dispatch('shift.current', {})).toEqual({ ok: true, value: null });

  const opened = await dispatch('shift.open', { cashier: 'Budi', openingFloat: 100_000 });
  if (!opened.ok) throw new Error(opened.error.message);
  const shiftId = (opened.value as { id: string }).id;
  const second = await refusal('shift.open', { cashier: 'Ani', openingFloat: 0 });
  expect(second.code).toBe('conflict');
  expect(paths(second)).toEqual(['register']);

  const badCount = await refusal('shift.close', { shiftId, closedBy: 'Budi', count: { kind: 'denominations', counts: [{ value: 50_000, count: -2 }] } });
  expect(paths(badCount)).toEqual(['count.counts.0.count']);
  expect(paths(await refusal('shift.close', { shiftId, closedBy: 'Budi', count: { kind: 'total', amount: 10.5 } }))).toEqual(['count.amount']);
  expect(paths(await refusal('shift.close', { shiftId, closedBy: 'Budi', count: { kind: 'denominations', counts: [{ value: 300, count: 1 }] } }))).toEqual(['count.counts.0.value']);
  // Closing another cashier's shift needs a manager.
  expect(paths(await refusal('shift.close', { shiftId, closedBy: 'Ani', count: { kind: 'total', amount: 100_000 } }))).toEqual(['approvalId']);
  expect(counter.outbox.shifts.anyOpenShift()?.id).toBe(shiftId);

  const closed = await dispatch('shift.close', { shiftId, closedBy: 'Budi', count: { kind: 'total', amount: 100_000 } });
  expect(closed.ok).toBe(true);
  const again = await refusal('shift.close', { shiftId, closedBy: 'Budi', count: { kind: 'total', amount: 100_000 } });
  expect(again.code).toBe('conflict');
  expect(paths(again)).toEqual(['shiftId']);
  expect(counter.outbox.shifts.recent(10)).toHaveLength(1);

  // With "require an open shift" on, no sale completes without one.
  expect(() => counter.sell()).toThrow(expect.objectContaining({ code: 'conflict', issues: [expect.objectContaining({ path: 'shift' })] }));
  expect(counter.outbox.store.stats().pending).toBe(0);
});

it('every fault the simulator injects on the Shift endpoints still ends in one open and one close', async () => {
  const h = counter.shifts.handlers;
  const shiftPath = { path: /^shift$/i };
  // The open: a 500, a reset connection, then a 429 before it goes through.
  sim.faults.failNext(1, { ...shiftPath, method: 'POST' });
  sim.faults.resetNext(1, { ...shiftPath, method: 'POST' });
  sim.faults.rateLimitNext(1, { ...shiftPath, method: 'POST' });
  const shift = await h['shift.open']({ cashier: 'Budi', openingFloat: 75_000 });
  counter.sell(taxedSale(5));
  counter.sell(taxedSale(6, 'card'));
  await waitFor('the open to reach DealPOS', () => counter.outbox.shifts.syncOf(shift.id).open === 'synced', 15_000);
  // The close: DealPOS closes the shift but its answer arrives garbled (an unknown outcome).
  sim.faults.garbleNext(1, '{"Number": ', { ...shiftPath, method: 'PUT' });
  const z = await h['shift.close']({ shiftId: shift.id, closedBy: 'Budi', count: { kind: 'total', amount: 75_000 } });
  await waitFor('the close to reach DealPOS', () => counter.outbox.shifts.syncOf(shift.id).close === 'synced', 15_000);

  expect(sim.state.shifts).toHaveLength(1);
  expect(sim.state.shifts[0]).toMatchObject({ OpAmount: 75_000, TotalInvoice: 2, Sales: z.totals.sales, Tax: z.totals.tax });
  expect(sim.state.shifts[0]?.CloseMs).not.toBeNull();
  // The garbled close was settled from DealPOS's list, not by closing again.
  expect(sim.state.countRequests('Shift', 'PUT')).toBe(1);
  expect((await h['shift.zReport']({ number: z.number })).sync.dealpos).toMatchObject({ number: sim.state.shifts[0]?.Number, salesNTax: sim.state.shifts[0]?.SalesNTax });
}, 30_000);

it('lists the shift DealPOS opened after midnight in Jakarta on a PC whose clock zone is still on the day before', async () => {
  // 18:00 UTC on 5 December is 01:00 on the 6th in Jakarta, where DealPOS names its days; the PC is
  // left on UTC. A past instant, so the outbox (on the real clock) finds the open due at once.
  const at = Date.UTC(2026, 11, 5, 18);
  const jakarta = await startTestSimulator({ now: () => at });
  const utcDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-shift-utc-'));
  const utcCounter = startShiftCounter({ dbFile: path.join(utcDir, 'register.db'), simUrl: jakarta.url, now: () => at, offsetMinutes: () => 0 });
  try {
    const h = utcCounter.shifts.handlers;
    const shift = await h['shift.open']({ cashier: 'Ani', openingFloat: 100_000 });
    await waitFor('the open to reach DealPOS', () => utcCounter.outbox.shifts.syncOf(shift.id).open === 'synced', 15_000);
    expect(jakarta.state.shifts[0]?.OpenMs).toBe(at);
    const listing = await h['shift.list']({ limit: 10 });
    expect(listing.remoteError).toBeNull();
    expect(listing.remote?.map((row) => row.number)).toEqual([jakarta.state.shifts[0]?.Number]);
  } finally {
    await utcCounter.close();
    await jakarta.close();
    fs.rmSync(utcDir, { recursive: true, force: true });
  }
});
