/**
 * Storing fetched catalog pages: the rows, the pass's end (drop what DealPOS no longer lists) and
 * the sync cursor. Runs on the bulk writer thread in the app (main/workers/bulkWriter.worker.ts),
 * or inline where no worker is wanted (tests, the ingest bench's in-process rows).
 *
 * The rows and the cursor go to the catalog file (main/store/catalogDatabase.ts), which no sale
 * shares, in transactions of at most ROWS_PER_TRANSACTION, each taken through `chunk` (the file's
 * write gate); one ends early, after the row in progress, as soon as main asks for the gate, so a
 * code main looked up in DealPOS and caches waits for one row and a commit. The cursor goes in the
 * last one only: a crash between two leaves rows stored that the cursor does not count yet, and the
 * resumed pass fetches and upserts them again — never a cursor ahead of the rows.
 */
import type { AppStateStore } from '../store/appStateStore';
import type { StagedPage } from '../workers/bulkWriterProtocol';
import { CATALOG_CURSOR_KEY } from '../store/catalogDatabase';
import type { CatalogStore, VariantRecord } from '../store/catalogStore';
import { diskFullError, StoreError, toStoreError } from '../store/storeError';

/**
 * Rows per catalog transaction. It sizes commits, not waits: a chunk ends after its current row
 * once main wants the gate. Fewer, larger commits ingest faster (0.53× raw at 100 rows, 0.57× at 500).
 */
export const ROWS_PER_TRANSACTION = 500;

/** What a commit stores besides its rows. */
export interface CatalogCommitMeta {
  readonly generation: number;
  /** The pass's last page: variants not seen in this pass are dropped with it. */
  readonly last: boolean;
  /** The sync cursor as of these rows, stored in the same transaction as the last of them. */
  readonly cursor: unknown;
}

export interface CatalogCommit extends CatalogCommitMeta {
  readonly records: readonly VariantRecord[];
}

/**
 * The app's catalog writer (the bulk writer thread): it reads each fetched page's body itself and
 * keeps the rows until main asks it to store the batch, so neither the parse nor the rows cross
 * main's event loop.
 */
export interface CatalogWriter {
  /** Reads one page's body into batch `batch`'s rows; a new batch number starts an empty batch. */
  stageCatalogPage(batch: number, body: string, decimals: number, fetchedAt: string): Promise<StagedPage>;
  /** Stores batch `batch` (exactly `records` rows, or it fails and stores nothing) with `meta`. */
  commitCatalogBatch(batch: number, records: number, meta: CatalogCommitMeta): Promise<void>;
}

export function applyCatalogCommit(
  stores: { readonly catalog: CatalogStore; readonly state: AppStateStore },
  commit: CatalogCommit,
  chunk: <T>(write: () => T) => T = (write) => write(),
  mainWaiting: () => boolean = () => false,
): void {
  try {
    storeChunks(stores, commit, chunk, mainWaiting);
  } catch (error) {
    // SQLite's own text ("database or disk is full") becomes the store's wording, which says what to
    // do, and the same words whichever write of the commit met the full disk (rows or cursor).
    const stored = toStoreError(error, 'storing catalog pages');
    throw stored instanceof StoreError && stored.code === 'storage_full' ? diskFullError('storing catalog pages', error) : stored;
  }
}

function storeChunks(
  stores: { readonly catalog: CatalogStore; readonly state: AppStateStore },
  commit: CatalogCommit,
  chunk: <T>(write: () => T) => T,
  mainWaiting: () => boolean,
): void {
  const { catalog, state } = stores;
  const db = catalog.db;
  const { records } = commit;
  let stored = 0;
  for (;;) {
    const done = chunk(() =>
      db
        .transaction(() => {
          const rows = records.slice(stored, stored + ROWS_PER_TRANSACTION);
          // Main asked for the gate (a looked-up code to cache): commit the rows so far, so its
          // write waits for one row rather than for the rest of the chunk.
          if (rows.length > 0) stored += catalog.upsertUntil(rows, commit.generation, mainWaiting);
          if (stored < records.length) return false;
          if (commit.last) catalog.deleteNotSeenSince(commit.generation);
          state.set(CATALOG_CURSOR_KEY, commit.cursor);
          return true;
        })
        .immediate(),
    );
    if (done) return;
  }
}
