/**
 * The `salesOrder.*` handlers and the sender of their queue. A tracking number is stored first
 * (SQLite, same durability as a sale) and then sent by a SendLoop, oldest first: with a connection
 * the manager sees DealPOS's answer within a moment; without one the record waits and is sent once
 * DealPOS answers again. A refusal (unknown order, missing role) is final and kept for the screen.
 */
import { z } from 'zod';
import type { ContractHandlers } from '../../shared/contract';
import type { ReferenceRecord } from '../../shared/contract/salesOrder';
import { ServiceError } from '../../shared/errors';
import { LOGISTIC_SERVICE_CODES } from '../dealpos/assumptions';
import type { DealPosClient } from '../dealpos/dealPosClient';
import { DealPosError, DealPosForbiddenError, DealPosNotFoundError, DealPosRateLimitedError, DealPosValidationError } from '../dealpos/errors';
import type { EventHub } from '../events/eventHub';
import { roleFor } from '../invoices/dealPosRoles';
import type { Logger } from '../logging/logger';
import type { SalesOrderReferenceStore } from '../store/salesOrderReferenceStore';
import { fullJitterDelay } from '../sync/backoff';
import { DEFAULT_BACKOFF, SendLoop, type LoopClock, type SendResult } from '../sync/sendLoop';

type SalesOrderMethod = Extract<keyof ContractHandlers, `salesOrder.${string}`>;
export type SalesOrderHandlers = Pick<ContractHandlers, SalesOrderMethod>;

export interface SalesOrderServiceOptions {
  readonly store: SalesOrderReferenceStore;
  readonly client: () => Pick<DealPosClient, 'updateSalesOrderReference'> | null;
  /** Outlet names the DealPOS user may use, as last fetched; empty when never fetched (then not checked here). */
  readonly accessibleOutlets: () => readonly string[];
  readonly lastUsedCode: { get(): string | null; set(code: string): void };
  readonly events: EventHub;
  readonly logger: Logger;
  readonly clock?: LoopClock;
  readonly random?: () => number;
  /** How long `salesOrder.record` waits for DealPOS's answer before returning the queued record. */
  readonly answerWaitMs?: number;
  /** Any normal answer from DealPOS, whoever asked: ends the backoff after an outage. */
  readonly onDealPosAnswered?: (listener: () => void) => () => void;
}

export interface SalesOrderService {
  readonly handlers: SalesOrderHandlers;
  start(): void;
  stop(): Promise<void>;
}

export const lastUsedCodeSchema = z.string().min(1).max(64);

const ENDPOINT = 'SalesOrder/ReferenceNumber';

export function createSalesOrderService(options: SalesOrderServiceOptions): SalesOrderService {
  const { store, events, logger } = options;
  const now = (): number => options.clock?.now() ?? Date.now();
  const random = options.random ?? Math.random;
  const waiters = new Map<number, Set<(record: ReferenceRecord) => void>>();
  let failures = 0;

  const changed = (record: ReferenceRecord): void => {
    events.emit('salesOrderReferenceChanged', record);
    if (record.state === 'sending') return;
    for (const wake of waiters.get(record.id) ?? []) wake(record);
  };

  const send = async (): Promise<SendResult> => {
    const client = options.client();
    if (!client) return { kind: 'paused' };
    const record = store.claimDue(now());
    if (!record) return { kind: 'idle', nextDueAt: store.nextDueAt() };
    changed(record);
    try {
      await client.updateSalesOrderReference(
        {
          outlet: record.outlet,
          number: record.number,
          referenceNumber: record.referenceNumber,
          logisticServiceCode: record.logisticServiceCode,
          note: record.note,
        },
        { priority: 'sync', timeoutMs: 15_000 },
      );
      failures = 0;
      changed(store.markSent(record.id, now()));
      logger.info(`Sales order ${record.outlet} ${record.number}: tracking number recorded in DealPOS`);
      return { kind: 'progress' };
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) {
        changed(store.markRejected(record.id, refusal, now()));
        logger.warn(`Sales order ${record.outlet} ${record.number}: DealPOS refused the tracking number: ${refusal.message}`);
        return { kind: 'progress' };
      }
      if (!(error instanceof DealPosError)) throw error;
      failures += 1;
      const retryAfterMs = error instanceof DealPosRateLimitedError ? error.retryAfterMs : undefined;
      const delay = Math.max(retryAfterMs ?? 0, fullJitterDelay(failures, DEFAULT_BACKOFF, random));
      changed(store.markFailed(record.id, { message: error.message, code: error.code }, now() + delay, now()));
      return error.code === 'bad_credentials' ? { kind: 'paused' } : { kind: 'failed', ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    }
  };

  const loop = new SendLoop({
    send,
    ...(options.clock ? { clock: options.clock } : {}),
    random,
    onError: (error) => logger.error('Sales-order sender failed unexpectedly', { error: String(error) }),
  });
  let offAnswered: (() => void) | null = null;

  /** Resolves with the record once DealPOS has answered for it (or the wait is over). */
  const answerFor = (id: number, waitMs: number): Promise<ReferenceRecord> =>
    new Promise((resolve) => {
      const set = waiters.get(id) ?? new Set();
      waiters.set(id, set);
      const finish = (): void => {
        clearTimeout(timer);
        set.delete(wake);
        if (set.size === 0) waiters.delete(id);
        const record = store.get(id);
        if (record) resolve(record);
      };
      const wake = (): void => finish();
      const timer = setTimeout(finish, waitMs);
      set.add(wake);
    });

  const handlers: SalesOrderHandlers = {
    'salesOrder.record': async (input) => {
      // Without an account (setup mode) a record would wait for whichever account is connected next.
      if (!options.client()) throw new ServiceError('not_configured', 'Connect a DealPOS account (or start the demo store) to record tracking numbers');
      const referenceNumber = input.referenceNumber || null;
      const logisticServiceCode = input.logisticServiceCode || null;
      const note = input.note || null;
      if (referenceNumber === null && logisticServiceCode === null && note === null) {
        throw new ServiceError('validation', 'Enter a tracking number, a logistic service or a note: empty fields change nothing in DealPOS', {
          issues: [{ path: 'referenceNumber', message: 'Nothing to record' }],
          details: { reason: 'nothing_to_change' },
        });
      }
      const accessible = options.accessibleOutlets();
      const outlet = accessible.length === 0 ? input.outlet : accessible.find((name) => name.toLowerCase() === input.outlet.toLowerCase());
      if (outlet === undefined) {
        throw new ServiceError('validation', `Your DealPOS user cannot access outlet ${input.outlet}`, {
          issues: [{ path: 'outlet', message: `No access to ${input.outlet}` }],
          details: { reason: 'outlet_not_accessible', outlet: input.outlet },
        });
      }
      const record = store.add({ outlet, number: input.number, referenceNumber, logisticServiceCode, note }, now());
      if (logisticServiceCode) options.lastUsedCode.set(logisticServiceCode);
      changed(record);
      const answered = answerFor(record.id, options.answerWaitMs ?? 5_000);
      loop.kickNow();
      return answered;
    },
    'salesOrder.list': async ({ limit }) => store.recent(limit),
    'salesOrder.logisticServices': async () => {
      const lastUsed = options.lastUsedCode.get();
      const codes = lastUsed && !LOGISTIC_SERVICE_CODES.includes(lastUsed) ? [lastUsed, ...LOGISTIC_SERVICE_CODES] : [...LOGISTIC_SERVICE_CODES];
      return { codes, lastUsed };
    },
  };

  return {
    handlers,
    start: () => {
      store.recoverInterrupted(now());
      offAnswered = options.onDealPosAnswered?.(() => loop.reachable()) ?? null;
      loop.start();
    },
    stop: async () => {
      offAnswered?.();
      await loop.stop();
    },
  };
}

/** A final refusal (resending it unchanged cannot help), or null for a failure worth retrying. */
function refusalOf(error: unknown): { problem: 'unknown_order' | 'lacks_role' | 'refused'; role: string | null; message: string; code: string } | null {
  if (error instanceof DealPosNotFoundError) return { problem: 'unknown_order', role: null, message: error.message, code: error.code };
  if (error instanceof DealPosForbiddenError) {
    const role = roleFor('PUT', ENDPOINT, error.role);
    return { problem: 'lacks_role', role, message: `Your DealPOS user lacks ${role}`, code: error.code };
  }
  if (error instanceof DealPosValidationError) return { problem: 'refused', role: null, message: error.serverMessage, code: error.code };
  return null;
}
