/**
 * The bulk writer thread: long jobs on the app's database — catalog pages read from DealPOS's body
 * text and stored with their FTS rows, retention of old synced sales — on a connection of its own,
 * so main's event loop never waits for them, at a lowered CPU priority (threadPriority.ts). Each job
 * runs in short transactions taken through the write gate (writeGate.ts); WAL lets main keep
 * reading meanwhile. Started by BulkWriter (bulkWriter.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { ServiceError } from '../../shared/errors';
import { readVariantPage } from '../catalog/variantPage';
import { DealPosBadResponseError } from '../dealpos/errors';
import { AppStateStore } from '../store/appStateStore';
import { CatalogStore, type VariantRecord } from '../store/catalogStore';
import { configure } from '../store/database';
import { OutboxStore } from '../store/outboxStore';
import { toStoreError } from '../store/storeError';
import { applyCatalogCommit, type CatalogCommitMeta } from '../sync/catalogCommit';
import type { BulkFailure, BulkRequest, BulkResponse, BulkStarted, BulkWriterData, StagedPage } from './bulkWriterProtocol';
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

const db = new Database(data.file);
configure(db);
// Checkpoints are this thread's job while it writes (main turns its own off meanwhile, see
// BulkWriter), outside the gate: left to SQLite, the commit that crosses the WAL's size limit
// checkpoints inside the write lock — often main's, a scan paying for megabytes of catalog pages.
db.pragma('wal_autocheckpoint = 0');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
let chunksSinceCheckpoint = 0;
/** PASSIVE copies what it can without blocking main's reads or writes. */
function checkpointWritten(): void {
  if (chunksSinceCheckpoint === 0) return;
  checkpoint.run();
  chunksSinceCheckpoint = 0;
}
const gate = new WriteGate(data.gate);
const chunk = <T>(write: () => T): T => {
  const result = gate.runAsWorker(write);
  if (++chunksSinceCheckpoint >= CHUNKS_PER_CHECKPOINT) checkpointWritten();
  return result;
};
// The writer never reads prices, so no outlet is needed.
const catalog = new CatalogStore(db, () => null);
const state = new AppStateStore(db);
const outbox = new OutboxStore(db);

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
  applyCatalogCommit({ catalog, state }, { ...meta, records: kept }, chunk, () => gate.mainWaiting());
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
        checkpointWritten();
        return { id: request.id, ok: true, value: null };
      case 'pruneSynced': {
        let removed = 0;
        for (;;) {
          const batch = chunk(() => outbox.pruneSynced(request.cutoffMs, request.batchSize));
          removed += batch;
          if (batch < request.batchSize) break;
        }
        const released = removed > 0 && chunk(() => outbox.releaseFreePages());
        checkpointWritten();
        return { id: request.id, ok: true, value: { removed, released } };
      }
    }
  } catch (error) {
    const doing = { catalogStage: 'reading a catalog page', catalogCommit: 'storing catalog pages', pruneSynced: 'removing old synced sales' }[request.kind];
    return { id: request.id, ok: false, error: failure(error, doing) };
  }
}

port.on('message', (request: BulkRequest) => port.postMessage(handle(request)));
