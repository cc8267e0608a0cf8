import type { Migration } from './migration';

/**
 * Customers DealPOS returned to a live lookup, so a known customer can still be attached to a sale
 * while DealPOS is unreachable. One row per DealPOS customer id. The `*_key` columns are the forms
 * lookups compare: code and email lower-cased (email trimmed), mobile digits-only with +62/62 read
 * as 0 (`mobileKeyOf`). `seen_at` is when DealPOS last answered with this row (ISO 8601 with
 * offset, shown to the cashier); `seen_at_ms` orders duplicates, newest first.
 */
export const customersMigration: Migration = {
  version: 3,
  name: 'customers: cache of customers seen in live lookups',
  up(db) {
    db.exec(`
      CREATE TABLE customer (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        code_key TEXT NOT NULL,
        name TEXT NOT NULL,
        email TEXT,
        email_key TEXT,
        mobile TEXT,
        mobile_key TEXT,
        customer_group TEXT,
        loyalty_points INTEGER NOT NULL CHECK (loyalty_points >= 0),
        seen_at TEXT NOT NULL,
        seen_at_ms INTEGER NOT NULL
      );
      CREATE INDEX customer_code ON customer(code_key, seen_at_ms);
      CREATE INDEX customer_mobile ON customer(mobile_key, seen_at_ms) WHERE mobile_key IS NOT NULL;
      CREATE INDEX customer_email ON customer(email_key, seen_at_ms) WHERE email_key IS NOT NULL;
    `);
  },
};
