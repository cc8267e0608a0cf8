/**
 * One register against the simulator over real HTTP: a real SQLite file, the real DealPOS client
 * and budget, and the outbox service exactly as services.ts builds it (only backoffs shortened).
 */
import path from 'node:path';
import { createApprovalService, type ApprovalService } from '../../../main/approval/approvalService';
import { DealPosClient } from '../../../main/dealpos/dealPosClient';
import { RequestBudget } from '../../../main/dealpos/requestBudget';
import { EventHub } from '../../../main/events/eventHub';
import { StatusService } from '../../../main/events/statusService';
import { createLogger, type Logger } from '../../../main/logging/logger';
import type { SaleSettings } from '../../../main/sale/saleService';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '../../../main/simulator/demoData';
import { startSimulator, type Simulator } from '../../../main/simulator/simulatorServer';
import { AppStateStore } from '../../../main/store/appStateStore';
import { openDatabase } from '../../../main/store/database';
import { createOutboxService, type OutboxService } from '../../../main/sync/outboxService';
import type { InvoiceApi } from '../../../main/sync/outboxWorker';
import type { CompletedSale } from '../../../shared/contract/sale';
import { paidSale, SETTINGS, tempDatabase } from '../../unit/outbox/fixtures';

export interface Register {
  readonly outbox: OutboxService;
  /** The client the register started with (lookups at the counter go through it). */
  readonly counterClient: DealPosClient;
  readonly status: StatusService;
  readonly events: EventHub;
  readonly db: ReturnType<typeof tempDatabase>;
  readonly budget: RequestBudget;
  /** Manager approvals on this register's app state (queue.void needs one). */
  readonly approvals: ApprovalService;
  client: InvoiceApi | null;
  sell(count: number): CompletedSale[];
  close(): Promise<void>;
}

function existingDatabase(file: string): ReturnType<typeof tempDatabase> {
  const opened = openDatabase({ file });
  return { opened, file, dir: path.dirname(file), cleanup: () => opened.close() };
}

export function quietLogger(lines: string[] = []): Logger {
  return createLogger((line) => lines.push(line));
}

export async function startTestSimulator(options: { rateLimit?: { count: number; seconds: number }; now?: () => number } = {}): Promise<Simulator> {
  return startSimulator({
    port: 0,
    clientId: DEMO_CLIENT_ID,
    clientSecret: DEMO_CLIENT_SECRET,
    variants: 20,
    rateLimit: options.rateLimit ?? { count: 100_000, seconds: 2 },
    ...(options.now ? { now: options.now } : {}),
  });
}

export function newClient(sim: Simulator, budget: RequestBudget, options: { secret?: string; timeoutMs?: number } = {}): DealPosClient {
  return new DealPosClient({
    baseUrl: sim.url,
    clientId: DEMO_CLIENT_ID,
    clientSecret: options.secret ?? DEMO_CLIENT_SECRET,
    budget,
    timeoutMs: options.timeoutMs ?? 2_000,
  });
}

export function startRegister(
  sim: Simulator,
  options: {
    settings?: Partial<SaleSettings>;
    timeoutMs?: number;
    batchSize?: number;
    logger?: Logger;
    now?: () => number;
    /** Reopen this database file (closed, not deleted, at the end) instead of a fresh temp one. */
    dbFile?: string;
    /** The account's quota as the app would learn it (default: practically none). */
    budget?: { limit: number; windowSeconds: number };
    /** The loop's backoff after a failed run (default: shortened to 20–200 ms). */
    loopBackoff?: { baseMs: number; maxMs: number };
  } = {},
): Register {
  const db = options.dbFile ? existingDatabase(options.dbFile) : tempDatabase();
  const events = new EventHub();
  const status = new StatusService(events);
  const budget = new RequestBudget(options.budget ?? { limit: 100_000, windowSeconds: 2 });
  const client = newClient(sim, budget, options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {});
  const logger = options.logger ?? quietLogger();
  const state = new AppStateStore(db.opened.db);
  const approvals = createApprovalService({ state: () => state, logger, ...(options.now ? { now: options.now } : {}) });
  const register: Register = {
    db,
    events,
    status,
    budget,
    counterClient: client,
    approvals,
    client,
    outbox: createOutboxService({
      db: db.opened.db,
      settings: () => ({ ...SETTINGS, ...options.settings }),
      client: () => register.client,
      // Wired as services.ts wires them, on the register's own client and budget.
      quota: () => ({ limit: budget.snapshot().limit, windowSeconds: budget.snapshot().windowSeconds, reserve: budget.syncReserve() }),
      onDealPosAnswered: (listener) => client.onAnswered(listener),
      status,
      events,
      logger,
      approvals,
      ...(options.now ? { now: options.now } : {}),
      worker: {
        loopBackoff: options.loopBackoff ?? { baseMs: 20, maxMs: 200 },
        entryBackoff: { baseMs: 20, maxMs: 200 },
        debounceMs: 5,
        ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
      },
    }),
    sell: (count) => Array.from({ length: count }, () => register.outbox.sales.complete(paidSale())),
    close: async () => {
      await register.outbox.stop();
      db.cleanup();
    },
  };
  register.outbox.start();
  return register;
}

export async function waitFor(what: string, predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every sale is synced, none rejected, each on the simulator exactly once with the id we recorded. */
export function expectExactlyOnce(
  sim: Simulator,
  register: Register,
  sales: ReadonlyArray<Pick<CompletedSale, 'localId' | 'invoiceNumber'>>,
  outlet = 'Outlet1',
): string[] {
  const problems: string[] = [];
  for (const sale of sales) {
    const entry = register.outbox.store.get(sale.localId);
    const onServer = sim.state.findInvoice(outlet, sale.invoiceNumber);
    if (entry?.state !== 'synced') problems.push(`${sale.invoiceNumber} is ${entry?.state ?? 'missing'} (${entry?.lastError ?? ''})`);
    else if (!onServer) problems.push(`${sale.invoiceNumber} is not on the simulator`);
    else if (onServer.ID !== entry.serverId) problems.push(`${sale.invoiceNumber} recorded id ${entry.serverId} but server has ${onServer.ID}`);
  }
  // Anything on the simulator with this register's code must be one of its sales.
  const code = register.outbox.store.registerCode() ?? '';
  const known = new Set(register.outbox.store.list(undefined, 100_000).map((e) => e.invoiceNumber));
  const extra = [...sim.state.invoices.values()].filter((i) => i.Number.includes(`-${code}-`) && !known.has(i.Number));
  for (const invoice of extra) problems.push(`unexpected invoice ${invoice.Number} on the simulator`);
  return problems;
}
