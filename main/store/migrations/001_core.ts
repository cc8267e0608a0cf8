import type { Migration } from './migration';

/**
 * Catalog cache (+ FTS5 search), outlet prices, settings/state key-value rows. Migration 012 moves
 * the catalog tables to their own file (catalogDatabase.ts), whose first migration is this one.
 * `variant.id` is a local integer key so the external-content FTS table can point at it; the
 * DealPOS code is unique. `code_key` is `lookupKeyOf(code)` (shared/catalog/barcode.ts).
 */
export const coreMigration: Migration = {
  version: 1,
  name: 'core: catalog cache, outlet prices, key-value state',
  up(db) {
    db.exec(`
      CREATE TABLE variant (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        code_key TEXT NOT NULL,
        dealpos_id TEXT,
        name TEXT NOT NULL,
        product TEXT NOT NULL,
        unit_price INTEGER NOT NULL,
        discontinued INTEGER NOT NULL DEFAULT 0 CHECK (discontinued IN (0, 1)),
        updated_at TEXT NOT NULL,
        sync_generation INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX variant_code_key ON variant(code_key);

      CREATE TABLE outlet_price (
        variant_id INTEGER NOT NULL REFERENCES variant(id) ON DELETE CASCADE,
        outlet TEXT NOT NULL,
        price INTEGER NOT NULL,
        PRIMARY KEY (variant_id, outlet)
      ) WITHOUT ROWID;

      -- A refreshed variant brings its full outlet price list again: drop the old one on update
      -- (a fresh insert has none, so the common first-sync path never pays for this).
      CREATE TRIGGER variant_outlet_price_reset AFTER UPDATE ON variant BEGIN
        DELETE FROM outlet_price WHERE variant_id = new.id;
      END;

      CREATE VIRTUAL TABLE variant_fts USING fts5(
        name, code, product,
        content = 'variant', content_rowid = 'id',
        tokenize = "unicode61 remove_diacritics 2 tokenchars '-_./'",
        prefix = '2 3'
      );
      CREATE TRIGGER variant_fts_insert AFTER INSERT ON variant BEGIN
        INSERT INTO variant_fts(rowid, name, code, product) VALUES (new.id, new.name, new.code, new.product);
      END;
      CREATE TRIGGER variant_fts_delete AFTER DELETE ON variant BEGIN
        INSERT INTO variant_fts(variant_fts, rowid, name, code, product) VALUES ('delete', old.id, old.name, old.code, old.product);
      END;
      -- Only reindex when searchable text changed: a price-only refresh must not churn the index.
      CREATE TRIGGER variant_fts_update AFTER UPDATE OF name, code, product ON variant
      WHEN old.name IS NOT new.name OR old.code IS NOT new.code OR old.product IS NOT new.product BEGIN
        INSERT INTO variant_fts(variant_fts, rowid, name, code, product) VALUES ('delete', old.id, old.name, old.code, old.product);
        INSERT INTO variant_fts(rowid, name, code, product) VALUES (new.id, new.name, new.code, new.product);
      END;

      CREATE TABLE app_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
