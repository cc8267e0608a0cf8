import type { Migration } from './migration';

/**
 * Completed sales and their invoice outbox (issue 5).
 * - `sale` keeps what the cashier completed (the draft and main's recomputed totals), never edited.
 * - `outbox` is one row per sale: the invoice payload exactly as it will be sent (manager edits
 *   change this, not the sale), its state and retry bookkeeping. `seq` orders it oldest first.
 *   `maybe_sent` = a request carrying it may have reached DealPOS without us hearing the answer;
 *   such a row is looked up with Invoice/IDByNumber before it is ever sent again.
 * - `register_identity` holds this installation's random register code (one row, drawn at the first
 *   sale); `invoice_sequence` is its number counter, bumped in the sale's own transaction.
 * - `outbox_edit` keeps every manager edit (before/after) for the audit trail.
 * Times are epoch milliseconds (UTC); `sale.completed_at` is the ISO string shown to people.
 */
export const outboxMigration: Migration = {
  version: 2,
  name: 'outbox: completed sales, invoice outbox, per-register invoice sequence',
  up(db) {
    db.exec(`
      CREATE TABLE sale (
        local_id TEXT PRIMARY KEY,
        invoice_number TEXT NOT NULL UNIQUE,
        completed_at TEXT NOT NULL,
        completed_at_ms INTEGER NOT NULL,
        total INTEGER NOT NULL,
        draft_json TEXT NOT NULL,
        totals_json TEXT NOT NULL
      );

      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        local_id TEXT NOT NULL UNIQUE REFERENCES sale(local_id),
        invoice_number TEXT NOT NULL UNIQUE,
        outlet TEXT NOT NULL,
        payload_json TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'synced', 'rejected', 'voided')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        maybe_sent INTEGER NOT NULL DEFAULT 0 CHECK (maybe_sent IN (0, 1)),
        last_error TEXT,
        last_error_code TEXT,
        server_id TEXT,
        edited INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
        void_reason TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        synced_at INTEGER,
        CHECK (state <> 'synced' OR server_id IS NOT NULL),
        CHECK (state <> 'voided' OR void_reason IS NOT NULL)
      );
      CREATE INDEX outbox_due ON outbox(state, next_attempt_at, seq);
      CREATE INDEX outbox_synced ON outbox(synced_at) WHERE synced_at IS NOT NULL;

      CREATE TABLE register_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        register_code TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE invoice_sequence (
        register_code TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        seq INTEGER NOT NULL
      );

      CREATE TABLE outbox_edit (
        id INTEGER PRIMARY KEY,
        local_id TEXT NOT NULL REFERENCES outbox(local_id),
        at INTEGER NOT NULL,
        before_json TEXT NOT NULL,
        after_json TEXT NOT NULL,
        patch_json TEXT NOT NULL
      );
    `);
  },
};
