/**
 * Full paged catalog sync at `background` priority. The cursor (pass number, next page, rows so
 * far) is written in the same transaction as each page's rows, so a restart or crash resumes at
 * the first page not yet stored. A complete pass drops variants DealPOS no longer lists and
 * schedules the next refresh. Checkout never waits for it: unknown codes are asked for one by one.
 * A first pass (no total known yet) asks Variant/Count once, so its progress has a total and an
 * estimate from the first page; a server without that endpoint only loses the total.
 */
import { z } from 'zod';
import type { CatalogProgressSnapshot, CatalogSyncState } from '../../shared/contract/catalog';
import { variantRecordsOf } from '../catalog/variantPage';
import { ASSUMPTIONS } from '../dealpos/assumptions';
import type { DealPosClient } from '../dealpos/dealPosClient';
import type { VariantListRow } from '../dealpos/schemas';
import { DealPosError } from '../dealpos/errors';
import type { Logger } from '../logging/logger';
import type { AppStateStore } from '../store/appStateStore';
import type { CatalogStore, VariantRecord } from '../store/catalogStore';
import { StoreError } from '../store/storeError';
import type { StorageHealth } from '../storage/storageGuard';
import { BulkWriterError } from '../workers/bulkWriter';
import { CATALOG_CURSOR_KEY as CURSOR_KEY } from '../store/catalogDatabase';
import { applyCatalogCommit, type CatalogCommitMeta, type CatalogWriter } from './catalogCommit';

const cursorSchema = z.object({
  /** Pass number; rows seen by a pass carry it, so the end of a pass can drop the rest. */
  generation: z.number().int().min(0),
  /** Null between passes. */
  nextPage: z.number().int().min(1).nullable(),
  pageSize: z.number().int().min(1),
  done: z.number().int().min(0),
  /** Currency decimals the stored prices were converted with; a change forces a new pass. */
  decimals: z.number().int().min(0),
  lastSyncAt: z.string().nullable(),
  /** Rows in the last complete pass: the estimate of `total` while the next pass runs. */
  lastTotal: z.number().int().min(0).nullable(),
  /** Variant/Count asked at the start of a first pass: `total` until a pass completes. Absent in older cursors. */
  countTotal: z.number().int().min(0).nullable().default(null),
});
type Cursor = z.infer<typeof cursorSchema>;

/** Batch numbers, unique in the process: rows a failed pass left on the writer thread are never taken for a new batch's. */
let batches = 0;

/** Rows fetched for the next commit: held here without a writer, on the writer thread with one. */
interface Batch {
  readonly id: number;
  size: number;
  readonly records: VariantRecord[];
}

export interface SyncTimer {
  set(callback: () => void, ms: number): () => void;
}

const systemTimer: SyncTimer = {
  set(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return () => clearTimeout(handle);
  },
};

export interface CatalogSyncOptions {
  /**
   * Only the paged list and the count are used (the benchmark feeds generator pages through the
   * same path): pages as rows without a writer, as body text for the writer to read with one.
   */
  readonly client: Pick<DealPosClient, 'listVariants' | 'listVariantsBody' | 'variantCount'>;
  readonly catalog: CatalogStore;
  /** The catalog file's state (the cursor commits with the rows it counts). */
  readonly state: AppStateStore;
  readonly currencyDecimals: () => number;
  readonly onProgress: (progress: CatalogProgressSnapshot) => void;
  readonly logger?: Logger;
  readonly now?: () => Date;
  readonly timer?: SyncTimer;
  /** Default: the largest page DealPOS accepts (500). */
  readonly pageSize?: number;
  /** Time between complete passes. Default 6 h. */
  readonly refreshIntervalMs?: number;
  /** First retry after a transient failure; doubles up to `maxRetryMs`. */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
  /**
   * Pages are committed (rows + cursor) once this many rows are waiting or `commitEveryMs` passed
   * since the last commit. At the real quota pages arrive seconds apart, so each page commits on
   * its own; when they arrive back to back, fewer commits mean far less FTS and WAL churn.
   */
  readonly commitEveryRows?: number;
  readonly commitEveryMs?: number;
  /**
   * Reads pages and stores commits (rows, pass end, cursor): the app's bulk writer thread, so main's
   * event loop neither parses a page nor runs a commit. Without one, both happen here, on
   * `catalog`'s connection.
   */
  readonly writer?: CatalogWriter;
  /**
   * The request budget's pace for background requests (the catalog's priority). Each page is one
   * request, so at a 50-per-180 s quota the pages left set the time left, not the rate so far.
   */
  readonly quota?: () => CatalogQuota | null;
  /** Told as each page arrives (for the event-loop monitor's stall log). */
  readonly noteActivity?: (label: string) => void;
  /** The disk's state: a full disk pauses the pass (storage_full wording) until space is back. */
  readonly storage?: Pick<StorageHealth, 'noteFailure'>;
}

export interface CatalogQuota {
  /** Background requests each window allows. */
  readonly perWindow: number;
  readonly windowMs: number;
  /** How long a background request asked now would wait for a slot. */
  readonly waitMs: number;
}

/** Shorter waits than this are a page arriving, not waiting for the quota worth telling anyone about. */
const QUOTA_WAIT_WORTH_SAYING_MS = 2_000;

/** The quota wait worth telling the manager about, or null. */
function quotaWaitOf(quota: CatalogQuota | null): number | null {
  return quota && quota.waitMs >= QUOTA_WAIT_WORTH_SAYING_MS ? quota.waitMs : null;
}

/** Failures that heal by themselves (go offline, rate limit, server hiccup): retry later. */
const TRANSIENT = new Set(['network', 'timeout', 'rate_limited', 'server_error']);
/** Variant/Count answers meaning this server does not offer it (its shape is assumed): stop asking. */
const COUNT_UNSUPPORTED = new Set(['not_found', 'bad_response']);

export class CatalogSync {
  private readonly now: () => Date;
  private readonly timer: SyncTimer;
  private readonly pageSize: number;
  private readonly refreshIntervalMs: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;
  private readonly commitEveryRows: number;
  private readonly commitEveryMs: number;
  private state: CatalogSyncState = 'idle';
  private lastError: string | null = null;
  private running: Promise<void> | null = null;
  private abort: AbortController | null = null;
  private cancelTimer: (() => void) | null = null;
  private failures = 0;
  private closed = false;
  /** The last pass stopped on a full disk: resumed (from its cursor) when space is back. */
  private stoppedByFullDisk = false;
  /** Set once the server showed it has no Variant/Count; first passes then run without a total. */
  private countUnsupported = false;
  /** Throughput of this run, for the ETA: rows stored and when the run started. */
  private runStartedAt = 0;
  private runRows = 0;

  constructor(private readonly options: CatalogSyncOptions) {
    this.now = options.now ?? (() => new Date());
    this.timer = options.timer ?? systemTimer;
    this.pageSize = Math.min(options.pageSize ?? ASSUMPTIONS.maxPageSize, ASSUMPTIONS.maxPageSize);
    this.refreshIntervalMs = options.refreshIntervalMs ?? 6 * 3_600_000;
    this.retryMs = options.retryMs ?? 30_000;
    this.maxRetryMs = options.maxRetryMs ?? 10 * 60_000;
    this.commitEveryRows = options.commitEveryRows ?? 2500;
    this.commitEveryMs = options.commitEveryMs ?? 2000;
  }

  /** Resumes an interrupted pass, or starts one when the last is older than the refresh interval. */
  start(): void {
    const cursor = this.cursor();
    if (cursor.nextPage !== null || cursor.lastSyncAt === null || cursor.decimals !== this.options.currencyDecimals()) {
      void this.run();
      return;
    }
    this.state = 'complete';
    const age = this.now().getTime() - Date.parse(cursor.lastSyncAt);
    this.schedule(Math.max(0, this.refreshIntervalMs - age));
  }

  /** Starts a pass now unless one is running; returns the progress right after. */
  syncNow(): CatalogProgressSnapshot {
    if (!this.running) void this.run();
    return this.progress();
  }

  /** Space is back: resumes a pass the full disk stopped; anything else keeps its schedule. */
  resumeAfterFullDisk(): void {
    if (this.stoppedByFullDisk && !this.running) void this.run();
  }

  progress(): CatalogProgressSnapshot {
    const cursor = this.cursor();
    const inPass = cursor.nextPage !== null;
    const estimate = cursor.lastTotal ?? cursor.countTotal;
    const total = inPass ? (estimate !== null && estimate >= cursor.done ? estimate : null) : cursor.lastTotal;
    const quota = this.options.quota?.() ?? null;
    return {
      state: this.state,
      done: inPass ? cursor.done : (cursor.lastTotal ?? 0),
      total,
      etaMs: this.state === 'syncing' && total !== null ? this.eta(total - cursor.done, quota) : null,
      quotaWaitMs: this.state === 'syncing' ? quotaWaitOf(quota) : null,
      lastSyncAt: cursor.lastSyncAt,
      lastError: this.lastError,
    };
  }

  /** Stops the loop (account change, shutdown); the cursor stays, so the next session resumes. */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelTimer?.();
    this.abort?.abort();
    await this.running;
  }

  /** The slower of the pace so far and the quota's: a burst of free slots must not promise "6 s left". */
  private eta(remainingRows: number, quota: CatalogQuota | null): number | null {
    const elapsed = this.now().getTime() - this.runStartedAt;
    const measured = this.runRows === 0 || elapsed <= 0 ? null : Math.round((Math.max(0, remainingRows) / this.runRows) * elapsed);
    if (!quota) return measured;
    const pagesLeft = Math.ceil(Math.max(0, remainingRows) / this.pageSize);
    const paced = pagesLeft === 0 ? 0 : Math.round(quota.waitMs + ((pagesLeft - 1) * quota.windowMs) / Math.max(1, quota.perWindow));
    return Math.max(measured ?? 0, paced);
  }


  private cursor(): Cursor {
    return (
      this.options.state.get(CURSOR_KEY, cursorSchema) ?? {
        generation: 0,
        nextPage: null,
        pageSize: this.pageSize,
        done: 0,
        decimals: this.options.currencyDecimals(),
        lastSyncAt: null,
        lastTotal: null,
        countTotal: null,
      }
    );
  }

  private schedule(ms: number): void {
    this.cancelTimer?.();
    if (this.closed) return;
    this.cancelTimer = this.timer.set(() => {
      this.cancelTimer = null;
      void this.run();
    }, ms);
  }

  private setState(state: CatalogSyncState, lastError: string | null = this.lastError): void {
    this.state = state;
    this.lastError = lastError;
    this.options.onProgress(this.progress());
  }

  private run(): Promise<void> {
    if (this.running || this.closed) return this.running ?? Promise.resolve();
    this.cancelTimer?.();
    this.cancelTimer = null;
    const abort = new AbortController();
    this.abort = abort;
    this.stoppedByFullDisk = false;
    this.running = this.pass(abort.signal).finally(() => {
      this.running = null;
      this.abort = null;
    });
    return this.running;
  }

  private async pass(signal: AbortSignal): Promise<void> {
    const decimals = this.options.currencyDecimals();
    let cursor = this.cursor();
    try {
      // A changed page size or currency would misalign pages or prices: start the pass over.
      if (cursor.nextPage === null || cursor.pageSize !== this.pageSize || cursor.decimals !== decimals) {
        cursor = { ...cursor, generation: cursor.generation + 1, nextPage: 1, pageSize: this.pageSize, done: 0, decimals };
        this.options.state.set(CURSOR_KEY, cursor);
      }
      if (cursor.lastTotal === null && cursor.countTotal === null && !this.countUnsupported) {
        // Syncing already (for anyone asking), but the first event waits for the total.
        this.state = 'syncing';
        this.lastError = null;
        const count = await this.askCount(signal);
        if (signal.aborted) return;
        if (count !== null) {
          cursor = { ...cursor, countTotal: count };
          this.options.state.set(CURSOR_KEY, cursor);
        }
      }
      // The estimate measures paging only, from here.
      this.runStartedAt = this.now().getTime();
      this.runRows = 0;
      this.setState('syncing', null);
      // Fetched but not yet committed: lost on a crash, fetched again on resume.
      let pending: Cursor = cursor;
      let batch = this.newBatch();
      let lastCommitAt = this.now().getTime();
      for (;;) {
        const page = pending.nextPage ?? 1;
        // The page is about to wait for the quota: say so now, not after it arrives.
        if (quotaWaitOf(this.options.quota?.() ?? null) !== null) this.options.onProgress(this.progress());
        const fetched = await this.fetchPage(page, batch, decimals, signal);
        if (fetched === null) return;
        const { rows, fetchedAt } = fetched;
        const last = rows < this.pageSize;
        pending = last
          ? { ...pending, nextPage: null, done: pending.done + rows, lastSyncAt: fetchedAt, lastTotal: pending.done + rows, countTotal: null }
          : { ...pending, nextPage: page + 1, done: pending.done + rows };
        this.failures = 0;
        const due = last || batch.size >= this.commitEveryRows || this.now().getTime() - lastCommitAt >= this.commitEveryMs;
        if (!due) continue;
        const next = pending;
        await this.write(batch, { generation: next.generation, last, cursor: next });
        if (signal.aborted) return;
        this.runRows += next.done - cursor.done;
        cursor = next;
        batch = this.newBatch();
        lastCommitAt = this.now().getTime();
        if (last) {
          this.options.logger?.info(`Catalog sync complete: ${cursor.done} variants`);
          this.setState('complete', null);
          this.schedule(this.refreshIntervalMs);
          return;
        }
        this.options.onProgress(this.progress());
      }
    } catch (error) {
      if (signal.aborted || this.closed) return;
      this.fail(error);
    }
  }

  /** A fresh batch: its number tells the writer thread to drop rows staged for a failed one. */
  private newBatch(): Batch {
    batches += 1;
    return { id: batches, size: 0, records: [] };
  }

  /**
   * One page into `batch`: read on the writer thread when there is one (only its body passes through
   * main), else here. Null when the pass was cancelled meanwhile.
   */
  private async fetchPage(page: number, batch: Batch, decimals: number, signal: AbortSignal): Promise<{ rows: number; fetchedAt: string } | null> {
    const query = { pageNumber: page, pageSize: this.pageSize };
    const call = { priority: 'background', signal } as const;
    const writer = this.options.writer;
    const listed: { readonly writer: CatalogWriter; readonly body: string } | { readonly rows: readonly VariantListRow[] } = writer
      ? { writer, body: await this.options.client.listVariantsBody(query, call) }
      : { rows: await this.options.client.listVariants(query, call) };
    if (signal.aborted) return null;
    this.options.noteActivity?.(`catalog sync page ${page}`);
    const fetchedAt = this.now().toISOString();
    let read: { readonly rows: number; readonly kept: number; readonly skipped: readonly string[] };
    if ('body' in listed) {
      const staged = await listed.writer.stageCatalogPage(batch.id, listed.body, decimals, fetchedAt);
      if (signal.aborted) return null;
      read = { rows: staged.rows, kept: staged.records, skipped: staged.skipped };
    } else {
      const page = variantRecordsOf(listed.rows, decimals, fetchedAt);
      batch.records.push(...page.records);
      read = { rows: page.rows, kept: page.records.length, skipped: page.skipped };
    }
    batch.size += read.kept;
    for (const code of read.skipped) this.options.logger?.warn(`Catalog sync skipped variant ${code}: empty code or unusable price`);
    return { rows: read.rows, fetchedAt };
  }

  private write(batch: Batch, meta: CatalogCommitMeta): Promise<void> {
    if (this.options.writer) return this.options.writer.commitCatalogBatch(batch.id, batch.size, meta);
    applyCatalogCommit({ catalog: this.options.catalog, state: this.options.state }, { ...meta, records: batch.records });
    return Promise.resolve();
  }

  /**
   * Variant/Count for a first pass, or null. The total only feeds the progress bar, so no failure
   * here stops the sync: the pages that follow meet (and report) any real trouble themselves.
   */
  private async askCount(signal: AbortSignal): Promise<number | null> {
    try {
      return await this.options.client.variantCount({}, { priority: 'background', signal });
    } catch (error) {
      if (!(error instanceof DealPosError) || error.code === 'cancelled') throw error;
      if (COUNT_UNSUPPORTED.has(error.code)) this.countUnsupported = true;
      this.options.logger?.warn(`Catalog sync continues without a total: Variant/Count failed (${error.code}): ${error.message}`);
      return null;
    }
  }

  private fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    // A full disk heals when space is freed: the storage guard resumes the pass then (resumeAfterFullDisk),
    // and the retry timer is the backstop. The rows of the failed commit are fetched again.
    const diskFull = error instanceof StoreError && (this.options.storage?.noteFailure(error) ?? error.code === 'storage_full');
    this.stoppedByFullDisk = diskFull;
    // A writer thread that died stored nothing of the commit it was running: fetch and try again.
    if ((error instanceof DealPosError && TRANSIENT.has(error.code)) || error instanceof BulkWriterError || diskFull) {
      this.failures += 1;
      const wait = Math.min(this.maxRetryMs, this.retryMs * 2 ** (this.failures - 1));
      const retryAfter = error.code === 'rate_limited' && typeof error.details?.['retryAfterMs'] === 'number' ? error.details['retryAfterMs'] : 0;
      const why = diskFull ? message : error instanceof BulkWriterError ? 'database writer' : error.code;
      this.options.logger?.warn(`Catalog sync paused (${why}); retrying in ${Math.round(Math.max(wait, retryAfter) / 1000)} s`);
      this.setState('waiting', message);
      this.schedule(Math.max(wait, retryAfter));
      return;
    }
    // Credentials, permissions, a malformed answer or a local storage failure need a person;
    // still try again at the next refresh in case it was fixed on the other side.
    if (!(error instanceof DealPosError) && !(error instanceof StoreError)) this.options.logger?.error('Catalog sync failed unexpectedly', error);
    else this.options.logger?.error(`Catalog sync stopped: ${message}`);
    this.setState('error', message);
    this.schedule(this.refreshIntervalMs);
  }
}
