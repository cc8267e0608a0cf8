import type { Migration } from './migration';

/**
 * Held sales and returns (issue 16).
 * - `held_sale`: parked sales, several per register. `body_json` is the draft exactly as
 *   `sale_draft` held it (read back through main/sale/draft.ts's schema), so resuming restores the
 *   quoted prices, customer, discounts and approvals. Total and line count are kept beside it for
 *   the list. Rows are removed only by resuming; old ones are flagged, never dropped.
 * - `sale_return`: a return is recorded as a `sale` row (its receipt, print jobs and outbox entry
 *   work as for any sale); this row says which invoice it returns and how many of each original
 *   line (`lines_json`: [{line, quantity}]), so later returns never take back more than was sold.
 *   No foreign key to `sale`: retention removes old synced sales, and the counts must outlive them.
 * - `outbox.after_local_id`: an entry that must not be sent before another one (a return before its
 *   original, when the original is still queued offline).
 */
export const heldSalesAndReturnsMigration: Migration = {
  version: 11,
  name: 'held sales and returns',
  up(db) {
    db.exec(`
      CREATE TABLE held_sale (
        id TEXT PRIMARY KEY,
        body_json TEXT NOT NULL,
        note TEXT NOT NULL,
        cashier TEXT,
        total INTEGER NOT NULL,
        line_count INTEGER NOT NULL,
        held_at_ms INTEGER NOT NULL
      );
      CREATE INDEX held_sale_time ON held_sale(held_at_ms);

      CREATE TABLE sale_return (
        local_id TEXT PRIMARY KEY,
        original_number TEXT NOT NULL,
        original_outlet TEXT NOT NULL,
        lines_json TEXT NOT NULL
      );
      CREATE INDEX sale_return_original ON sale_return(original_outlet, original_number);

      ALTER TABLE outbox ADD COLUMN after_local_id TEXT;
    `);
  },
};
