/**
 * Keeps the register's SQLite file from growing for ever: sales DealPOS confirmed more than
 * SYNCED_SALE_RETENTION_MS ago are removed, in short batches, a little after the session's outbox
 * opens and then once a day. Nothing that is not synced is ever removed (see OutboxStore.pruneSynced).
 */
import { DAY_MS } from '../../shared/invoice/localTime';
import type { Logger } from '../logging/logger';
import type { OutboxStore } from '../store/outboxStore';
import type { PruneResult } from '../workers/bulkWriterProtocol';
import { systemClock, type LoopClock } from './sendLoop';

/**
 * 90 days after DealPOS confirmed a sale. Long enough for the Queue's "recently synced" list,
 * reprints and returns within a usual 30–60-day return window, and for support to compare a
 * quarter's sales with DealPOS; DealPOS itself keeps the invoice for good.
 */
export const SYNCED_SALE_RETENTION_MS = 90 * DAY_MS;
export const PRUNE_INTERVAL_MS = DAY_MS;
/** Sales per transaction: a first prune of a big file never holds the event loop for long. */
export const PRUNE_BATCH_SIZE = 500;
/** After the session opens, so start-up (first sync, catalog) goes first. */
export const PRUNE_START_DELAY_MS = 60_000;

export interface SyncedSalePrunerOptions {
  readonly store: OutboxStore;
  readonly logger: Logger;
  /** The outbox worker's clock: `synced_at` is written with it, and tests drive both. */
  readonly clock?: LoopClock;
  readonly retentionMs?: number;
  readonly batchSize?: number;
  readonly intervalMs?: number;
  readonly startDelayMs?: number;
  /**
   * Removes every sale synced before the cutoff, `batchSize` per transaction. The app hands this to
   * the bulk writer thread (main's event loop never runs it); the default runs it here, yielding
   * between batches.
   */
  readonly prune?: (cutoffMs: number, batchSize: number) => Promise<PruneResult>;
}

/** Lets other work (IPC, the send loop) in between two batches. */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class SyncedSalePruner {
  private readonly clock: LoopClock;
  private readonly retentionMs: number;
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private timer: unknown = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(private readonly options: SyncedSalePrunerOptions) {
    this.clock = options.clock ?? systemClock;
    this.retentionMs = options.retentionMs ?? SYNCED_SALE_RETENTION_MS;
    this.batchSize = Math.max(1, options.batchSize ?? PRUNE_BATCH_SIZE);
    this.intervalMs = options.intervalMs ?? PRUNE_INTERVAL_MS;
  }

  start(): void {
    if (this.timer !== null || this.stopped) return;
    this.schedule(this.options.startDelayMs ?? PRUNE_START_DELAY_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One prune now (joins one already running); resolves to how many sales were removed. */
  pruneNow(): Promise<number> {
    this.running ??= this.prune().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.pruneNow()
        .catch((error: unknown) => this.options.logger.error('Outbox: removing old synced sales failed; trying again tomorrow', error))
        .finally(() => {
          if (!this.stopped) this.schedule(this.intervalMs);
        });
    }, delayMs);
  }

  private async prune(): Promise<number> {
    const cutoff = this.clock.now() - this.retentionMs;
    const { removed, released } = await (this.options.prune ?? ((at, size) => this.pruneHere(at, size)))(cutoff, this.batchSize);
    if (removed > 0) {
      this.options.logger.info(
        `Outbox: removed ${removed} sale(s) synced more than ${Math.round(this.retentionMs / DAY_MS)} days ago` +
          (released ? '; free pages released' : ''),
      );
    }
    return removed;
  }

  private async pruneHere(cutoff: number, batchSize: number): Promise<PruneResult> {
    let removed = 0;
    while (!this.stopped) {
      const batch = this.options.store.pruneSynced(cutoff, batchSize);
      removed += batch;
      if (batch < batchSize) break;
      await yieldToEventLoop();
    }
    return { removed, released: removed > 0 && this.options.store.releaseFreePages() };
  }
}
