/** Messages between main's BulkWriter and its worker thread (main/workers/bulkWriter.worker.ts). */
import type { CatalogCommitMeta } from '../sync/catalogCommit';
import type { ThreadPriority } from './threadPriority';

/** One database file the writer works on, main's connection to it already open and migrated. */
export interface BulkWriterFile {
  readonly file: string;
  /** The WriteGate's buffer, shared with main's connection to the file. */
  readonly gate: SharedArrayBuffer;
}

export interface BulkWriterData {
  /** The app database: retention of synced sales. */
  readonly app: BulkWriterFile;
  /** The catalog file (main/store/catalogDatabase.ts): catalog pages and the sync cursor. */
  readonly catalog: BulkWriterFile;
}

export type BulkRequest =
  /** Read a fetched page (the body DealPOS sent) and keep its rows for batch `batch`'s commit. */
  | { readonly id: number; readonly kind: 'catalogStage'; readonly batch: number; readonly body: string; readonly decimals: number; readonly fetchedAt: string }
  /** Store batch `batch`, which must hold exactly `records` rows, with the pass end and cursor. */
  | { readonly id: number; readonly kind: 'catalogCommit'; readonly batch: number; readonly records: number; readonly meta: CatalogCommitMeta }
  | { readonly id: number; readonly kind: 'pruneSynced'; readonly cutoffMs: number; readonly batchSize: number };

export interface PruneResult {
  readonly removed: number;
  /** Whether freed pages went back to the file system (see OutboxStore.releaseFreePages). */
  readonly released: boolean;
}

/** A page read on the writer thread: what main needs to page on and to log. */
export interface StagedPage {
  /** Rows DealPOS listed on the page. */
  readonly rows: number;
  /** Rows kept for the commit (all but the skipped). */
  readonly records: number;
  readonly skipped: readonly string[];
}

/**
 * A failure as it crosses the thread boundary: a storage code when SQLite said why, `bad_response`
 * when DealPOS's page did not read (with the field, as DealPosBadResponseError has it).
 */
export type BulkFailure =
  | { readonly code: 'storage' | 'storage_full' | null; readonly message: string }
  | { readonly code: 'bad_response'; readonly message: string; readonly endpoint: string; readonly field: string; readonly problem: string };

export type BulkResponse =
  | { readonly id: number; readonly ok: true; readonly value: PruneResult | StagedPage | null }
  | { readonly id: number; readonly ok: false; readonly error: BulkFailure };

/** What the thread says on its own, before any job: the CPU priority it runs at (threadPriority.ts). */
export interface BulkStarted {
  readonly started: ThreadPriority;
}
