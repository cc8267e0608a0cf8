import type { Migration } from './migration';

/**
 * Cashier shifts (issue 15).
 * - `shift`: one row per shift. At most one open shift per register (partial unique index). The
 *   close writes the counted drawer and the Z report (`z_json`, numbered by `z_number`) once; a
 *   trigger refuses any later change to them, so a Z report is immutable.
 * - `shift_sale`: which sales belong to which shift, written in the sale's own transaction.
 * - `shift_movement`: cash in, cash out and no-sale drawer openings, with their reason.
 * - `shift_sync`: the shift's open and close on their way to DealPOS, part of the invoice outbox:
 *   `after_seq` is the outbox `seq` of the newest invoice recorded before the event, so the worker
 *   keeps them in order with the invoices (see main/sync/shiftSync.ts). States and `maybe_sent`
 *   mean what they mean for invoices.
 */
export const shiftsMigration: Migration = {
  version: 10,
  name: 'cashier shifts: shifts, their sales and cash movements, Z reports, open/close in the outbox',
  up(db) {
    db.exec(`
      CREATE TABLE shift (
        id TEXT PRIMARY KEY,
        register TEXT NOT NULL,
        outlet TEXT,
        cashier TEXT NOT NULL,
        opening_float INTEGER NOT NULL CHECK (opening_float >= 0),
        opened_at_ms INTEGER NOT NULL,
        opened_at TEXT NOT NULL,
        closed_at_ms INTEGER,
        z_number INTEGER UNIQUE,
        z_json TEXT,
        CHECK ((closed_at_ms IS NULL) = (z_number IS NULL) AND (z_number IS NULL) = (z_json IS NULL))
      );
      CREATE UNIQUE INDEX shift_one_open ON shift(register) WHERE closed_at_ms IS NULL;
      CREATE INDEX shift_opened ON shift(opened_at_ms);
      CREATE TRIGGER shift_z_immutable BEFORE UPDATE ON shift WHEN OLD.closed_at_ms IS NOT NULL BEGIN
        SELECT RAISE(ABORT, 'A closed shift and its Z report cannot be changed');
      END;

      CREATE TABLE shift_sale (
        local_id TEXT PRIMARY KEY,
        shift_id TEXT NOT NULL REFERENCES shift(id)
      );
      CREATE INDEX shift_sale_shift ON shift_sale(shift_id);

      CREATE TABLE shift_movement (
        id TEXT PRIMARY KEY,
        shift_id TEXT NOT NULL REFERENCES shift(id),
        kind TEXT NOT NULL CHECK (kind IN ('cash_in', 'cash_out', 'no_sale')),
        amount INTEGER NOT NULL CHECK (amount >= 0),
        reason TEXT NOT NULL,
        approved_by TEXT,
        at_ms INTEGER NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX shift_movement_shift ON shift_movement(shift_id, at_ms);

      CREATE TABLE shift_sync (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        shift_id TEXT NOT NULL REFERENCES shift(id),
        kind TEXT NOT NULL CHECK (kind IN ('open', 'close')),
        after_seq INTEGER NOT NULL,
        body_json TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'synced', 'rejected')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        maybe_sent INTEGER NOT NULL DEFAULT 0 CHECK (maybe_sent IN (0, 1)),
        last_error TEXT,
        answer_json TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (shift_id, kind)
      );
      CREATE INDEX shift_sync_waiting ON shift_sync(state, id);
    `);
  },
};
