/**
 * The catalog cache's own file beside the app database: `dealpos-counter.catalog.db` next to
 * `dealpos-counter.db` (`demo.catalog.db` for the demo store). It holds the variants, their outlet
 * prices and FTS index, and the catalog sync's cursor, which must commit with the rows it counts.
 *
 * Why a file of its own (issue 19): a catalog sync writes hundreds of thousands of rows. In the
 * app's file those writes shared one write lock and one WAL with the cashier's sales, so a scan's
 * draft waited for the sync's transactions and its fsyncs. Here they share nothing: main reads the
 * catalog while the bulk writer thread writes it, and a sale never waits for a catalog commit. The
 * catalog can always be fetched again, so the file commits with relaxed durability.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logging/logger';
import { CATALOG_MIGRATIONS } from './catalogMigrations';
import { openDatabase, type OpenedDatabase } from './database';

/** The catalog sync's cursor in the catalog file's `app_state`. */
export const CATALOG_CURSOR_KEY = 'catalogSync';

/** The catalog file that goes with an app database file. */
export function catalogFileOf(appFile: string): string {
  const ext = path.extname(appFile);
  return path.join(path.dirname(appFile), `${path.basename(appFile, ext)}.catalog${ext}`);
}

export interface OpenCatalogOptions {
  /** The app database file this catalog belongs to. */
  readonly appFile: string;
  readonly logger?: Logger;
  readonly now?: () => Date;
}

export function openCatalogDatabase(options: OpenCatalogOptions): OpenedDatabase {
  return openDatabase({
    file: catalogFileOf(options.appFile),
    contents: 'catalog',
    migrations: CATALOG_MIGRATIONS,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}

/**
 * Deletes the catalog file of `appFile` (WAL first), so another store's catalog starts from nothing:
 * instant, where deleting 200,000 rows with their FTS entries held main for over a second. No
 * connection may be open on it.
 */
export function discardCatalogFile(appFile: string): void {
  const file = catalogFileOf(appFile);
  for (const suffix of ['-wal', '-shm', '']) fs.rmSync(file + suffix, { force: true });
}
