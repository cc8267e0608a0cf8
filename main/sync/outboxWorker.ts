/**
 * Sends the invoice outbox to DealPOS, exactly once per sale.
 *
 * Each run (scheduled by SendLoop) reads due entries oldest first, then — outside any transaction —
 * 1. confirms entries whose earlier send had an unknown outcome (found → synced with that server
 *    id, never sent again; not found → sent again): two or more with ONE `Invoice/MultipleOutlet`
 *    listing (settleByListing.ts), by `Invoice/IDByNumber` only what the listing cannot settle, and
 *    a single one by `Invoice/IDByNumber`;
 * 2. sends the rest: one `POST /Invoice` for a single entry (or while probing after a connectivity
 *    failure), `POST /Invoice/List` for a backlog. Batch semantics are the DealPOS client's
 *    documented assumptions (main/dealpos/assumptions.ts, INVOICE_SEMANTICS): per-item results;
 *    an item missing from the answer has an unknown outcome; a whole-request 400 created nothing,
 *    and those entries fall back to single sends so only the culprit is rejected.
 * Entries are marked `sending` (and "maybe sent") in a committed write before each request, so a
 * crash mid-request is treated as an unknown outcome on restart. A run that fails to record an
 * outcome (disk full, any storage error) leaves the same doubt: the next run first puts every
 * `sending` entry back as "maybe sent", so the listing above settles it. While the disk is full
 * nothing new is sent; the space reserve the guard releases lets the outcomes in flight be written.
 */
import type { DealPosClient } from '../dealpos/dealPosClient';
import { DealPosServerError } from '../dealpos/errors';
import type { InvoiceListResult, InvoiceListRow } from '../dealpos/schemas';
import type { QueueCounts } from '../../shared/contract/queue';
import type { Connectivity } from '../../shared/contract/app';
import { ServiceError } from '../../shared/errors';
import type { EventHub } from '../events/eventHub';
import type { StatusService } from '../events/statusService';
import type { Logger } from '../logging/logger';
import { systemIso, type OutboxEntry, type OutboxStore } from '../store/outboxStore';
import { StoreError } from '../store/storeError';
import type { StorageHealth } from '../storage/storageGuard';
import { fullJitterDelay, type BackoffPolicy } from './backoff';
import { DrainProgress, type SyncQuota } from './drainProgress';
import { allListed, listingRequest, pageMayContinue, settleFromListing } from './settleByListing';
import { SendLoop, systemClock, type LoopClock, type SendResult } from './sendLoop';
import type { ShiftApi, ShiftSync } from './shiftSync';

/** The part of the DealPOS client the worker uses; the account service owns the real one. */
export type InvoiceApi = Pick<DealPosClient, 'createInvoice' | 'createInvoices' | 'invoiceIdByNumber' | 'listInvoicesMultipleOutlet'> & Partial<ShiftApi>;

export interface OutboxWorkerOptions {
  readonly store: OutboxStore;
  /** The current account's client; null while not connected (the worker then waits, losing nothing). */
  readonly client: () => InvoiceApi | null;
  readonly status: StatusService;
  readonly events: EventHub;
  readonly logger: Logger;
  readonly clock?: LoopClock;
  readonly random?: () => number;
  /** Invoices per `Invoice/List` request. 25 drains 1,000 invoices in 40 requests, inside one 50-request window. */
  readonly batchSize?: number;
  /** Retry spacing for one entry whose sends fail on the server side (5xx, bad answer). */
  readonly entryBackoff?: BackoffPolicy;
  /** Loop-level backoff after a failed run (offline, 5xx, 429). */
  readonly loopBackoff?: BackoffPolicy;
  readonly debounceMs?: number;
  /** How often the age of the oldest pending invoice is refreshed in `status`. */
  readonly statusRefreshMs?: number;
  /** The account's quota as sync may use it, for the drain's time left; null while unknown. */
  readonly quota?: () => SyncQuota | null;
  /** Subscribes to "DealPOS answered someone's request" (returns the unsubscribe): ends a backoff. */
  readonly onDealPosAnswered?: (listener: () => void) => () => void;
  /** The disk's state: sync pauses while it is full and resumes when space is back. */
  readonly storage?: StorageHealth;
  /** Shift opens and closes (issue 15): sent in order with the invoices, one step before each run. */
  readonly shifts?: ShiftSync;
}

export const DEFAULT_BATCH_SIZE = 25;
/** Invoices in doubt settled per listing: a few crashed or unanswered batches at once. */
const SETTLE_LIMIT = 100;
/**
 * Listing pages one settling may read. With the token request a restart needs, a batch in doubt is
 * settled in at most 3 requests; what two pages of 500 rows cannot settle is checked by number.
 */
const SETTLE_MAX_PAGES = 2;
export const DEFAULT_ENTRY_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 30 * 60_000 };

/** Errors that say nothing about the invoice itself: DealPOS could not be reached or asked us to wait. */
const CONNECTIVITY_CODES = new Set(['network', 'timeout', 'cancelled', 'rate_limited']);

type FailureKind = 'pause' | 'transient' | 'rejected' | 'unavailable';

export interface Classified {
  readonly kind: FailureKind;
  readonly code: string;
  readonly message: string;
  /** The request may have been processed by DealPOS. */
  readonly maybeProcessed: boolean;
  readonly retryAfterMs: number;
  /** What this outcome says about reaching DealPOS; null when it says nothing. */
  readonly connectivity: Connectivity | null;
}

export function classify(error: unknown): Classified {
  if (!(error instanceof ServiceError)) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'transient', code: 'internal', message, maybeProcessed: true, retryAfterMs: 0, connectivity: null };
  }
  const details = error.details ?? {};
  const maybeProcessed = details['maybeProcessed'] !== false;
  const base = { code: error.code, message: error.message, retryAfterMs: 0 };
  switch (error.code) {
    case 'bad_credentials':
    case 'forbidden':
      return { ...base, kind: 'pause', maybeProcessed: false, connectivity: 'online' };
    case 'server_validation':
      return { ...base, kind: 'rejected', maybeProcessed: false, connectivity: 'online' };
    case 'not_found':
      return { ...base, kind: 'unavailable', maybeProcessed: false, connectivity: 'online' };
    case 'rate_limited': {
      const wait = details['retryAfterMs'];
      const local = details['local'] === true;
      return { ...base, kind: 'transient', maybeProcessed: false, retryAfterMs: typeof wait === 'number' ? wait : 0, connectivity: local ? null : 'online' };
    }
    case 'network':
    case 'timeout':
      return { ...base, kind: 'transient', maybeProcessed, connectivity: 'offline' };
    case 'cancelled':
      return { ...base, kind: 'transient', maybeProcessed, connectivity: null };
    case 'server_error':
    case 'bad_response':
      return { ...base, kind: 'transient', maybeProcessed: true, connectivity: 'online' };
    default:
      return { ...base, kind: 'transient', maybeProcessed, connectivity: null };
  }
}

function earliest(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function serverMessageOf(error: unknown, fallback: string): string {
  if (error instanceof ServiceError) {
    const message = error.details?.['serverMessage'];
    if (typeof message === 'string' && message.length > 0) return message;
  }
  return fallback;
}

export class OutboxWorker {
  private readonly store: OutboxStore;
  private readonly clock: LoopClock;
  private readonly random: () => number;
  /** Shrinks when DealPOS says a batch is too large (413). */
  private batchSize: number;
  private readonly entryBackoff: BackoffPolicy;
  private readonly loop: SendLoop;
  private readonly abort = new AbortController();
  private ageTimer: NodeJS.Timeout | null = null;
  /** After a whole-batch 400: these go one by one so only the culprit is rejected. */
  private readonly singleOnly = new Set<string>();
  /** `Invoice/List` answered 404/405-like: this server has no batch endpoint; send singly. */
  private batchUnavailable = false;
  /** `Invoice/MultipleOutlet` refused our filters (400) or is missing (404): settle by number only. */
  private listingUnavailable = false;
  private pausedReason: string | null = null;
  private pausedClient: InvoiceApi | null = null;
  private lastError: string | null = null;
  /** Judged from this worker's own request outcomes, not the OS's online flag. */
  private connectivity: Connectivity = 'unknown';
  private lastCounts: QueueCounts | null = null;
  private started = false;
  private readonly drain = new DrainProgress();
  private unsubscribeAnswers: (() => void) | null = null;
  private unsubscribeStorage: (() => void) | null = null;
  /** A storage error may have left entries in `sending`: put them back as "maybe sent" first. */
  private recoveryNeeded = false;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.store = options.store;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
    this.entryBackoff = options.entryBackoff ?? DEFAULT_ENTRY_BACKOFF;
    this.loop = new SendLoop({
      send: () => this.runOnce(),
      clock: this.clock,
      random: this.random,
      ...(options.loopBackoff ? { backoff: options.loopBackoff } : {}),
      ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
      onError: (error) => options.logger.error('Outbox worker run failed unexpectedly', error),
    });
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    // A full disk must not stop the app from starting: the first run after space is back recovers.
    this.recoveryNeeded = true;
    try {
      this.recoverSending('were in flight at shutdown');
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      this.storageFailed(error);
    }
    this.publish();
    const refreshMs = this.options.statusRefreshMs ?? 15_000;
    this.ageTimer = setInterval(() => this.publish(), refreshMs);
    this.ageTimer.unref();
    this.unsubscribeAnswers = this.options.onDealPosAnswered?.(() => this.loop.reachable()) ?? null;
    this.unsubscribeStorage = this.options.storage?.onRecovered(() => this.resume()) ?? null;
    this.loop.start();
  }

  async stop(): Promise<void> {
    if (this.ageTimer) clearInterval(this.ageTimer);
    this.ageTimer = null;
    this.unsubscribeAnswers?.();
    this.unsubscribeAnswers = null;
    this.unsubscribeStorage?.();
    this.unsubscribeStorage = null;
    this.abort.abort();
    await this.loop.stop();
  }

  /** A sale was just committed. */
  saleRecorded(): void {
    this.publish();
    this.loop.kick();
  }

  /** "Sync now": every pending invoice is due, backoff and pause are dropped. */
  syncNow(): QueueCounts {
    try {
      this.store.wakeAll(this.clock.now());
      this.options.shifts?.wakeAll(this.clock.now());
    } catch (error) {
      // The manager is told (storage_full); status says it too, from now on.
      if (error instanceof StoreError) this.options.storage?.noteFailure(error);
      throw error;
    }
    this.resume();
    return this.publish();
  }

  /** The account's credentials (and so its client) changed: try again at once. */
  credentialsChanged(): void {
    this.resume();
  }

  /** Queue contents changed outside the worker (edit, retry, void). */
  queueChanged(kickWorker: boolean): QueueCounts {
    const counts = this.publish();
    if (kickWorker) this.loop.kickNow();
    return counts;
  }

  private resume(): void {
    this.pausedReason = null;
    this.pausedClient = null;
    this.loop.kickNow();
  }

  /** One run: lookups for unknown outcomes, then one request's worth of sending. */
  async runOnce(): Promise<SendResult> {
    try {
      if (this.options.storage?.full()) return { kind: 'paused' };
      if (this.recoveryNeeded) this.recoverSending('had no recorded outcome after a storage error');
      return await this.sendDue();
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      return this.storageFailed(error);
    } finally {
      this.publish();
    }
  }

  /** Puts `sending` entries back as "maybe sent" (only between runs: then none is really in flight). */
  private recoverSending(why: string): void {
    const now = this.clock.now();
    const recovered = this.store.recoverInterrupted(now) + (this.options.shifts?.recoverInterrupted(now) ?? 0);
    this.recoveryNeeded = false;
    if (recovered > 0) this.options.logger.warn(`Outbox: ${recovered} invoice(s) ${why}; asking DealPOS about them before resending`);
  }

  /**
   * A write of the outbox failed. Entries claimed in this run may still say `sending`, so the next
   * run recovers them first; on a full disk that run comes when the guard sees space again.
   */
  private storageFailed(error: StoreError): SendResult {
    this.recoveryNeeded = true;
    this.lastError = error.message;
    const full = this.options.storage?.noteFailure(error) ?? false;
    this.options.logger.error(`Outbox: ${error.message}; invoices in flight are checked with DealPOS before any resend`);
    return full ? { kind: 'paused' } : { kind: 'failed' };
  }

  private async sendDue(): Promise<SendResult> {
    const client = this.options.client();
    if (!client) {
      // Only worth a warning while something is waiting to be sent.
      const waiting = this.store.stats().pending > 0;
      this.pausedReason = waiting ? 'Not connected to a DealPOS account; sales are kept until one is connected' : null;
      this.pausedClient = null;
      return waiting ? { kind: 'paused' } : { kind: 'idle', nextDueAt: null };
    }
    if (this.pausedReason !== null) {
      // Credentials fixed = the account service built a new client (or "sync now" cleared the pause).
      if (this.pausedClient === client) return { kind: 'paused' };
      this.pausedReason = null;
      this.pausedClient = null;
    }

    const now = this.clock.now();
    const shifts = this.options.shifts;
    if (shifts && client.openShift && client.closeShift && client.listShifts) {
      const api: ShiftApi = { openShift: client.openShift.bind(client), closeShift: client.closeShift.bind(client), listShifts: client.listShifts.bind(client) };
      const stepped = await shifts.step({ client: api, now, callOptions: () => this.callOptions(), connectivity: (value) => this.setConnectivity(value) });
      if (stepped) {
        if (stepped.kind === 'progress') this.lastError = null;
        return stepped;
      }
    }
    // Until a request has succeeded (start-up, after an outage) probe with one invoice: a request
    // that dies on the way leaves only that one needing an IDByNumber check, not a whole batch.
    const limit = this.connectivity === 'online' ? this.batchSize : 1;
    const due = this.store.due(now, limit);
    if (due.length === 0) return { kind: 'idle', nextDueAt: earliest(this.store.nextDueAt(), shifts?.nextDueAt() ?? null) };
    if (due.some((e) => e.maybeSent)) {
      // Every invoice in doubt, not only this run's share: one listing settles them all.
      const uncertain = this.store.dueMaybeSent(now, SETTLE_LIMIT);
      if (uncertain.length > 1) return this.settle(client, uncertain);
    }

    const toSend: OutboxEntry[] = [];
    for (const entry of due) {
      if (!entry.maybeSent) {
        toSend.push(entry);
        continue;
      }
      const outcome = await this.confirm(client, entry);
      if (outcome === 'synced') continue;
      if (outcome !== 'absent') return outcome;
      toSend.push(entry);
    }
    const first = toSend[0];
    if (!first) return { kind: 'progress' };
    const single = toSend.length === 1 || this.batchUnavailable || this.singleOnly.has(first.localId);
    return single ? this.sendOne(client, first) : this.sendBatch(client, toSend.filter((e) => !this.singleOnly.has(e.localId)));
  }

  /** Unknown earlier outcome: does DealPOS have it? */
  private async confirm(client: InvoiceApi, entry: OutboxEntry): Promise<'synced' | 'absent' | SendResult> {
    try {
      const id = await client.invoiceIdByNumber({ outlet: entry.outlet, number: entry.invoiceNumber }, this.callOptions());
      this.noteSuccess();
      if (id === null) return 'absent';
      this.synced(entry, id);
      this.options.logger.info(`Outbox: ${entry.invoiceNumber} was already on DealPOS (id ${id}); not resending`);
      return 'synced';
    } catch (error) {
      return this.failed([entry], classify(error), false);
    }
  }

  /**
   * Several invoices in doubt: one listing says which DealPOS has (synced with the listed ID) and,
   * when it is complete, which it has not (sent again by the next run without another check).
   * Whatever it cannot settle — listing failed, incomplete, a row without a usable ID — is checked
   * by number.
   */
  private async settle(client: InvoiceApi, entries: readonly OutboxEntry[]): Promise<SendResult> {
    let unsettled: readonly OutboxEntry[] = entries;
    if (!this.listingUnavailable) {
      let listing: { rows: InvoiceListRow[]; complete: boolean } | null = null;
      try {
        listing = await this.list(client, entries);
        this.noteSuccess();
      } catch (error) {
        const failure = classify(error);
        // Offline, throttled or not allowed: a lookup by number would fare no better.
        if (failure.kind === 'pause' || CONNECTIVITY_CODES.has(failure.code)) return this.failed(entries, failure, false);
        if (failure.connectivity) this.setConnectivity(failure.connectivity);
        if (failure.kind === 'rejected' || failure.kind === 'unavailable') this.listingUnavailable = true;
        this.options.logger.warn(`Outbox: listing invoices failed (${failure.message}); checking ${entries.length} invoice(s) by number`);
      }
      if (listing) {
        const verdict = settleFromListing(entries, listing.rows, listing.complete);
        for (const { entry, id } of verdict.found) this.synced(entry, id);
        if (verdict.absent.length > 0) this.record(() => this.store.markNotSent(verdict.absent.map((e) => e.localId), this.clock.now()));
        unsettled = verdict.unsettled;
        this.options.logger.info(
          `Outbox: of ${entries.length} invoice(s) in doubt, ${verdict.found.length} were already on DealPOS (not resent), ` +
            `${verdict.absent.length} were not (sending them), ${unsettled.length} to check by number`,
        );
      }
    }
    for (const entry of unsettled) {
      const outcome = await this.confirm(client, entry);
      if (outcome === 'absent') this.record(() => this.store.markNotSent([entry.localId], this.clock.now()));
      else if (outcome !== 'synced') return outcome;
    }
    return { kind: 'progress' };
  }

  /** Up to SETTLE_MAX_PAGES pages; `complete` when the last page read was the listing's last. */
  private async list(client: InvoiceApi, entries: readonly OutboxEntry[]): Promise<{ rows: InvoiceListRow[]; complete: boolean }> {
    const rows: InvoiceListRow[] = [];
    for (let page = 1; page <= SETTLE_MAX_PAGES; page++) {
      const answer = await client.listInvoicesMultipleOutlet(listingRequest(entries, page), this.callOptions());
      rows.push(...answer);
      if (!pageMayContinue(answer.length)) return { rows, complete: true };
      if (allListed(entries, rows)) break;
    }
    return { rows, complete: false };
  }

  private async sendOne(client: InvoiceApi, entry: OutboxEntry): Promise<SendResult> {
    if (!this.store.markSending([entry.localId], this.clock.now()).has(entry.localId)) return { kind: 'progress' };
    try {
      const created = await client.createInvoice(entry.payload, this.callOptions());
      this.noteSuccess();
      this.synced(entry, created.ID);
      return { kind: 'progress' };
    } catch (error) {
      const failure = classify(error);
      if (failure.kind === 'rejected' || failure.kind === 'unavailable') {
        this.noteSuccess();
        return this.refused(client, entry, serverMessageOf(error, failure.message), failure.code);
      }
      return this.failed([entry], failure, true);
    }
  }

  /**
   * DealPOS refused this invoice. If an earlier attempt may have created it (the refusal could be
   * "number already exists"), look it up first: found → synced, never "needs attention" by mistake.
   */
  private async refused(client: InvoiceApi, entry: OutboxEntry, message: string, code: string): Promise<SendResult> {
    if (entry.attempts > 0) {
      const outcome = await this.confirm(client, { ...entry, maybeSent: true });
      if (outcome === 'synced') return { kind: 'progress' };
      if (outcome !== 'absent') return outcome;
    }
    this.rejected(entry, message, code);
    return { kind: 'progress' };
  }

  private async sendBatch(client: InvoiceApi, candidates: readonly OutboxEntry[]): Promise<SendResult> {
    const claimed = this.store.markSending(
      candidates.map((e) => e.localId),
      this.clock.now(),
    );
    const entries = candidates.filter((e) => claimed.has(e.localId));
    if (entries.length === 0) return { kind: 'progress' };
    let results: InvoiceListResult[];
    try {
      results = await client.createInvoices(
        entries.map((e) => e.payload),
        this.callOptions(),
      );
    } catch (error) {
      const failure = classify(error);
      const tooLarge = error instanceof DealPosServerError && error.status === 413;
      if (failure.kind === 'rejected' || failure.kind === 'unavailable' || tooLarge) {
        this.noteSuccess();
        if (tooLarge) {
          // ASSUMPTION: 413 means the body was refused unread; the batch limit is not documented.
          this.batchSize = Math.max(1, Math.floor(entries.length / 2));
          this.options.logger.warn(`Outbox: DealPOS refused a batch of ${entries.length} as too large; now sending ${this.batchSize} at a time`);
        } else if (failure.kind === 'unavailable') {
          this.batchUnavailable = true;
          this.options.logger.warn(`Outbox: Invoice/List is not available (${failure.message}); sending invoices one by one`);
        } else {
          for (const e of entries) this.singleOnly.add(e.localId);
          this.options.logger.warn(`Outbox: a batch of ${entries.length} was refused (${failure.message}); sending them one by one`);
        }
        // ASSUMPTION (INVOICE_SEMANTICS): a whole-request refusal created nothing.
        const reason = tooLarge ? { code: 'server_validation', message: failure.message } : { code: failure.code, message: failure.message };
        const now = this.clock.now();
        this.record(() =>
          this.store.markFailed(
            entries.map((e) => ({ localId: e.localId, maybeSent: e.maybeSent, nextAttemptAt: now })),
            reason,
            now,
          ),
        );
        return { kind: 'progress' };
      }
      return this.failed(entries, failure, true);
    }
    this.noteSuccess();
    const byNumber = new Map(results.map((r) => [r.Number, r]));
    const unknown: OutboxEntry[] = [];
    const refused: Array<{ entry: OutboxEntry; message: string }> = [];
    for (const entry of entries) {
      const result = byNumber.get(entry.invoiceNumber);
      if (result?.ID) this.synced(entry, result.ID);
      else if (result?.Message) refused.push({ entry, message: result.Message });
      else unknown.push(entry);
    }
    // Every refused entry is settled (synced, rejected or back to pending) even if a lookup fails.
    let outcome: SendResult = { kind: 'progress' };
    for (const { entry, message } of refused) {
      const result = await this.refused(client, entry, message, 'server_validation');
      if (result.kind !== 'progress' && outcome.kind === 'progress') outcome = result;
    }
    if (unknown.length > 0) {
      this.options.logger.warn(`Outbox: Invoice/List answered nothing for ${unknown.length} invoice(s); DealPOS is asked about them before any resend`);
      const now = this.clock.now();
      this.record(() =>
        this.store.markFailed(
          unknown.map((e) => ({ localId: e.localId, maybeSent: true, nextAttemptAt: now })),
          { code: 'bad_response', message: 'DealPOS did not say whether this invoice was created' },
          now,
        ),
      );
    }
    return outcome;
  }

  /** Records a failed request for `entries`; decides pause vs backoff. */
  private failed(entries: readonly OutboxEntry[], failure: Classified, wasSent: boolean): SendResult {
    const now = this.clock.now();
    if (failure.connectivity) this.setConnectivity(failure.connectivity);
    const entrySpecific = !CONNECTIVITY_CODES.has(failure.code) && failure.kind === 'transient';
    this.record(() =>
      this.store.markFailed(
        entries.map((e) => ({
          localId: e.localId,
          maybeSent: e.maybeSent || (wasSent && failure.maybeProcessed),
          // Offline or throttled says nothing about this invoice: keep its place in the queue.
          nextAttemptAt: entrySpecific ? now + fullJitterDelay(e.attempts + 1, this.entryBackoff, this.random) : now,
          uncountedTry: !wasSent,
        })),
        { code: failure.code, message: failure.message },
        now,
      ),
    );
    this.lastError = failure.message;
    if (failure.kind === 'pause') {
      this.pausedReason =
        failure.code === 'bad_credentials'
          ? 'DealPOS refused the client id or secret; reconnect the account in Settings. Sales are kept and will be sent then.'
          : `${failure.message}. Sales are kept and will be sent once the API user has this role.`;
      this.pausedClient = this.options.client();
      this.options.logger.warn(`Outbox paused: ${failure.message}`);
      return { kind: 'paused' };
    }
    if (failure.code === 'cancelled' && this.abort.signal.aborted) return { kind: 'paused' };
    this.options.logger.warn(`Outbox: sending ${entries.length} invoice(s) failed: ${failure.message}`);
    return { kind: 'failed', retryAfterMs: failure.retryAfterMs };
  }

  private synced(entry: OutboxEntry, serverId: string): void {
    this.singleOnly.delete(entry.localId);
    if (this.record(() => this.store.markSynced(entry.localId, serverId, this.clock.now()))) {
      this.drain.invoiceSettled();
      this.options.events.emit('invoiceSynced', { localId: entry.localId, invoiceNumber: entry.invoiceNumber, serverId });
    }
  }

  private rejected(entry: OutboxEntry, message: string, code: string): void {
    this.singleOnly.delete(entry.localId);
    if (this.record(() => this.store.markRejected(entry.localId, message, code, this.clock.now()))) {
      this.drain.invoiceSettled();
      this.options.logger.warn(`Outbox: DealPOS rejected ${entry.invoiceNumber}: ${message}`);
      this.options.events.emit('invoiceRejected', { localId: entry.localId, invoiceNumber: entry.invoiceNumber, message });
    }
  }

  /**
   * Writes what DealPOS answered. When the disk is full the guard releases the space reserve, and
   * the write is tried once more in that room: an outcome in hand is worth recording.
   */
  private record<T>(write: () => T): T {
    try {
      return write();
    } catch (error) {
      if (!(error instanceof StoreError) || !this.options.storage?.noteFailure(error)) throw error;
      return write();
    }
  }

  private noteSuccess(): void {
    this.lastError = null;
    this.setConnectivity('online');
  }

  private setConnectivity(value: Connectivity): void {
    this.connectivity = value;
  }

  /** The options of every request the worker makes: so each one is counted for the drain here. */
  private callOptions(): { priority: 'sync'; signal: AbortSignal } {
    this.drain.requestMade();
    return { priority: 'sync', signal: this.abort.signal };
  }

  /** Pushes queue counts, age, last sync, last error, pause and connectivity to `status`. */
  private publish(): QueueCounts {
    const stats = this.store.stats();
    const now = this.clock.now();
    this.options.status.update({
      ...(this.connectivity !== 'unknown' ? { connectivity: this.connectivity } : {}),
      queue: {
        pending: stats.pending,
        needsAttention: stats.needsAttention,
        oldestPendingAgeMs: stats.oldestPendingAt === null ? null : Math.max(0, now - stats.oldestPendingAt),
        lastSyncAt: stats.lastSyncedAt === null ? null : systemIso(stats.lastSyncedAt),
        lastError: this.lastError,
        pausedReason: this.pausedReason,
        drain: this.drain.view(stats.pending, this.batchSize, this.options.quota?.() ?? null),
      },
    });
    const counts: QueueCounts = { pending: stats.pending, needsAttention: stats.needsAttention };
    if (!this.lastCounts || this.lastCounts.pending !== counts.pending || this.lastCounts.needsAttention !== counts.needsAttention) {
      this.lastCounts = counts;
      this.options.events.emit('queueChanged', counts);
    }
    return counts;
  }
}
