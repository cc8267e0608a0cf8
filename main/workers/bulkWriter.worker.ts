/**
 * The bulk writer thread: long write jobs on the app's database — catalog pages with their FTS rows,
 * retention of old synced sales — on a connection of its own, so main's event loop never waits for
 * them. Each job runs in short transactions taken through the write gate (writeGate.ts); WAL lets
 * main keep reading meanwhile. Started by BulkWriter (bulkWriter.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { ServiceError } from '../../shared/errors';
import { AppStateStore } from '../store/appStateStore';
import { CatalogStore } from '../store/catalogStore';
import { configure } from '../store/database';
import { OutboxStore } from '../store/outboxStore';
import { toStoreError } from '../store/storeError';
import { applyCatalogCommit } from '../sync/catalogCommit';
import type { BulkFailure, BulkRequest, BulkResponse, BulkWriterData } from './bulkWriterProtocol';
import { WriteGate } from './writeGate';

const data = workerData as BulkWriterData;
const port = parentPort;
if (!port) throw new Error('bulkWriter.worker must run as a worker thread');

const db = new Database(data.file);
configure(db);
// Checkpoints are this thread's job, after each chunk and outside the gate (below): left to SQLite,
// the commit that crosses the WAL's size limit checkpoints inside the write lock — often main's,
// a scan paying for megabytes of catalog pages.
db.pragma('wal_autocheckpoint = 0');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const gate = new WriteGate(data.gate);
const chunk = <T>(write: () => T): T => {
  const result = gate.runAsWorker(write);
  // PASSIVE copies what it can without blocking main's reads or writes.
  checkpoint.run();
  return result;
};
// The writer never reads prices, so no outlet is needed.
const catalog = new CatalogStore(db, () => null);
const state = new AppStateStore(db);
const outbox = new OutboxStore(db);

/** SQLite's own failures (a checkpoint's too) get the store's wording (a full disk: storage_full, saying what to do). */
function failure(raw: unknown, doing: string): BulkFailure {
  const error = toStoreError(raw, doing);
  if (error instanceof ServiceError && (error.code === 'storage' || error.code === 'storage_full')) return { code: error.code, message: error.message };
  return { code: null, message: error instanceof Error ? error.message : String(error) };
}

function handle(request: BulkRequest): BulkResponse {
  try {
    switch (request.kind) {
      case 'catalogCommit':
        applyCatalogCommit({ catalog, state }, request.commit, chunk);
        return { id: request.id, ok: true, value: null };
      case 'pruneSynced': {
        let removed = 0;
        for (;;) {
          const batch = chunk(() => outbox.pruneSynced(request.cutoffMs, request.batchSize));
          removed += batch;
          if (batch < request.batchSize) break;
        }
        const released = removed > 0 && chunk(() => outbox.releaseFreePages());
        return { id: request.id, ok: true, value: { removed, released } };
      }
    }
  } catch (error) {
    return { id: request.id, ok: false, error: failure(error, request.kind === 'catalogCommit' ? 'storing catalog pages' : 'removing old synced sales') };
  }
}

port.on('message', (request: BulkRequest) => port.postMessage(handle(request)));
