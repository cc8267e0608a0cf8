/**
 * All SQL of the sales-order tracking-number queue. A record is written before anything is sent;
 * each state change is one conditional UPDATE, so a record is claimed by one send at a time.
 */
import type Database from 'better-sqlite3';
import type { ReferenceProblem, ReferenceRecord, ReferenceState } from '../../shared/contract/salesOrder';
import { toStoreError } from './storeError';

interface ReferenceRow {
  id: number;
  outlet: string;
  number: string;
  reference_number: string | null;
  logistic_service_code: string | null;
  note: string | null;
  state: ReferenceState;
  attempts: number;
  next_attempt_at: number;
  problem: ReferenceProblem | null;
  role: string | null;
  last_error: string | null;
  last_error_code: string | null;
  created_at: number;
  sent_at: number | null;
}

export interface NewReference {
  readonly outlet: string;
  readonly number: string;
  /** Null leaves DealPOS's stored value unchanged. */
  readonly referenceNumber: string | null;
  readonly logisticServiceCode: string | null;
  readonly note: string | null;
}

const toRecord = (row: ReferenceRow): ReferenceRecord => ({
  id: row.id,
  outlet: row.outlet,
  number: row.number,
  referenceNumber: row.reference_number,
  logisticServiceCode: row.logistic_service_code,
  note: row.note,
  state: row.state,
  attempts: row.attempts,
  problem: row.problem,
  role: row.role,
  lastError: row.last_error,
  lastErrorCode: row.last_error_code,
  createdAt: new Date(row.created_at).toISOString(),
  sentAt: row.sent_at === null ? null : new Date(row.sent_at).toISOString(),
});

export class SalesOrderReferenceStore {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      insert: db.prepare<[string, string, string | null, string | null, string | null, number, number, number]>(
        `INSERT INTO sales_order_reference (outlet, number, reference_number, logistic_service_code, note, state, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
      ),
      get: db.prepare<[number], ReferenceRow>('SELECT * FROM sales_order_reference WHERE id = ?'),
      // Oldest first: two records for the same order must reach DealPOS in the order they were made.
      due: db.prepare<[number], ReferenceRow>(
        `SELECT * FROM sales_order_reference WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT 1`,
      ),
      nextDue: db.prepare<[], { at: number | null }>(`SELECT MIN(next_attempt_at) AS at FROM sales_order_reference WHERE state = 'pending'`),
      claim: db.prepare<[number, number]>(
        `UPDATE sales_order_reference SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'pending'`,
      ),
      sent: db.prepare<[number, number, number]>(
        `UPDATE sales_order_reference SET state = 'sent', sent_at = ?, last_error = NULL, last_error_code = NULL, problem = NULL, role = NULL, updated_at = ?
         WHERE id = ? AND state = 'sending'`,
      ),
      rejected: db.prepare<[ReferenceProblem, string | null, string, string, number, number]>(
        `UPDATE sales_order_reference SET state = 'rejected', problem = ?, role = ?, last_error = ?, last_error_code = ?, updated_at = ?
         WHERE id = ? AND state = 'sending'`,
      ),
      failed: db.prepare<[string, string, number, number, number]>(
        `UPDATE sales_order_reference SET state = 'pending', last_error = ?, last_error_code = ?, next_attempt_at = ?, updated_at = ?
         WHERE id = ? AND state = 'sending'`,
      ),
      // A record a crash left in flight is sent again: the same values twice change nothing more (assumptions.ts).
      recover: db.prepare<[number]>(`UPDATE sales_order_reference SET state = 'pending', updated_at = ? WHERE state = 'sending'`),
      recent: db.prepare<[number], ReferenceRow>('SELECT * FROM sales_order_reference ORDER BY id DESC LIMIT ?'),
      waiting: db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM sales_order_reference WHERE state IN ('pending', 'sending')`),
    };
  }

  private run<T>(what: string, action: () => T): T {
    try {
      return action();
    } catch (error) {
      throw toStoreError(error, what);
    }
  }

  add(record: NewReference, nowMs: number): ReferenceRecord {
    return this.run('queueing a tracking number', () => {
      const { lastInsertRowid } = this.stmt.insert.run(
        record.outlet,
        record.number,
        record.referenceNumber,
        record.logisticServiceCode,
        record.note,
        nowMs,
        nowMs,
        nowMs,
      );
      return this.getOrThrow(Number(lastInsertRowid));
    });
  }

  get(id: number): ReferenceRecord | null {
    const row = this.run('reading a tracking number', () => this.stmt.get.get(id));
    return row ? toRecord(row) : null;
  }

  private getOrThrow(id: number): ReferenceRecord {
    const record = this.get(id);
    if (!record) throw new Error(`sales_order_reference ${id} vanished`);
    return record;
  }

  /** The oldest record due now, claimed (state `sending`), or null. */
  claimDue(nowMs: number): ReferenceRecord | null {
    return this.run('claiming a tracking number', () => {
      const row = this.stmt.due.get(nowMs);
      if (!row) return null;
      return this.stmt.claim.run(nowMs, row.id).changes === 1 ? this.getOrThrow(row.id) : null;
    });
  }

  nextDueAt(): number | null {
    return this.run('reading the tracking-number queue', () => this.stmt.nextDue.get()?.at ?? null);
  }

  markSent(id: number, nowMs: number): ReferenceRecord {
    return this.run('marking a tracking number sent', () => {
      this.stmt.sent.run(nowMs, nowMs, id);
      return this.getOrThrow(id);
    });
  }

  markRejected(id: number, refusal: { problem: ReferenceProblem; role: string | null; message: string; code: string }, nowMs: number): ReferenceRecord {
    return this.run('marking a tracking number refused', () => {
      this.stmt.rejected.run(refusal.problem, refusal.role, refusal.message, refusal.code, nowMs, id);
      return this.getOrThrow(id);
    });
  }

  markFailed(id: number, failure: { message: string; code: string }, nextAttemptAt: number, nowMs: number): ReferenceRecord {
    return this.run('keeping a tracking number for later', () => {
      this.stmt.failed.run(failure.message, failure.code, nextAttemptAt, nowMs, id);
      return this.getOrThrow(id);
    });
  }

  recoverInterrupted(nowMs: number): number {
    return this.run('recovering tracking numbers', () => this.stmt.recover.run(nowMs).changes);
  }

  recent(limit: number): ReferenceRecord[] {
    return this.run('listing tracking numbers', () => this.stmt.recent.all(limit).map(toRecord));
  }

  waitingCount(): number {
    return this.run('counting tracking numbers', () => this.stmt.waiting.get()?.n ?? 0);
  }
}
