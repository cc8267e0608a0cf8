import type { Migration } from './migration';

/**
 * Voiding an invoice from the Queue needs a manager's approval (issue 12): `outbox.voided_by` keeps
 * the approving manager's name next to the void reason. Null for rows voided before this version.
 */
export const voidedByMigration: Migration = {
  version: 5,
  name: 'outbox: the manager who approved a void',
  up(db) {
    db.exec('ALTER TABLE outbox ADD COLUMN voided_by TEXT');
  },
};
