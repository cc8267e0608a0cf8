import type { Migration } from './migration';

/**
 * The sale in progress lives in main (issue 12), so a restart, a crash or a reload of the screen
 * never loses the cart or lets the renderer decide what it is worth.
 * - `sale_draft` holds at most one open draft per database (the partial unique index): the cart as
 *   main priced it, as JSON read back through main/sale/draft.ts's schema. A completed draft's row
 *   is deleted in the same transaction that records its sale under the draft's id, so the sale's
 *   `local_id` is the idempotency key of `sale.complete`.
 * - `sale.approvals_json`: what managers approved on the sale (price overrides, discounts over the
 *   limits), for the receipt and the Queue.
 */
export const saleDraftsMigration: Migration = {
  version: 4,
  name: 'sale drafts: the sale in progress in main, approvals recorded with each sale',
  up(db) {
    db.exec(`
      CREATE TABLE sale_draft (
        id TEXT PRIMARY KEY,
        state TEXT NOT NULL CHECK (state = 'open'),
        body_json TEXT NOT NULL,
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX sale_draft_one_open ON sale_draft(state);
      ALTER TABLE sale ADD COLUMN approvals_json TEXT NOT NULL DEFAULT '[]';
    `);
  },
};
