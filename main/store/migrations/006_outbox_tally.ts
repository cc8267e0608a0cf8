import type { Migration } from './migration';

/**
 * The queue's counts cost the same at 20 and at 20,000 waiting invoices (issue 20): every sale
 * refreshes them, and counting the pending rows grew with a week's backlog.
 * - `outbox_tally` (one row) holds how many rows wait (pending or sending) and how many were
 *   rejected. Triggers keep it in the same transaction as every insert, state change and delete,
 *   so it can never drift from the rows; it is filled from the rows once, here.
 * - `outbox_age` lets the oldest waiting row be found by an index seek per state instead of a scan.
 * - `sale_completed` does the same for the newest sale, which the checkout shows after a restart
 *   (`sale.current`): it sorted the whole table on every call.
 */
export const outboxTallyMigration: Migration = {
  version: 6,
  name: 'outbox: counts kept by triggers, oldest waiting row and newest sale by index',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_tally (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        waiting INTEGER NOT NULL CHECK (waiting >= 0),
        rejected INTEGER NOT NULL CHECK (rejected >= 0)
      );
      INSERT INTO outbox_tally (id, waiting, rejected) VALUES (
        1,
        (SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')),
        (SELECT COUNT(*) FROM outbox WHERE state = 'rejected')
      );

      CREATE TRIGGER outbox_tally_insert AFTER INSERT ON outbox BEGIN
        UPDATE outbox_tally SET
          waiting = waiting + (NEW.state IN ('pending', 'sending')),
          rejected = rejected + (NEW.state = 'rejected')
        WHERE id = 1;
      END;
      CREATE TRIGGER outbox_tally_state AFTER UPDATE OF state ON outbox WHEN OLD.state <> NEW.state BEGIN
        UPDATE outbox_tally SET
          waiting = waiting - (OLD.state IN ('pending', 'sending')) + (NEW.state IN ('pending', 'sending')),
          rejected = rejected - (OLD.state = 'rejected') + (NEW.state = 'rejected')
        WHERE id = 1;
      END;
      CREATE TRIGGER outbox_tally_delete AFTER DELETE ON outbox BEGIN
        UPDATE outbox_tally SET
          waiting = waiting - (OLD.state IN ('pending', 'sending')),
          rejected = rejected - (OLD.state = 'rejected')
        WHERE id = 1;
      END;

      CREATE INDEX outbox_age ON outbox(state, created_at);
      CREATE INDEX sale_completed ON sale(completed_at_ms);
    `);
  },
};
