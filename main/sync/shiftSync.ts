/**
 * Sends a shift's open (`POST /Shift`) and close (`PUT /Shift`) to DealPOS as part of the invoice
 * outbox, in order and exactly once (issue 15). The outbox worker asks it for one step before each
 * run of invoices.
 *
 * Order (SHIFT_SEMANTICS in dealpos/assumptions.ts): events go strictly one after another, oldest
 * first. An event waits until every invoice recorded before it has left the queue; a close waits
 * until every invoice of its own shift is on DealPOS (a rejected one holds it until a manager fixes
 * or voids it). Invoices recorded after a waiting event wait behind it (OutboxStore.due).
 *
 * Exactly once: an event is marked `sending` (maybe sent) in a committed write before its request.
 * After an unknown outcome — timeout, dropped answer, crash — the register's shift is looked up in
 * `GET /Shift` before anything is sent again.
 */
import type { DealPosClient } from '../dealpos/dealPosClient';
import { SHIFT_SEMANTICS } from '../dealpos/assumptions';
import type { ShiftClosed, ShiftListRow } from '../dealpos/schemas';
import type { DealPosShiftClose } from '../../shared/contract/shift';
import type { Connectivity } from '../../shared/contract/app';
import { DAY_MS, localTime } from '../../shared/invoice/localTime';
import type { Logger } from '../logging/logger';
import type { ShiftEvent, ShiftStore } from '../store/shiftStore';
import { fullJitterDelay, type BackoffPolicy } from './backoff';
import { classify, type Classified } from './outboxWorker';
import type { SendResult } from './sendLoop';

export type ShiftApi = Pick<DealPosClient, 'openShift' | 'closeShift' | 'listShifts'>;

type CallOptions = { priority: 'sync'; signal: AbortSignal };

export interface ShiftStepContext {
  readonly client: ShiftApi;
  readonly now: number;
  readonly callOptions: () => CallOptions;
  /** What the outcome says about reaching DealPOS (the worker keeps one connectivity). */
  readonly connectivity: (value: Connectivity) => void;
}

export interface ShiftSyncOptions {
  readonly store: ShiftStore;
  readonly logger: Logger;
  readonly random: () => number;
  readonly entryBackoff: BackoffPolicy;
  /** The register's UTC offset in minutes at an instant (for the listing's dates). */
  readonly offsetMinutes?: (epochMs: number) => number;
}

/** Errors that say nothing about the event itself. */
const CONNECTIVITY_CODES = new Set(['network', 'timeout', 'cancelled', 'rate_limited']);

type Confirmed = { readonly found: true; readonly answer: unknown } | { readonly found: false };

export class ShiftSync {
  private readonly offsetMinutes: (epochMs: number) => number;

  constructor(private readonly options: ShiftSyncOptions) {
    this.offsetMinutes = options.offsetMinutes ?? ((ms) => -new Date(ms).getTimezoneOffset());
  }

  /** Start-up: events that were being sent when the app stopped are checked before any resend. */
  recoverInterrupted(nowMs: number): number {
    return this.options.store.recoverInterrupted(nowMs);
  }

  wakeAll(nowMs: number): void {
    this.options.store.wakeAll(nowMs);
  }

  /** When the waiting event may be tried again (null: none waits, or it waits on invoices). */
  nextDueAt(): number | null {
    return this.options.store.firstWaiting()?.nextAttemptAt ?? null;
  }

  /** One event's worth of work, or null when no event can go now (invoices then go as usual). */
  async step(ctx: ShiftStepContext): Promise<SendResult | null> {
    const { store } = this.options;
    const event = store.firstWaiting();
    if (!event || event.nextAttemptAt > ctx.now) return null;
    if (store.invoicesWaitingBefore(event.afterSeq) > 0) return null;
    if (event.kind === 'close') {
      const open = store.eventsOf(event.shiftId).find((e) => e.kind === 'open');
      if (open?.state === 'rejected') {
        store.markRejected(event.id, 'DealPOS refused this shift’s open, so there is no shift there to close', ctx.now);
        return { kind: 'progress' };
      }
      const unsynced = store.unsyncedInvoicesOf(event.shiftId);
      if (unsynced.length > 0) {
        const names = unsynced.map((i) => `${i.invoiceNumber} (${i.state})`).join(', ');
        store.noteWaiting(event.id, `The close waits until every invoice of the shift is on DealPOS: ${names}`, ctx.now);
        return null;
      }
    }
    if (event.maybeSent) {
      const confirmed = await this.confirm(ctx, event);
      if (!('found' in confirmed)) return confirmed;
      if (confirmed.found) {
        this.synced(event, confirmed.answer, ctx.now);
        return { kind: 'progress' };
      }
      store.markNotSent(event.id, ctx.now);
    }
    return this.send(ctx, { ...event, maybeSent: false });
  }

  private async send(ctx: ShiftStepContext, event: ShiftEvent): Promise<SendResult> {
    const { store } = this.options;
    if (!store.markSending(event.id, ctx.now)) return { kind: 'progress' };
    try {
      let stored: unknown;
      if (event.kind === 'open') {
        const opened = await ctx.client.openShift({ Register: event.body.Register, OpAmount: event.body.OpAmount ?? 0 }, ctx.callOptions());
        stored = { id: opened.ID ?? null, number: opened.Number ?? null };
      } else {
        stored = closeAnswer(await ctx.client.closeShift({ Register: event.body.Register }, ctx.callOptions()));
      }
      ctx.connectivity('online');
      this.synced(event, stored, ctx.now);
      return { kind: 'progress' };
    } catch (error) {
      const failure = classify(error);
      if (failure.connectivity) ctx.connectivity(failure.connectivity);
      if (isRefusal(failure)) {
        // A refusal after an earlier attempt may be "already open/closed" because that attempt worked.
        if (event.attempts > 0) {
          const confirmed = await this.confirm(ctx, event);
          if (!('found' in confirmed)) return confirmed;
          if (confirmed.found) {
            this.synced(event, confirmed.answer, ctx.now);
            return { kind: 'progress' };
          }
        }
        store.markRejected(event.id, failure.message, ctx.now);
        this.options.logger.warn(`Shift ${event.kind} for register ${event.body.Register} was refused by DealPOS: ${failure.message}`);
        return { kind: 'progress' };
      }
      return this.failed(event, failure, true, ctx.now);
    }
  }

  /** Does DealPOS already have this open or close? Looked up in the outlet's shift list. */
  private async confirm(ctx: ShiftStepContext, event: ShiftEvent): Promise<Confirmed | SendResult> {
    if (!event.outlet) return { found: false };
    let rows: ShiftListRow[];
    try {
      rows = await ctx.client.listShifts(
        {
          outlet: event.outlet,
          from: this.day(event.openedAtMs - SHIFT_SEMANTICS.lookupDaysBefore * DAY_MS),
          to: this.day(ctx.now + DAY_MS),
          pageNumber: 1,
          pageSize: SHIFT_SEMANTICS.listPageSize,
        },
        ctx.callOptions(),
      );
      ctx.connectivity('online');
    } catch (error) {
      const failure = classify(error);
      if (failure.connectivity) ctx.connectivity(failure.connectivity);
      return this.failed(event, failure, false, ctx.now);
    }
    const register = event.body.Register.toLowerCase();
    const mine = rows.filter((r) => (r.Register ?? '').toLowerCase() === register);
    if (event.kind === 'open') {
      const open = mine.filter((r) => !r.Close).at(-1);
      return open ? { found: true, answer: { id: open.ID ?? null, number: open.Number ?? null } } : { found: false };
    }
    const openNumber = openNumberOf(this.options.store.eventsOf(event.shiftId));
    const closed = mine.find((r) => openNumber !== null && r.Number === openNumber && Boolean(r.Close));
    if (!closed) return { found: false };
    const answer: DealPosShiftClose = { number: closed.Number ?? null, sales: null, tax: null, salesNTax: closed.SalesNTax ?? null, start: closed.Open ?? null, end: closed.Close ?? null };
    return { found: true, answer };
  }

  private failed(event: ShiftEvent, failure: Classified, wasSent: boolean, now: number): SendResult {
    const entrySpecific = !CONNECTIVITY_CODES.has(failure.code);
    this.options.store.markFailed(
      event.id,
      {
        maybeSent: event.maybeSent || (wasSent && failure.maybeProcessed),
        nextAttemptAt: entrySpecific ? now + fullJitterDelay(event.attempts + 1, this.options.entryBackoff, this.options.random) : now,
        message: failure.message,
      },
      now,
    );
    this.options.logger.warn(`Shift ${event.kind} for register ${event.body.Register} could not be sent: ${failure.message}`);
    return { kind: 'failed', retryAfterMs: failure.retryAfterMs };
  }

  private synced(event: ShiftEvent, answer: unknown, now: number): void {
    if (this.options.store.markSynced(event.id, answer, now)) this.options.logger.info(`Shift ${event.kind} for register ${event.body.Register} is on DealPOS`, answer);
  }

  private day(epochMs: number): string {
    return localTime(epochMs, this.offsetMinutes(epochMs)).date;
  }
}

/** DealPOS refused the event itself (not the connection): it will not go through by retrying. */
function isRefusal(failure: Classified): boolean {
  return failure.kind === 'rejected' || failure.kind === 'unavailable' || failure.code === 'forbidden';
}

/** The close as DealPOS answered it (SalesNTax is not in that answer; the list carries it). */
function closeAnswer(answer: ShiftClosed): DealPosShiftClose {
  return { number: answer.Number ?? null, sales: answer.Sales ?? null, tax: answer.Tax ?? null, salesNTax: null, start: answer.Start ?? null, end: answer.End ?? null };
}

function openNumberOf(events: readonly ShiftEvent[]): string | null {
  const answer = events.find((e) => e.kind === 'open')?.answer;
  if (typeof answer !== 'object' || answer === null || !('number' in answer)) return null;
  return typeof answer.number === 'string' ? answer.number : null;
}
