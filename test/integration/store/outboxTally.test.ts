/**
 * The queue's counts are kept by triggers (migration 006) so that reading them costs the same at
 * 20 and at 20,000 waiting invoices (issue 20). They must never drift from the rows: after every
 * kind of change the outbox sees — a sale, a send, a sync, a rejection, a retry, a void, a crash
 * recovery, retention — they equal a real count. A database that already had a backlog when it
 * was migrated starts with the right figures.
 */
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SaleService } from '../../../main/sale/saleService';
import { openDatabase } from '../../../main/store/database';
import { MIGRATIONS } from '../../../main/store/migrations';
import { OutboxStore } from '../../../main/store/outboxStore';
import { paidSale, SETTINGS, tempDatabase } from '../../unit/outbox/fixtures';

const T0 = Date.UTC(2026, 11, 1, 3, 0, 0);
let db: ReturnType<typeof tempDatabase>;

beforeEach(() => {
  db = tempDatabase();
});
afterEach(() => db.cleanup());

function realCounts(opened = db.opened): { pending: number; needsAttention: number; oldestPendingAt: number | null } {
  return opened.db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')) AS pending,
              (SELECT COUNT(*) FROM outbox WHERE state = 'rejected') AS needsAttention,
              (SELECT MIN(created_at) FROM outbox WHERE state IN ('pending', 'sending')) AS oldestPendingAt`,
    )
    .get() as { pending: number; needsAttention: number; oldestPendingAt: number | null };
}

it('equals a real count after sales, sends, syncs, rejections, retries, voids, crash recovery and retention', () => {
  let now = T0;
  const store = new OutboxStore(db.opened.db);
  const sales = new SaleService({ store, settings: () => SETTINGS, now: () => now, offsetMinutes: () => 420 });
  const check = (): void => {
    const { pending, needsAttention, oldestPendingAt } = store.stats();
    expect({ pending, needsAttention, oldestPendingAt }).toEqual(realCounts());
  };
  const ids = Array.from({ length: 12 }, () => {
    now += 1_000;
    return sales.complete(paidSale()).localId;
  });
  check();
  expect(store.stats().pending).toBe(12);
  const [a, b, c, d, e, f] = ids as [string, string, string, string, string, string];
  store.markSending([a, b, c, d], now);
  check();
  store.markSynced(a, 'srv-a', now);
  store.markRejected(b, 'Variant not found', 'validation', now);
  store.markFailed([{ localId: c, maybeSent: true, nextAttemptAt: now }], { code: 'network', message: 'reset' }, now);
  check();
  expect(store.stats()).toMatchObject({ pending: 10, needsAttention: 1 });
  // The oldest waiting sale went: the age is now the next one's.
  expect(store.stats().oldestPendingAt).toBe(T0 + 2_000 + 1_000);
  store.retry(b, now);
  check();
  store.markRejected(b, 'Variant not found', 'validation', now);
  store.void(b, 'Customer took the goods back', 'Bu Sari', now);
  check();
  store.markSending([e, f], now);
  expect(store.recoverInterrupted(now)).toBe(3);
  check();
  for (const id of ids.slice(2)) store.markSynced(id, `srv-${id}`, now);
  check();
  expect(store.stats()).toMatchObject({ pending: 0, needsAttention: 0, oldestPendingAt: null });
  expect(store.pruneSynced(now + 1, 100)).toBeGreaterThan(0);
  check();
  expect(realCounts().pending).toBe(0);
});

it('starts from the rows when a database with a backlog is migrated', () => {
  const file = path.join(db.dir, 'before-006.db');
  const old = openDatabase({ file, migrations: MIGRATIONS.filter((m) => m.version < 6) });
  // Rows as version 5 wrote them (OutboxStore itself needs the tally, so plain SQL here).
  const sale = old.db.prepare(
    `INSERT INTO sale (local_id, invoice_number, completed_at, completed_at_ms, total, draft_json, totals_json) VALUES (?, ?, '', 0, 0, '{}', '{}')`,
  );
  const row = old.db.prepare(
    `INSERT INTO outbox (local_id, invoice_number, outlet, payload_json, state, next_attempt_at, created_at, updated_at, void_reason)
     VALUES (?, ?, 'Outlet1', '{}', ?, 0, ?, 0, ?)`,
  );
  ['pending', 'sending', 'pending', 'rejected', 'voided'].forEach((state, i) => {
    sale.run(`l${i}`, `n${i}`);
    row.run(`l${i}`, `n${i}`, state, T0 + i, state === 'voided' ? 'duplicate' : null);
  });
  old.close();

  const migrated = openDatabase({ file });
  try {
    expect(new OutboxStore(migrated.db).stats()).toMatchObject({ pending: 3, needsAttention: 1, oldestPendingAt: T0 });
    expect(realCounts(migrated)).toMatchObject({ pending: 3, needsAttention: 1 });
  } finally {
    migrated.close();
  }
});
