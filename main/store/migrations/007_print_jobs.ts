import type { Migration } from './migration';

/**
 * The print queue (issue 17). A job names the sale it prints (the bytes are rebuilt from the stored
 * sale, so a job is small and always matches the receipt model); `drawer` says whether it also
 * opens the cash drawer. No foreign key to `sale`: retention removes synced sales after 90 days and
 * must not be blocked by an old job.
 *
 * States: pending → printing → printed | failed; failed → pending only by the cashier's retry.
 */
export const printJobsMigration: Migration = {
  version: 7,
  name: 'print queue',
  up(db) {
    db.exec(`
      CREATE TABLE print_job (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('receipt', 'drawer')),
        local_id TEXT NOT NULL,
        invoice_number TEXT NOT NULL,
        drawer INTEGER NOT NULL DEFAULT 0 CHECK (drawer IN (0, 1)),
        state TEXT NOT NULL CHECK (state IN ('pending', 'printing', 'printed', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        last_error_code TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX print_job_state ON print_job (state, id);
    `);
  },
};
