/** Messages between main's BulkWriter and its worker thread (main/workers/bulkWriter.worker.ts). */
import type { CatalogCommit } from '../sync/catalogCommit';

export interface BulkWriterData {
  /** The database file main has open (and migrated); the worker opens its own connection to it. */
  readonly file: string;
  /** The WriteGate's buffer, shared with main's connection. */
  readonly gate: SharedArrayBuffer;
}

export type BulkRequest =
  | { readonly id: number; readonly kind: 'catalogCommit'; readonly commit: CatalogCommit }
  | { readonly id: number; readonly kind: 'pruneSynced'; readonly cutoffMs: number; readonly batchSize: number };

export interface PruneResult {
  readonly removed: number;
  /** Whether freed pages went back to the file system (see OutboxStore.releaseFreePages). */
  readonly released: boolean;
}

/** A failure as it crosses the thread boundary: a storage code when SQLite said why. */
export interface BulkFailure {
  readonly code: 'storage' | 'storage_full' | null;
  readonly message: string;
}

export type BulkResponse =
  | { readonly id: number; readonly ok: true; readonly value: PruneResult | null }
  | { readonly id: number; readonly ok: false; readonly error: BulkFailure };
