import type Database from 'better-sqlite3';
import type { Logger } from '../../logging/logger';
import { catalogFileOf, openCatalogDatabase } from '../catalogDatabase';
import type { Migration } from './migration';

/**
 * The catalog sync's cursor key in `app_state`, which moves with the rows. Spelt out rather than
 * imported (CATALOG_CURSOR_KEY, catalogDatabase.ts): what this step did must not change later.
 */
const CURSOR_KEY = 'catalogSync';
const VARIANT_COLUMNS = 'id, code, code_key, dealpos_id, name, product, unit_price, discontinued, updated_at, sync_generation';

/**
 * Copies the catalog this file holds, with its sync cursor, into the catalog file, replacing what
 * that holds (a step interrupted after this copy copies again). A store upgrading offline keeps
 * selling from its cache. When the copy fails, the catalog is fetched again from DealPOS: the log
 * says so, and the upgrade goes on, because nothing in the catalog is the store's only copy.
 */
function carryCatalogOver(db: Database.Database, logger: Logger | undefined): void {
  if (db.memory) return;
  const rows = (db.prepare('SELECT COUNT(*) AS n FROM variant').get() as { n: number }).n;
  if (rows === 0) return;
  try {
    const catalog = openCatalogDatabase({ appFile: db.name, ...(logger ? { logger } : {}) });
    try {
      // main's migration transaction has written nothing yet, so this reads the file as committed.
      catalog.db.prepare('ATTACH ? AS legacy').run(db.name);
      catalog.db.transaction(() => {
        catalog.db.exec(`
          DELETE FROM main.variant;
          INSERT INTO main.variant(${VARIANT_COLUMNS}) SELECT ${VARIANT_COLUMNS} FROM legacy.variant;
          INSERT INTO main.outlet_price(variant_id, outlet, price) SELECT variant_id, outlet, price FROM legacy.outlet_price;
          DELETE FROM main.app_state WHERE key = '${CURSOR_KEY}';
          INSERT INTO main.app_state(key, value, updated_at) SELECT key, value, updated_at FROM legacy.app_state WHERE key = '${CURSOR_KEY}';
        `);
      })();
      catalog.db.exec('DETACH legacy');
    } finally {
      catalog.close();
    }
    logger?.info(`Moved ${rows} catalog variants to ${catalogFileOf(db.name)}`);
  } catch (error) {
    logger?.warn(`Could not move the catalog cache to ${catalogFileOf(db.name)}; it is fetched again from DealPOS`, error);
  }
}

/**
 * The catalog cache leaves this file for its own (main/store/catalogDatabase.ts), so the catalog
 * sync's writes never share a write lock, a WAL or an fsync with the cashier's sales (issue 19).
 * Its rows and cursor are carried over first; the freed pages go back to the disk after migrating.
 */
export const catalogOwnFileMigration: Migration = {
  version: 12,
  name: 'the catalog cache moves to its own file',
  up(db, { logger }) {
    carryCatalogOver(db, logger);
    // Dropping a table drops its triggers; the FTS table first, it reads `variant` for its content.
    db.exec(`
      DROP TABLE variant_fts;
      DROP TABLE outlet_price;
      DROP TABLE variant;
      DELETE FROM app_state WHERE key = '${CURSOR_KEY}';
    `);
  },
};
