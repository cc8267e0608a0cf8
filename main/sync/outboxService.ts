/**
 * The outbox capability as one unit for the composition root: sale recorder, outbox store, worker
 * and the `queue.*` contract handlers (the checkout records its sales through `sales`).
 */
import type Database from 'better-sqlite3';
import type { ContractHandlers } from '../../shared/contract';
import type { TaxOption } from '../../shared/contract/settings';
import { ServiceError } from '../../shared/errors';
import type { ApprovalConsumer } from '../approval/approvalService';
import type { EventHub } from '../events/eventHub';
import type { StatusService } from '../events/statusService';
import type { Logger } from '../logging/logger';
import { SaleService, type SaleSettings } from '../sale/saleService';
import { OutboxStore } from '../store/outboxStore';
import { ShiftStore } from '../store/shiftStore';
import { DEFAULT_ENTRY_BACKOFF, OutboxWorker, type InvoiceApi, type OutboxWorkerOptions } from './outboxWorker';
import { ShiftSync } from './shiftSync';
import { SyncedSalePruner, type SyncedSalePrunerOptions } from './syncedSalePruner';

type OutboxMethod = Extract<keyof ContractHandlers, `queue.${string}`>;
export type OutboxHandlers = Pick<ContractHandlers, OutboxMethod>;

export interface OutboxServiceOptions {
  readonly db: Database.Database;
  readonly settings: () => SaleSettings;
  /** The cached DealPOS tax list (see SaleServiceOptions.taxes). */
  readonly taxes?: () => readonly TaxOption[] | null;
  readonly client: () => InvoiceApi | null;
  readonly status: StatusService;
  readonly events: EventHub;
  readonly logger: Logger;
  /** Manager approvals (main/approval): voiding an invoice uses one up. Without it nothing can be voided. */
  readonly approvals?: ApprovalConsumer;
  /** Wall clock for sales and manager actions (tests move it across days). */
  readonly now?: () => number;
  /** The account's quota as sync may use it (the Queue's time left for a backlog). */
  readonly quota?: OutboxWorkerOptions['quota'];
  /** Any normal answer from DealPOS, whoever asked: ends the worker's backoff after an outage. */
  readonly onDealPosAnswered?: OutboxWorkerOptions['onDealPosAnswered'];
  /** The disk's state (main/storage): sales refused and sync paused while it is full. */
  readonly storage?: OutboxWorkerOptions['storage'];
  /** Test and bench knobs passed to the worker (clock, batch size, backoff). */
  readonly worker?: Partial<Pick<OutboxWorkerOptions, 'clock' | 'random' | 'batchSize' | 'entryBackoff' | 'loopBackoff' | 'debounceMs'>>;
  /** Removing old synced sales: the app's bulk writer thread (`prune`), and test knobs (it runs on the worker's clock). */
  readonly pruner?: Partial<Pick<SyncedSalePrunerOptions, 'retentionMs' | 'batchSize' | 'intervalMs' | 'startDelayMs' | 'prune'>>;
}

export interface OutboxService {
  readonly store: OutboxStore;
  /** Shifts (issue 15): their open and close travel through this outbox's worker. */
  readonly shifts: ShiftStore;
  readonly sales: SaleService;
  readonly worker: OutboxWorker;
  readonly pruner: SyncedSalePruner;
  readonly handlers: OutboxHandlers;
  start(): void;
  stop(): Promise<void>;
}

export function createOutboxService(options: OutboxServiceOptions): OutboxService {
  const store = new OutboxStore(options.db);
  const shifts = new ShiftStore(options.db);
  const worker = new OutboxWorker({
    shifts: new ShiftSync({
      store: shifts,
      logger: options.logger,
      random: options.worker?.random ?? Math.random,
      entryBackoff: options.worker?.entryBackoff ?? DEFAULT_ENTRY_BACKOFF,
    }),
    store,
    client: options.client,
    status: options.status,
    events: options.events,
    logger: options.logger,
    ...(options.quota ? { quota: options.quota } : {}),
    ...(options.onDealPosAnswered ? { onDealPosAnswered: options.onDealPosAnswered } : {}),
    ...(options.storage ? { storage: options.storage } : {}),
    ...options.worker,
  });
  const pruner = new SyncedSalePruner({
    store,
    logger: options.logger,
    ...(options.worker?.clock ? { clock: options.worker.clock } : {}),
    ...options.pruner,
  });
  const now = options.now ?? Date.now;
  const sales = new SaleService({
    store,
    settings: options.settings,
    taxes: options.taxes,
    now,
    onRecorded: () => worker.saleRecorded(),
    ...(options.storage ? { storage: options.storage } : {}),
  });

  const handlers: OutboxHandlers = {
    'queue.list': async ({ state, limit }) => store.list(state, limit),
    'queue.page': async ({ view, offset, limit, number }) => store.page(view, offset, limit, number?.trim()),
    'queue.retry': async ({ localId }) => {
      const entry = store.retry(localId, now());
      worker.queueChanged(true);
      return entry;
    },
    'queue.edit': async ({ localId, patch }) => {
      const entry = store.edit(localId, patch, now());
      options.logger.info(`Outbox: invoice ${entry.invoiceNumber} edited by a manager`, patch);
      return entry;
    },
    'queue.void': async ({ localId, reason, approvalId }) => {
      if (approvalId === undefined || !options.approvals) {
        throw new ServiceError('forbidden', "Voiding an invoice needs a manager's approval", {
          issues: [{ path: 'approvalId', message: "A manager's approval is needed" }],
          details: { needsApproval: true },
        });
      }
      // Used up before the void: an approval is spent even if the invoice turns out not voidable.
      const approval = options.approvals.consume(approvalId, { action: 'queue_void', localId });
      const entry = store.void(localId, reason, approval.approvedBy, now());
      options.logger.warn(`Outbox: invoice ${entry.invoiceNumber} voided locally, approved by ${approval.approvedBy}: ${reason}`);
      worker.queueChanged(false);
      return entry;
    },
    'queue.syncNow': async () => worker.syncNow(),
  };

  return {
    store,
    shifts,
    sales,
    worker,
    pruner,
    handlers,
    start: () => {
      worker.start();
      pruner.start();
    },
    stop: async () => {
      await pruner.stop();
      await worker.stop();
    },
  };
}
