/**
 * How a catalog commit is cut into transactions on a real SQLite file: at most ROWS_PER_TRANSACTION
 * rows each, ended after the row in progress when main asks for the write gate, and the cursor only
 * in the transaction that stores the last row (so it is never ahead of the rows).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { z } from 'zod';
import { AppStateStore } from '../../../main/store/appStateStore';
import { CatalogStore, type VariantRecord } from '../../../main/store/catalogStore';
import { CATALOG_CURSOR_KEY, openCatalogDatabase } from '../../../main/store/catalogDatabase';
import type { OpenedDatabase } from '../../../main/store/database';
import { applyCatalogCommit, ROWS_PER_TRANSACTION } from '../../../main/sync/catalogCommit';
import { tempDir } from './harness';

let dir: string;
let handle: OpenedDatabase;
let catalog: CatalogStore;
let state: AppStateStore;

beforeEach(() => {
  dir = tempDir('commit');
  handle = openCatalogDatabase({ appFile: path.join(dir, 'dealpos-counter.db') });
  catalog = new CatalogStore(handle.db, () => null);
  state = new AppStateStore(handle.db);
});
afterEach(() => {
  handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const records = (count: number): VariantRecord[] =>
  Array.from({ length: count }, (_, i) => ({ code: `C${i}`, name: `Item ${i}`, product: `Item ${i}`, unitPrice: 1_000 + i, discontinued: false, updatedAt: '2026-12-06T10:00:00+07:00', dealposId: null, outletPrices: [] }));

const cursorDone = (): number | null => state.get(CATALOG_CURSOR_KEY, z.object({ done: z.number() }))?.done ?? null;

/** Runs a commit, noting after each transaction how many rows and which cursor were stored. */
function commitWatched(rows: readonly VariantRecord[], mainWaiting: () => boolean): Array<{ rows: number; cursor: number | null }> {
  const seen: Array<{ rows: number; cursor: number | null }> = [];
  applyCatalogCommit(
    { catalog, state },
    { records: rows, generation: 1, last: false, cursor: { done: rows.length } },
    (write) => {
      const result = write();
      seen.push({ rows: catalog.count(), cursor: cursorDone() });
      return result;
    },
    mainWaiting,
  );
  return seen;
}

it('with main quiet, stores the commit in full transactions and the cursor with the last', () => {
  const seen = commitWatched(records(2 * ROWS_PER_TRANSACTION + 7), () => false);
  expect(seen).toEqual([
    { rows: ROWS_PER_TRANSACTION, cursor: null },
    { rows: 2 * ROWS_PER_TRANSACTION, cursor: null },
    { rows: 2 * ROWS_PER_TRANSACTION + 7, cursor: 2 * ROWS_PER_TRANSACTION + 7 },
  ]);
});

it('ends a transaction after the row in progress while main waits for the gate, and never writes the cursor early', () => {
  // Main asks for the gate twice, each time while the 3rd row of a transaction is being stored.
  let row = 0;
  const seen = commitWatched(records(ROWS_PER_TRANSACTION + 10), () => ++row === 3 || row === 8);
  expect(seen.map((s) => s.rows)).toEqual([3, 8, ROWS_PER_TRANSACTION + 8, ROWS_PER_TRANSACTION + 10]);
  expect(seen.map((s) => s.cursor)).toEqual([null, null, null, ROWS_PER_TRANSACTION + 10]);
});

it('an empty last page still stores its cursor', () => {
  expect(commitWatched([], () => true)).toEqual([{ rows: 0, cursor: 0 }]);
});
