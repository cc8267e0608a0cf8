/**
 * The bulk writer thread: long jobs on the app's files — catalog pages read from DealPOS's body
 * text and stored with their FTS rows in the catalog file, retention of old synced sales in the app
 * database — on connections of its own, so main's event loop never waits for them, at a lowered
 * CPU priority (threadPriority.ts). Each job runs in short transactions taken through its file's
 * write gate (writeGate.ts); WAL lets main keep reading meanwhile. Started by BulkWriter.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { ServiceError } from '../../shared/errors';
import { readVariantPage } from '../catalog/variantPage';
import { DealPosBadResponseError } from '../dealpos/errors';
import { AppStateStore } from '../store/appStateStore';
import { CatalogStore, type VariantRecord } from '../store/catalogStore';
import { configure, type DatabaseContents } from '../store/database';
import { OutboxStore } from '../store/outboxStore';
import { toStoreError } from '../store/storeError';
import { applyCatalogCommit, type CatalogCommitMeta } from '../sync/catalogCommit';
import type { BulkFailure, BulkRequest, BulkResponse, BulkStarted, BulkWriterData, BulkWriterFile, StagedPage } from './bulkWriterProtocol';
import { lowerThisThreadsPriority } from './threadPriority';
import { WriteGate } from './writeGate';

const data = workerData as BulkWriterData;
const port = parentPort;
if (!port) throw new Error('bulkWriter.worker must run as a worker thread');

/**
 * Transactions between checkpoints, besides the one that ends each job. Every small transaction
 * rewrites the same upper B-tree and FTS pages; copied back after each one, checkpoints took 45 %
 * of a 200k-variant ingest. 25 transactions are one typical commit (2,500 rows).
 */
const CHUNKS_PER_CHECKPOINT = 25;

// Before any job: the writer takes only the CPU the cashier's work leaves.
port.postMessage({ started: lowerThisThreadsPriority() } satisfies BulkStarted);

interface WriterConnection {
  readonly db: Database.Database;
  /** Main is waiting for this file's gate: the chunk in progress should end after its row. */
  mainWaiting(): boolean;
  /** Runs one transaction through the gate, checkpointing every CHUNKS_PER_CHECKPOINT. */
  chunk<T>(write: () => T): T;
  /** Checkpoints what this connection wrote since the last checkpoint (the end of a job). */
  checkpointWritten(): void;
}

/**
 * The thread's connection to one file with its gate. Checkpoints are this thread's job while it
 * writes (main turns its own off meanwhile, see BulkWriter), outside the gate: left to SQLite, the
 * commit that crosses the WAL's size limit checkpoints inside the write lock — possibly main's.
 */
function connect(file: BulkWriterFile, contents: DatabaseContents): WriterConnection {
  const db = new Database(file.file);
  configure(db, contents);
  db.pragma('wal_autocheckpoint = 0');
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
  let chunksSinceCheckpoint = 0;
  /** PASSIVE copies what it can without blocking main's reads or writes. */
  const checkpointWritten = (): void => {
    if (chunksSinceCheckpoint === 0) return;
    checkpoint.run();
    chunksSinceCheckpoint = 0;
  };
  const gate = new WriteGate(file.gate);
  const chunk = <T>(write: () => T): T => {
    const result = gate.runAsWorker(write);
    if (++chunksSinceCheckpoint >= CHUNKS_PER_CHECKPOINT) checkpointWritten();
    return result;
  };
  return { db, chunk, checkpointWritten, mainWaiting: () => gate.mainWaiting() };
}

const app = connect(data.app, 'sales');
const catalogFile = connect(data.catalog, 'catalog');
// The writer never reads prices, so no outlet is needed.
const catalog = new CatalogStore(catalogFile.db, () => null);
const state = new AppStateStore(catalogFile.db);
const outbox = new OutboxStore(app.db);

/**
 * Pages read for the commit main will ask for next. Kept only here: a thread that dies loses them,
 * and the commit that finds them missing fails so the sync fetches them again from its cursor.
 */
let staged: { batch: number; records: VariantRecord[] } = { batch: -1, records: [] };

function stage(batch: number, body: string, decimals: number, fetchedAt: string): StagedPage {
  const page = readVariantPage(body, decimals, fetchedAt);
  if (staged.batch !== batch) staged = { batch, records: [] };
  staged.records.push(...page.records);
  return { rows: page.rows, records: page.records.length, skipped: page.skipped };
}

function commitStaged(batch: number, records: number, meta: CatalogCommitMeta): void {
  const kept = staged.batch === batch ? staged.records : [];
  if (kept.length !== records) throw new Error(`the writer holds ${kept.length} of the ${records} rows fetched for this commit`);
  staged = { batch: -1, records: [] };
  applyCatalogCommit({ catalog, state }, { ...meta, records: kept }, catalogFile.chunk, catalogFile.mainWaiting);
}

/** SQLite's own failures (a checkpoint's too) get the store's wording (a full disk: storage_full, saying what to do). */
function failure(raw: unknown, doing: string): BulkFailure {
  if (raw instanceof DealPosBadResponseError) {
    const detail = (key: string): string => String(raw.details?.[key] ?? '');
    return { code: 'bad_response', message: raw.message, endpoint: detail('endpoint'), field: detail('field'), problem: detail('problem') };
  }
  const error = toStoreError(raw, doing);
  if (error instanceof ServiceError && (error.code === 'storage' || error.code === 'storage_full')) return { code: error.code, message: error.message };
  return { code: null, message: error instanceof Error ? error.message : String(error) };
}

function handle(request: BulkRequest): BulkResponse {
  try {
    switch (request.kind) {
      case 'catalogStage':
        return { id: request.id, ok: true, value: stage(request.batch, request.body, request.decimals, request.fetchedAt) };
      case 'catalogCommit':
        commitStaged(request.batch, request.records, request.meta);
        catalogFile.checkpointWritten();
        return { id: request.id, ok: true, value: null };
      case 'pruneSynced': {
        let removed = 0;
        for (;;) {
          const batch = app.chunk(() => outbox.pruneSynced(request.cutoffMs, request.batchSize));
          removed += batch;
          if (batch < request.batchSize) break;
        }
        const released = removed > 0 && app.chunk(() => outbox.releaseFreePages());
        app.checkpointWritten();
        return { id: request.id, ok: true, value: { removed, released } };
      }
    }
  } catch (error) {
    const doing = { catalogStage: 'reading a catalog page', catalogCommit: 'storing catalog pages', pruneSynced: 'removing old synced sales' }[request.kind];
    return { id: request.id, ok: false, error: failure(error, doing) };
  }
}

port.on('message', (request: BulkRequest) => port.postMessage(handle(request)));
