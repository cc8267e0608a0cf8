/**
 * One register with shifts against the simulator over real HTTP: a real SQLite file, the real
 * DealPOS client, the outbox service and the shift service wired as main/services.ts wires them
 * (only backoffs shortened, PIN hashing cheapened). Sales go in the way the checkout records them:
 * the open shift's cashier as SalesPerson, the sale attached to the shift in its own transaction.
 * Used in-process by the tests and by the crash child.
 */
import { randomUUID } from 'node:crypto';
import { createApprovalService, type ApprovalService } from '../../../main/approval/approvalService';
import { DealPosClient } from '../../../main/dealpos/dealPosClient';
import { RequestBudget } from '../../../main/dealpos/requestBudget';
import { EventHub } from '../../../main/events/eventHub';
import { StatusService } from '../../../main/events/statusService';
import { createLogger } from '../../../main/logging/logger';
import { createShiftService, type ShiftService } from '../../../main/shift/shiftService';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_FIXTURES } from '../../../main/simulator/demoData';
import { AppStateStore } from '../../../main/store/appStateStore';
import { openDatabase, type OpenedDatabase } from '../../../main/store/database';
import { createOutboxService, type OutboxService } from '../../../main/sync/outboxService';
import type { CompletedSale } from '../../../shared/contract/sale';
import { shiftSettingsSchema, type ShiftSettings } from '../../../shared/contract/shift';
import type { TaxOption } from '../../../shared/contract/settings';
import { EMPTY_SALE, type SaleDraft } from '../../../shared/sale/sale';
import { computeTotals } from '../../../shared/sale/totals';

export const PPN: TaxOption = { id: 'b2e1d4c3-0002-4f6a-9b8c-000000000002', name: 'PPN 11%', rateBasisPoints: 1100, inclusive: false };
export const COUNTER = { outlet: 'Outlet1', register: 'Outlet1', salesTag: 'Offline', currencyDecimals: 0, invoiceNumberPrefix: 'SHF', taxType: PPN.name } as const;
export const MANAGER = { name: 'Bu Sari', pin: '2468' } as const;
const FAST_PINS = { N: 2 ** 4, r: 8, p: 1, keyLength: 32 };

export interface ShiftCounter {
  readonly db: OpenedDatabase;
  readonly outbox: OutboxService;
  readonly shifts: ShiftService;
  readonly approvals: ApprovalService;
  readonly status: StatusService;
  /** Records a paid sale the way the checkout does, into the open shift (if any). */
  sell(draft?: SaleDraft): CompletedSale;
  close(): Promise<void>;
}

/** A taxed sale with a line and a sale discount, paid in cash with change (or by card). */
export function taxedSale(variant: number, by: 'cash' | 'card' = 'cash'): SaleDraft {
  const { cardiganL, indomie, tehBotol } = DEMO_FIXTURES.variants;
  const draft: SaleDraft = {
    ...EMPTY_SALE,
    tax: { name: PPN.name, rateBasisPoints: PPN.rateBasisPoints, inclusive: false },
    lines: [
      { variantCode: cardiganL.code, name: cardiganL.name, quantity: 1, unitPrice: 280_000 + variant * 1_000, discount: { kind: 'percent', basisPoints: 1_000 } },
      { variantCode: indomie.code, name: indomie.name, quantity: 3, unitPrice: indomie.price, discount: null },
      { variantCode: tehBotol.code, name: tehBotol.name, quantity: 1 + (variant % 3), unitPrice: tehBotol.price, discount: null },
    ],
    saleDiscount: variant % 2 === 0 ? { kind: 'amount', amount: 2_500 } : null,
  };
  const { total } = computeTotals(draft);
  const payments = by === 'cash' ? [{ method: 'Cash', amount: Math.ceil(total / 50_000) * 50_000, cash: true }] : [{ method: 'Debit Card', amount: total, cash: false }];
  return { ...draft, payments };
}

export function startShiftCounter(options: {
  readonly dbFile: string;
  readonly simUrl: string;
  readonly settings?: Partial<ShiftSettings>;
  /** The shift service's clock and the PC's zone (default: the machine's). */
  readonly now?: () => number;
  readonly offsetMinutes?: (epochMs: number) => number;
}): ShiftCounter {
  const db = openDatabase({ file: options.dbFile });
  const events = new EventHub();
  const status = new StatusService(events);
  const logger = createLogger(() => undefined);
  const client = new DealPosClient({
    baseUrl: options.simUrl,
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
    budget: new RequestBudget({ limit: 100_000, windowSeconds: 2 }),
    timeoutMs: 1_000,
  });
  const state = new AppStateStore(db.db);
  const approvals = createApprovalService({ state: () => state, logger, hashParams: FAST_PINS });
  const outbox = createOutboxService({
    db: db.db,
    settings: () => COUNTER,
    taxes: () => [PPN],
    client: () => client,
    status,
    events,
    logger,
    approvals,
    worker: { loopBackoff: { baseMs: 10, maxMs: 100 }, entryBackoff: { baseMs: 10, maxMs: 100 }, debounceMs: 2, batchSize: 10 },
  });
  const shifts = createShiftService({
    store: outbox.shifts,
    settings: {
      get: () => state.get('shift', shiftSettingsSchema),
      set: (value) => state.set('shift', value),
    },
    counter: () => COUNTER,
    approvals: () => approvals,
    openDrawer: () => false,
    printZ: () => Promise.reject(new Error('no printer in this test')),
    remote: () => client,
    queued: () => void outbox.worker.queueChanged(true),
    logger,
    ...(options.now ? { now: options.now } : {}),
    ...(options.offsetMinutes ? { offsetMinutes: options.offsetMinutes } : {}),
  });
  if (!state.get('shift', shiftSettingsSchema)) {
    state.set('shift', { cashiers: ['Ani', 'Budi'], requireOpenShift: true, blindCount: false, ...options.settings });
  }
  outbox.start();
  return {
    db,
    outbox,
    shifts,
    approvals,
    status,
    sell: (draft = taxedSale(1)) => {
      const shift = shifts.saleShift();
      const localId = randomUUID();
      return outbox.sales.complete(draft, { localId, salesPerson: shift.cashier, alsoInTransaction: () => shift.attach(localId) });
    },
    close: async () => {
      await outbox.stop();
      db.close();
    },
  };
}
