/**
 * Main's side of the bulk writer thread (bulkWriter.worker.ts): hands it catalog pages, their
 * commits and retention, one job at a time in order, and answers each with a promise. The thread starts on the
 * first job; if it dies, every job in flight fails with BulkWriterError (the catalog sync retries
 * it: a commit is all or nothing for its cursor) and the next job starts a fresh thread.
 */
import type { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { ServiceError } from '../../shared/errors';
import type { Logger } from '../logging/logger';
import { StoreError } from '../store/storeError';
import { DealPosBadResponseError } from '../dealpos/errors';
import type { CatalogCommitMeta, CatalogWriter } from '../sync/catalogCommit';
import type { BulkFailure, BulkRequest, BulkResponse, BulkStarted, BulkWriterData, PruneResult, StagedPage } from './bulkWriterProtocol';
import { startWorker } from './startWorker';
import { attachGate, WriteGate } from './writeGate';

/** The thread failed or stopped before it answered: nothing of that job's last transaction is stored. */
export class BulkWriterError extends ServiceError {
  constructor(message: string, cause?: unknown) {
    super('storage', message, { cause });
  }
}

export interface BulkWriterOptions {
  /**
   * Main's connections to the app database and to its catalog file, already migrated: the thread
   * opens its own connection to each file, and the write gate they share is attached to main's
   * (main's writes take it through mainWrite).
   */
  readonly db: Database.Database;
  readonly catalogDb: Database.Database;
  readonly logger?: Logger;
  /** Observes each thread as it starts (tests stop it to check what a crash leaves behind). */
  readonly onThreadStarted?: (thread: Worker) => void;
}

/** SQLite's default WAL size (pages) at which a commit checkpoints; main's setting when the thread is idle. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000;

type Value = PruneResult | StagedPage | null;
type Pending = { resolve: (value: Value) => void; reject: (error: Error) => void };
type Job = DistributiveOmit<BulkRequest, 'id'>;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export class BulkWriter implements CatalogWriter {
  private thread: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;
  private readonly gate = new WriteGate();
  private readonly catalogGate = new WriteGate();

  constructor(private readonly options: BulkWriterOptions) {
    attachGate(options.db, this.gate);
    attachGate(options.catalogDb, this.catalogGate);
  }

  async stageCatalogPage(batch: number, body: string, decimals: number, fetchedAt: string): Promise<StagedPage> {
    const value = await this.run({ kind: 'catalogStage', batch, body, decimals, fetchedAt });
    if (value === null || !('rows' in value)) throw new BulkWriterError('The database writer answered a page without its rows');
    return value;
  }

  async commitCatalogBatch(batch: number, records: number, meta: CatalogCommitMeta): Promise<void> {
    await this.run({ kind: 'catalogCommit', batch, records, meta });
  }

  async pruneSynced(cutoffMs: number, batchSize: number): Promise<PruneResult> {
    const value = await this.run({ kind: 'pruneSynced', cutoffMs, batchSize });
    return value !== null && 'removed' in value ? value : { removed: 0, released: false };
  }

  /** Stops the thread after the job it is running; jobs not yet answered fail. */
  async close(): Promise<void> {
    this.closed = true;
    const thread = this.thread;
    this.thread = null;
    if (thread) await thread.terminate();
    this.releaseGates();
    this.failAll(new BulkWriterError('The app is closing this database; the job will run again next time'));
  }

  private run(job: Job): Promise<Value> {
    if (this.closed) return Promise.reject(new BulkWriterError('The database writer is closed'));
    const thread = this.thread ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.setMainCheckpoints(false);
      this.pending.set(id, { resolve, reject });
      // A job in flight keeps the process alive; an idle thread does not (see start()).
      thread.ref();
      thread.postMessage({ id, ...job } satisfies BulkRequest);
    });
  }

  private start(): Worker {
    const data: BulkWriterData = {
      app: { file: this.options.db.name, gate: this.gate.buffer },
      catalog: { file: this.options.catalogDb.name, gate: this.catalogGate.buffer },
    };
    const thread = startWorker('bulkWriter.worker', { workerData: data });
    this.thread = thread;
    thread.on('message', (message: BulkResponse | BulkStarted) => {
      if ('started' in message) this.started(message);
      else this.answer(message);
    });
    thread.on('error', (error) => this.lost(thread, `failed: ${error.message}`, error));
    thread.on('exit', (code) => this.lost(thread, `stopped (exit code ${code})`));
    // Idle, it must not keep the process alive.
    thread.unref();
    this.options.onThreadStarted?.(thread);
    return thread;
  }

  private started({ started }: BulkStarted): void {
    const line = `The background database writer started; CPU priority: ${started.applied} (${started.detail})`;
    if (started.applied === 'unchanged' && process.platform === 'linux') this.options.logger?.warn(line);
    else this.options.logger?.info(line);
  }

  private answer(response: BulkResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);
    if (this.pending.size === 0) {
      this.thread?.unref();
      this.setMainCheckpoints(true);
    }
    if (response.ok) pending.resolve(response.value);
    else pending.reject(fromFailure(response.error));
  }

  private lost(thread: Worker, what: string, cause?: unknown): void {
    if (this.thread !== thread) return;
    this.thread = null;
    this.releaseGates();
    if (this.closed) return;
    this.options.logger?.error(`The background database writer ${what}; its job is retried`, cause);
    this.failAll(new BulkWriterError(`The background database writer ${what}; retrying`, cause));
  }

  private releaseGates(): void {
    this.gate.releaseAbandoned();
    this.catalogGate.releaseAbandoned();
  }

  private failAll(error: BulkWriterError): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    this.setMainCheckpoints(true);
  }

  /**
   * While the thread has work, it checkpoints (after each job and every few transactions) and
   * main's connections do not: SQLite runs an automatic checkpoint inside whichever commit finds
   * the WAL past its limit, and during an ingest that would be a scan's draft or a sale on main
   * copying the thread's megabytes of catalog pages. Idle, main checkpoints its own writes as usual.
   */
  private setMainCheckpoints(on: boolean): void {
    for (const db of [this.options.db, this.options.catalogDb]) {
      // Closing: main's connection may already be closed, or about to be, with the session.
      if (!db.open || (this.closed && !on)) continue;
      db.exec(`PRAGMA wal_autocheckpoint = ${on ? SQLITE_AUTOCHECKPOINT_PAGES : 0}`);
    }
  }
}

/** The thread's failure as main's error: DealPOS's wrong answer, SQLite's reason, or the writer's own. */
function fromFailure(failure: BulkFailure): Error {
  if (failure.code === 'bad_response') return new DealPosBadResponseError(failure.endpoint, failure.field, failure.problem);
  if (failure.code) return new StoreError(failure.code, failure.message);
  return new BulkWriterError(`The database writer failed: ${failure.message}`);
}
