import type { Migration } from './migration';

/**
 * Sales-order tracking numbers waiting for DealPOS (issue 14): one row per record the manager made,
 * written before anything is sent, so a record made offline (or before a crash) is sent later,
 * oldest first. Empty fields are stored as NULL: DealPOS leaves those values unchanged.
 *
 * States: pending → sending → sent | rejected; sending → pending after a transient failure (and at
 * start, for a row a crash left in flight: re-sending the same values is harmless).
 */
export const salesOrderReferencesMigration: Migration = {
  version: 9,
  name: 'sales-order tracking numbers queue',
  up(db) {
    db.exec(`
      CREATE TABLE sales_order_reference (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        outlet TEXT NOT NULL,
        number TEXT NOT NULL,
        reference_number TEXT,
        logistic_service_code TEXT,
        note TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'rejected')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        problem TEXT,
        role TEXT,
        last_error TEXT,
        last_error_code TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        sent_at INTEGER,
        CHECK (reference_number IS NOT NULL OR logistic_service_code IS NOT NULL OR note IS NOT NULL)
      );
      CREATE INDEX sales_order_reference_due ON sales_order_reference (state, next_attempt_at, id);
    `);
  },
};
