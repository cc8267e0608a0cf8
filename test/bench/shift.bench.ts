/**
 * Shifts (issue 15): closing a shift of 2,000 sales — reading every sale of the shift from SQLite,
 * the X/Z maths, the drawer count, storing the numbered Z report and queueing the close in the
 * outbox, in one transaction — as `shift.close` does it. The sales are recorded the way the
 * checkout records them (each its own FULL-sync transaction, attached to the open shift), with no
 * DealPOS connected so nothing syncs meanwhile. The X report over the same shift is informational.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ShiftSettings } from '../../shared/contract/shift';
import { EMPTY_SALE, type SaleDraft } from '../../shared/sale/sale';
import { computeTotals } from '../../shared/sale/totals';
import { EventHub } from '../../main/events/eventHub';
import { StatusService } from '../../main/events/statusService';
import { createLogger } from '../../main/logging/logger';
import { createShiftService } from '../../main/shift/shiftService';
import { openDatabase } from '../../main/store/database';
import { createOutboxService } from '../../main/sync/outboxService';
import { percentile, type BenchRow } from './benchRow';

const SALES = 2_000;
const X_RUNS = 20;
const GOAL_MS = 200;
const COUNTER = { outlet: 'Outlet1', register: 'Kasir 1', salesTag: 'Offline', currencyDecimals: 0, invoiceNumberPrefix: 'BEN', taxType: null };

function sale(i: number): SaleDraft {
  const lines = Array.from({ length: 1 + (i % 5) }, (_, n) => ({ variantCode: `899100100${n}`, name: `Item ${n}`, quantity: 1 + (n % 3), unitPrice: 3_500 + n * 1_250, discount: null }));
  const draft: SaleDraft = { ...EMPTY_SALE, lines };
  const { total } = computeTotals(draft);
  return { ...draft, payments: i % 4 === 0 ? [{ method: 'QRIS', amount: total, cash: false }] : [{ method: 'Cash', amount: total + (i % 7) * 500, cash: true }] };
}

export async function run(): Promise<BenchRow[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-bench-shift-'));
  const opened = openDatabase({ file: path.join(root, 'shift.db') });
  const events = new EventHub();
  const logger = createLogger(() => undefined);
  let settings: ShiftSettings = { cashiers: ['Ani'], requireOpenShift: true, blindCount: false };
  const outbox = createOutboxService({ db: opened.db, settings: () => COUNTER, client: () => null, status: new StatusService(events), events, logger });
  const shifts = createShiftService({
    store: outbox.shifts,
    settings: { get: () => settings, set: (value) => (settings = value) },
    counter: () => COUNTER,
    approvals: () => ({
      consume: () => {
        throw new Error('no approvals in this bench');
      },
    }),
    openDrawer: () => false,
    printZ: () => Promise.reject(new Error('no printer in this bench')),
    remote: () => null,
    queued: () => undefined,
    logger,
  });
  try {
    const shift = await shifts.handlers['shift.open']({ cashier: 'Ani', openingFloat: 500_000 });
    for (let i = 0; i < SALES; i++) {
      const attach = shifts.saleShift();
      const localId = randomUUID();
      outbox.sales.complete(sale(i), { localId, salesPerson: attach.cashier, alsoInTransaction: () => attach.attach(localId) });
    }
    const xTimes: number[] = [];
    for (let i = 0; i < X_RUNS; i++) {
      const start = performance.now();
      await shifts.handlers['shift.xReport']({ shiftId: shift.id });
      xTimes.push(performance.now() - start);
    }
    xTimes.sort((a, b) => a - b);
    const start = performance.now();
    const z = await shifts.handlers['shift.close']({ shiftId: shift.id, closedBy: 'Ani', count: { kind: 'total', amount: 1_000_000 } });
    const closeMs = performance.now() - start;
    if (z.totals.saleCount !== SALES) throw new Error(`the Z counted ${z.totals.saleCount} sales, not ${SALES}`);
    return [
      { name: 'Z report for a 2,000-sale shift ms', area: 'shift', value: closeMs, unit: 'ms', goal: `≤ ${GOAL_MS} ms`, ok: closeMs <= GOAL_MS },
      { name: 'X report for a 2,000-sale shift p50', area: 'shift', value: percentile(xTimes, 50), unit: 'ms', goal: '-', ok: null },
    ];
  } finally {
    await outbox.stop();
    opened.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
