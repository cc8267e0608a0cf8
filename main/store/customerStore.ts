/**
 * The offline customer cache: customers DealPOS returned to live lookups, found again by member
 * code, mobile number or email while DealPOS is unreachable. DealPOS stays the truth whenever it
 * answers; this only remembers what it last said.
 */
import type Database from 'better-sqlite3';
import type { CustomerLookupBy } from '../../shared/contract/customer';
import { mobileKeyOf } from '../../shared/customer/mobileKey';
import type { SaleCustomer } from '../../shared/sale/sale';
import { toStoreError } from './storeError';

export interface CachedCustomer {
  readonly customer: SaleCustomer;
  /** ISO 8601 with offset: when DealPOS last answered with these details. */
  readonly seenAt: string;
}

interface CustomerRow {
  id: string;
  code: string;
  name: string;
  email: string | null;
  mobile: string | null;
  customer_group: string | null;
  loyalty_points: number;
  seen_at: string;
}

const COLUMNS = 'id, code, name, email, mobile, customer_group, loyalty_points, seen_at';
// Two rows can share a key (a customer deleted and re-created, a number moved to someone else): the
// one DealPOS answered with most recently wins, as it is the likeliest still to be true.
const NEWEST = 'ORDER BY seen_at_ms DESC, id LIMIT 1';

const codeKeyOf = (code: string): string => code.trim().toLowerCase();
const emailKeyOf = (email: string): string => email.trim().toLowerCase();

function toCached(row: CustomerRow): CachedCustomer {
  return {
    customer: {
      id: row.id,
      code: row.code,
      name: row.name,
      email: row.email,
      mobile: row.mobile,
      group: row.customer_group,
      loyaltyPoints: row.loyalty_points,
    },
    seenAt: row.seen_at,
  };
}

export class CustomerStore {
  private readonly upsertStmt: Database.Statement<unknown[]>;
  private readonly finders: Record<CustomerLookupBy, Database.Statement<[string], CustomerRow>>;

  constructor(readonly db: Database.Database) {
    this.upsertStmt = db.prepare(
      `INSERT INTO customer(id, code, code_key, name, email, email_key, mobile, mobile_key, customer_group, loyalty_points, seen_at, seen_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET code = excluded.code, code_key = excluded.code_key, name = excluded.name,
         email = excluded.email, email_key = excluded.email_key, mobile = excluded.mobile, mobile_key = excluded.mobile_key,
         customer_group = excluded.customer_group, loyalty_points = excluded.loyalty_points,
         seen_at = excluded.seen_at, seen_at_ms = excluded.seen_at_ms`,
    );
    this.finders = {
      code: db.prepare(`SELECT ${COLUMNS} FROM customer WHERE code_key = ? ${NEWEST}`),
      mobile: db.prepare(`SELECT ${COLUMNS} FROM customer WHERE mobile_key = ? ${NEWEST}`),
      email: db.prepare(`SELECT ${COLUMNS} FROM customer WHERE email_key = ? ${NEWEST}`),
    };
  }

  /**
   * Remembers what DealPOS just answered for a customer (replacing what it said before).
   * `seenAtMs` must be the same instant as `seenAt`.
   */
  upsert(customer: SaleCustomer & { readonly id: string }, seenAt: string, seenAtMs: number): void {
    try {
      this.upsertStmt.run(
        customer.id,
        customer.code,
        codeKeyOf(customer.code),
        customer.name,
        customer.email,
        customer.email === null ? null : emailKeyOf(customer.email),
        customer.mobile,
        customer.mobile === null ? null : mobileKeyOf(customer.mobile),
        customer.group,
        customer.loyaltyPoints,
        seenAt,
        seenAtMs,
      );
    } catch (error) {
      throw toStoreError(error, 'remembering a customer for offline use');
    }
  }

  /** The cached customer matching `value` the way DealPOS would (see the key columns), or null. */
  find(by: CustomerLookupBy, value: string): CachedCustomer | null {
    const key = by === 'code' ? codeKeyOf(value) : by === 'email' ? emailKeyOf(value) : mobileKeyOf(value);
    if (key === null || key === '') return null;
    const row = this.finders[by].get(key);
    return row ? toCached(row) : null;
  }
}
