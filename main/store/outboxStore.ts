/**
 * All SQL for completed sales and the invoice outbox. Every method is one short synchronous
 * transaction: nothing here ever waits on the network, so no transaction is held across a fetch.
 */
import type Database from 'better-sqlite3';
import type { QueueCounts, QueueEntry, QueuePage, QueueState, QueueView } from '../../shared/contract/queue';
import { applyInvoicePatch, InvoicePatchError, type InvoicePatch } from '../../shared/invoice/invoicePatch';
import { invoicePayloadSchema, type InvoicePayload } from '../../shared/invoice/invoicePayload';
import { formatInvoiceNumber, newRegisterCode, nextSequence } from '../../shared/invoice/invoiceNumber';
import { localTime } from '../../shared/invoice/localTime';
import { ServiceError } from '../../shared/errors';
import { saleDraftSchema, type SaleDraft } from '../../shared/sale/sale';
import type { RecordedSale, SaleApproval } from '../../shared/contract/sale';
import type { SaleSummary } from '../../shared/contract/receipts';
import { z } from 'zod';
import { saleApprovalSchema } from '../sale/draft';
import { readStoredTotals, type SaleTotals } from '../../shared/sale/totals';
import { mainWrite } from '../workers/writeGate';
import { toStoreError } from './storeError';

export interface NewSale {
  readonly localId: string;
  readonly completedAtMs: number;
  /** ISO 8601 with the register's offset. */
  readonly completedAt: string;
  /** The register's local day (yyMMdd) for the invoice number. */
  readonly day: string;
  /** Settings' invoice number prefix (may be empty). */
  readonly prefix: string;
  readonly draft: SaleDraft;
  readonly totals: SaleTotals;
  /** What managers approved on the sale (none by default). */
  readonly approvals?: readonly SaleApproval[];
  /** Builds the invoice body once the number is known (inside the transaction; must be pure). */
  readonly buildPayload: (invoiceNumber: string) => InvoicePayload;
  /** Runs inside the same transaction after the sale is written (the checkout closes its draft). */
  readonly alsoInTransaction?: () => void;
  /** Set when this is a return (issue 16): what it returns, and the original's entry it must be sent after. */
  readonly returnOf?: SaleReturnOf;
}

export interface SaleReturnOf {
  readonly number: string;
  readonly outlet: string;
  readonly lines: readonly { readonly line: number; readonly quantity: number }[];
  /** The original's outbox entry when this register sold it: the return waits while it is unsent. */
  readonly originalLocalId: string | null;
}

/** A sale of this register by its invoice number, with where its invoice stands. */
export interface RecordedByNumber {
  readonly recorded: RecordedSale;
  readonly state: QueueState | null;
}

/** One outbox row as the worker sees it. Times are epoch ms. */
export interface OutboxEntry {
  readonly localId: string;
  readonly invoiceNumber: string;
  readonly outlet: string;
  readonly state: QueueState;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly maybeSent: boolean;
  readonly lastError: string | null;
  readonly lastErrorCode: string | null;
  readonly serverId: string | null;
  readonly createdAt: number;
  readonly payload: InvoicePayload;
}

export interface OutboxStats extends QueueCounts {
  /** created_at (ms) of the oldest pending or sending entry. */
  readonly oldestPendingAt: number | null;
  readonly lastSyncedAt: number | null;
}

export interface FailedAttempt {
  readonly localId: string;
  /** Whether DealPOS may have this invoice now (then it is looked up by number before any resend). */
  readonly maybeSent: boolean;
  readonly nextAttemptAt: number;
  /**
   * A failed lookup (is it on DealPOS already?) is a try the cashier sees in the log, but it never
   * passed through markSending, which counts the sends; true adds it to `attempts`.
   */
  readonly uncountedTry?: boolean;
}

interface OutboxRow {
  seq: number;
  local_id: string;
  invoice_number: string;
  outlet: string;
  payload_json: string;
  state: QueueState;
  attempts: number;
  next_attempt_at: number;
  maybe_sent: number;
  last_error: string | null;
  last_error_code: string | null;
  server_id: string | null;
  edited: number;
  void_reason: string | null;
  voided_by: string | null;
  created_at: number;
  updated_at: number;
  synced_at: number | null;
}

interface ListRow extends OutboxRow {
  total: number;
  draft_json: string;
  approvals_json: string;
}

interface SummaryRow {
  local_id: string;
  invoice_number: string;
  completed_at: string;
  total: number;
  item_count: number;
  state: QueueState | null;
}

interface PageQuery {
  readonly count: Database.Statement<string[], { n: number }>;
  readonly rows: Database.Statement<Array<string | number>, ListRow>;
}

const VIEW_STATES: Readonly<Record<QueueView, readonly QueueState[]>> = {
  waiting: ['pending', 'sending'],
  synced: ['synced'],
  voided: ['voided'],
  all: ['pending', 'sending', 'rejected', 'synced', 'voided'],
};
/**
 * Invoices recorded after a shift's open or close that has not reached DealPOS wait behind it
 * (issue 15): DealPOS counts an invoice into the shift open on its register when it arrives.
 */
const HELD_AFTER = `(SELECT COALESCE(MIN(after_seq), ${Number.MAX_SAFE_INTEGER}) FROM shift_sync WHERE state IN ('pending', 'sending'))`;

const ENTRY_COLUMNS = `seq, local_id, invoice_number, outlet, payload_json, state, attempts, next_attempt_at, maybe_sent,
  last_error, last_error_code, server_id, edited, void_reason, voided_by, created_at, updated_at, synced_at`;

/** The stored payload is a boundary like any other: a hand-edited or damaged row fails loudly, not silently. */
class DamagedPayloadError extends ServiceError {
  constructor(localId: string) {
    super('storage', `Outbox entry ${localId} holds an invalid invoice payload`);
  }
}

function parsePayload(json: string, localId: string): InvoicePayload {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new DamagedPayloadError(localId);
  }
  const parsed = invoicePayloadSchema.safeParse(raw);
  if (!parsed.success) throw new DamagedPayloadError(localId);
  return parsed.data;
}

function lineNamesOf(draftJson: string): string[] {
  const draft: unknown = JSON.parse(draftJson);
  if (typeof draft !== 'object' || draft === null || !('lines' in draft) || !Array.isArray(draft.lines)) return [];
  return draft.lines.map((line: unknown) =>
    typeof line === 'object' && line !== null && 'name' in line && typeof line.name === 'string' ? line.name : '',
  );
}

interface SaleRow {
  local_id: string;
  invoice_number: string;
  completed_at: string;
  draft_json: string;
  totals_json: string;
  approvals_json: string;
  outlet: string | null;
  register: unknown;
  return_of: string | null;
}

// Outlet and register come from the invoice the outbox holds, so a receipt shows what DealPOS gets.
const SALE_COLUMNS = `s.local_id AS local_id, s.invoice_number AS invoice_number, s.completed_at AS completed_at,
  s.draft_json AS draft_json, s.totals_json AS totals_json, s.approvals_json AS approvals_json,
  o.outlet AS outlet, json_extract(o.payload_json, '$.Register') AS register, r.original_number AS return_of`;
const SALE_FROM = `sale s LEFT JOIN outbox o USING (local_id) LEFT JOIN sale_return r USING (local_id)`;
// A return waits while the original it must follow is still unsent (pending or being sent).
const NOT_WAITING = `(after_local_id IS NULL OR NOT EXISTS (
  SELECT 1 FROM outbox first WHERE first.local_id = outbox.after_local_id AND first.state IN ('pending', 'sending')))`;

const returnLinesSchema = z.array(z.object({ line: z.number().int().nonnegative(), quantity: z.number().int().positive() }));

const recordedPartsSchema = z.object({
  sale: saleDraftSchema,
  approvals: z.array(saleApprovalSchema),
});

function approvalsOf(json: string, invoiceNumber: string): SaleApproval[] {
  const parsed = z.array(saleApprovalSchema).safeParse(JSON.parse(json));
  if (!parsed.success) throw new ServiceError('storage', `The approvals of sale ${invoiceNumber} could not be read back from the local database`);
  return parsed.data;
}

/** Sales are written by this app only; a row that does not read back is damage, reported as such. */
function toRecordedSale(row: SaleRow): RecordedSale {
  const parsed = recordedPartsSchema.safeParse({ sale: JSON.parse(row.draft_json), approvals: JSON.parse(row.approvals_json) });
  if (!parsed.success) throw new ServiceError('storage', `Recorded sale ${row.invoice_number} could not be read back from the local database`);
  const totals = readStoredTotals(row.totals_json);
  return {
    localId: row.local_id,
    invoiceNumber: row.invoice_number,
    completedAt: row.completed_at,
    totals,
    ...parsed.data,
    outlet: row.outlet,
    register: typeof row.register === 'string' ? row.register : null,
    ...(row.return_of === null ? {} : { returnOf: row.return_of }),
  };
}

export type IsoClock = (epochMs: number) => string;

/** ISO 8601 in the machine's own offset. */
export const systemIso: IsoClock = (epochMs) => localTime(epochMs, -new Date(epochMs).getTimezoneOffset()).iso;

export class OutboxStore {
  private readonly stmt;
  private readonly pageQueries = new Map<string, PageQuery>();

  constructor(
    private readonly db: Database.Database,
    private readonly iso: IsoClock = systemIso,
    private readonly random: () => number = Math.random,
  ) {
    this.stmt = {
      getRegisterCode: db.prepare<[], { register_code: string }>('SELECT register_code FROM register_identity WHERE id = 1'),
      putRegisterCode: db.prepare<[string, number]>('INSERT INTO register_identity (id, register_code, created_at) VALUES (1, ?, ?)'),
      getSequence: db.prepare<[string], { day: string; seq: number }>('SELECT day, seq FROM invoice_sequence WHERE register_code = ?'),
      putSequence: db.prepare<[string, string, number]>(
        `INSERT INTO invoice_sequence (register_code, day, seq) VALUES (?, ?, ?)
         ON CONFLICT (register_code) DO UPDATE SET day = excluded.day, seq = excluded.seq`,
      ),
      insertSale: db.prepare<[string, string, string, number, number, string, string, string]>(
        `INSERT INTO sale (local_id, invoice_number, completed_at, completed_at_ms, total, draft_json, totals_json, approvals_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      countSince: db.prepare<[number], { n: number }>(`SELECT COUNT(*) AS n FROM sale WHERE completed_at_ms >= ?`),
      recordedSince: db.prepare<[number, number], SummaryRow>(
        `SELECT s.local_id, s.invoice_number, s.completed_at, s.total, o.state, json_extract(s.totals_json, '$.itemCount') AS item_count
         FROM sale s LEFT JOIN outbox o USING (local_id) WHERE s.completed_at_ms >= ? ORDER BY s.completed_at_ms DESC, s.rowid DESC LIMIT ?`,
      ),
      recorded: db.prepare<[string], SaleRow>(`SELECT ${SALE_COLUMNS} FROM ${SALE_FROM} WHERE s.local_id = ?`),
      recordedByNumber: db.prepare<[string], SaleRow & { state: QueueState | null }>(
        `SELECT ${SALE_COLUMNS}, o.state AS state FROM ${SALE_FROM} WHERE s.invoice_number = ?`,
      ),
      insertReturn: db.prepare<[string, string, string, string]>(
        `INSERT INTO sale_return (local_id, original_number, original_outlet, lines_json) VALUES (?, ?, ?, ?)`,
      ),
      returnsOf: db.prepare<[string, string], { lines_json: string }>(
        `SELECT r.lines_json FROM sale_return r LEFT JOIN outbox o USING (local_id)
         WHERE r.original_outlet = ? AND r.original_number = ? AND (o.state IS NULL OR o.state <> 'voided')`,
      ),
      waitAfter: db.prepare<[string, string]>(`UPDATE outbox SET after_local_id = ? WHERE local_id = ?`),
      lastRecorded: db.prepare<[], SaleRow>(
        `SELECT ${SALE_COLUMNS} FROM ${SALE_FROM} ORDER BY s.completed_at_ms DESC, s.rowid DESC LIMIT 1`,
      ),
      insertOutbox: db.prepare<[string, string, string, string, number, number, number]>(
        `INSERT INTO outbox (local_id, invoice_number, outlet, payload_json, state, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`,
      ),
      due: db.prepare<[number, number], OutboxRow>(
        `SELECT ${ENTRY_COLUMNS} FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? AND seq <= ${HELD_AFTER} AND ${NOT_WAITING} ORDER BY seq LIMIT ?`,
      ),
      dueMaybeSent: db.prepare<[number, number], OutboxRow>(
        `SELECT ${ENTRY_COLUMNS} FROM outbox WHERE state = 'pending' AND maybe_sent = 1 AND next_attempt_at <= ? AND ${NOT_WAITING} ORDER BY seq LIMIT ?`,
      ),
      markNotSent: db.prepare<[number, string]>(
        `UPDATE outbox SET maybe_sent = 0, updated_at = ? WHERE local_id = ? AND state = 'pending' AND maybe_sent = 1`,
      ),
      nextDue: db.prepare<[], { at: number | null }>(`SELECT MIN(next_attempt_at) AS at FROM outbox WHERE state = 'pending' AND seq <= ${HELD_AFTER} AND ${NOT_WAITING}`),
      get: db.prepare<[string], OutboxRow>(`SELECT ${ENTRY_COLUMNS} FROM outbox WHERE local_id = ?`),
      getForList: db.prepare<[string], ListRow>(
        `SELECT o.*, s.total, s.draft_json, s.approvals_json FROM outbox o JOIN sale s USING (local_id) WHERE o.local_id = ?`,
      ),
      listAll: db.prepare<[number], ListRow>(
        `SELECT o.*, s.total, s.draft_json, s.approvals_json FROM outbox o JOIN sale s USING (local_id) ORDER BY o.seq DESC LIMIT ?`,
      ),
      listByState: db.prepare<[string, number], ListRow>(
        `SELECT o.*, s.total, s.draft_json, s.approvals_json FROM outbox o JOIN sale s USING (local_id) WHERE o.state = ?
         ORDER BY CASE WHEN o.state IN ('synced', 'voided') THEN -o.seq ELSE o.seq END LIMIT ?`,
      ),
      markSending: db.prepare<[number, string]>(
        `UPDATE outbox SET state = 'sending', maybe_sent = 1, attempts = attempts + 1, updated_at = ? WHERE local_id = ? AND state = 'pending'`,
      ),
      markSynced: db.prepare<[string, number, number, string]>(
        `UPDATE outbox SET state = 'synced', server_id = ?, maybe_sent = 0, last_error = NULL, last_error_code = NULL,
         synced_at = ?, updated_at = ? WHERE local_id = ? AND state IN ('pending', 'sending')`,
      ),
      markRejected: db.prepare<[string, string, number, string]>(
        `UPDATE outbox SET state = 'rejected', maybe_sent = 0, last_error = ?, last_error_code = ?, updated_at = ?
         WHERE local_id = ? AND state IN ('pending', 'sending')`,
      ),
      markFailed: db.prepare<[number, number, number, string, string, number, string]>(
        `UPDATE outbox SET state = 'pending', maybe_sent = ?, attempts = attempts + ?, next_attempt_at = ?, last_error = ?,
         last_error_code = ?, updated_at = ? WHERE local_id = ? AND state IN ('pending', 'sending')`,
      ),
      recover: db.prepare<[number]>(`UPDATE outbox SET state = 'pending', maybe_sent = 1, updated_at = ? WHERE state = 'sending'`),
      wakeAll: db.prepare<[number, number]>(`UPDATE outbox SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?`),
      // Each part is O(1) or one index seek (migration 006), whatever the backlog: every sale reads it.
      counts: db.prepare<[], { pending: number; rejected: number; oldest: number | null; last_synced: number | null }>(
        `SELECT
           (SELECT waiting FROM outbox_tally WHERE id = 1) AS pending,
           (SELECT rejected FROM outbox_tally WHERE id = 1) AS rejected,
           (SELECT MIN(at) FROM (
              SELECT MIN(created_at) AS at FROM outbox WHERE state = 'pending'
              UNION ALL SELECT MIN(created_at) FROM outbox WHERE state = 'sending'
           )) AS oldest,
           (SELECT MAX(synced_at) FROM outbox WHERE synced_at IS NOT NULL) AS last_synced`,
      ),
      updatePayload: db.prepare<[string, string, number, string]>(
        `UPDATE outbox SET payload_json = ?, outlet = ?, edited = 1, updated_at = ? WHERE local_id = ?`,
      ),
      insertEdit: db.prepare<[string, number, string, string, string]>(
        `INSERT INTO outbox_edit (local_id, at, before_json, after_json, patch_json) VALUES (?, ?, ?, ?, ?)`,
      ),
      retry: db.prepare<[number, number, string]>(
        `UPDATE outbox SET state = 'pending', next_attempt_at = ?, updated_at = ? WHERE local_id = ? AND state IN ('pending', 'rejected')`,
      ),
      void: db.prepare<[string, string, number, string]>(
        `UPDATE outbox SET state = 'voided', void_reason = ?, voided_by = ?, updated_at = ? WHERE local_id = ? AND state = 'rejected'`,
      ),
      // Oldest confirmations first, so an interrupted prune always leaves the newest history.
      expiredSynced: db.prepare<[number, number], { local_id: string }>(
        `SELECT local_id FROM outbox WHERE state = 'synced' AND synced_at < ? ORDER BY synced_at, seq LIMIT ?`,
      ),
      // Children first: outbox_edit → outbox → sale have plain REFERENCES (no ON DELETE), and foreign_keys is on.
      deleteEdits: db.prepare<[string]>(`DELETE FROM outbox_edit WHERE local_id = ?`),
      deleteSynced: db.prepare<[string]>(`DELETE FROM outbox WHERE local_id = ? AND state = 'synced'`),
      deleteSale: db.prepare<[string]>(`DELETE FROM sale WHERE local_id = ?`),
    };
  }

  /**
   * Saves a completed sale and its outbox row, and takes the register's next invoice number, in one
   * IMMEDIATE transaction (committed with synchronous=FULL by the connection's settings). Either all
   * of it is on disk when this returns, or none of it is and it throws a `StoreError`.
   */
  recordSale(sale: NewSale): { invoiceNumber: string; payload: InvoicePayload } {
    const run = this.db.transaction((): { invoiceNumber: string; payload: InvoicePayload } => {
      let registerCode = this.stmt.getRegisterCode.get()?.register_code;
      if (!registerCode) {
        registerCode = newRegisterCode(this.random);
        this.stmt.putRegisterCode.run(registerCode, sale.completedAtMs);
      }
      const last = this.stmt.getSequence.get(registerCode) ?? null;
      const position = nextSequence(last, sale.day);
      const invoiceNumber = formatInvoiceNumber({ prefix: sale.prefix, registerCode }, position);
      const payload = sale.buildPayload(invoiceNumber);
      this.stmt.putSequence.run(registerCode, position.day, position.seq);
      this.stmt.insertSale.run(
        sale.localId,
        invoiceNumber,
        sale.completedAt,
        sale.completedAtMs,
        // A return's total counts against the day's takings.
        sale.returnOf ? -sale.totals.total : sale.totals.total,
        JSON.stringify(sale.draft),
        JSON.stringify(sale.totals),
        JSON.stringify(sale.approvals ?? []),
      );
      this.stmt.insertOutbox.run(
        sale.localId,
        invoiceNumber,
        payload.Outlet,
        JSON.stringify(payload),
        sale.completedAtMs,
        sale.completedAtMs,
        sale.completedAtMs,
      );
      if (sale.returnOf) {
        const { number, outlet, lines, originalLocalId } = sale.returnOf;
        this.stmt.insertReturn.run(sale.localId, number, outlet, JSON.stringify(lines));
        if (originalLocalId !== null) this.stmt.waitAfter.run(originalLocalId, sale.localId);
      }
      sale.alsoInTransaction?.();
      return { invoiceNumber, payload };
    });
    try {
      return mainWrite(this.db, () => run.immediate());
    } catch (error) {
      throw toStoreError(error, 'saving the sale');
    }
  }

  /** A recorded sale by its local id (the draft id it was completed from), or null. */
  recordedSale(localId: string): RecordedSale | null {
    const row = this.stmt.recorded.get(localId);
    return row ? toRecordedSale(row) : null;
  }

  /** Sales completed at or after `sinceMs`, newest first, with how many there are in all. */
  recordedSince(sinceMs: number, limit: number): { sales: SaleSummary[]; total: number } {
    const total = this.stmt.countSince.get(sinceMs)?.n ?? 0;
    const sales = this.stmt.recordedSince.all(sinceMs, limit).map((row) => ({
      localId: row.local_id,
      invoiceNumber: row.invoice_number,
      completedAt: row.completed_at,
      total: row.total,
      itemCount: row.item_count,
      state: row.state,
    }));
    return { sales, total };
  }

  /** A sale this register recorded, by its invoice number, with its outbox state (null once pruned from the outbox). */
  recordedByNumber(invoiceNumber: string): RecordedByNumber | null {
    const row = this.stmt.recordedByNumber.get(invoiceNumber);
    return row ? { recorded: toRecordedSale(row), state: row.state } : null;
  }

  /** Units earlier returns (not voided) took back from each line of an invoice: line index → units. */
  returnedQuantities(outlet: string, invoiceNumber: string): Map<number, number> {
    const returned = new Map<number, number>();
    for (const { lines_json: json } of this.stmt.returnsOf.all(outlet, invoiceNumber)) {
      const parsed = returnLinesSchema.safeParse(JSON.parse(json));
      if (!parsed.success) throw new ServiceError('storage', `The returns of invoice ${invoiceNumber} could not be read back from the local database`);
      for (const { line, quantity } of parsed.data) returned.set(line, (returned.get(line) ?? 0) + quantity);
    }
    return returned;
  }

  /** The newest recorded sale, or null before the first (or after retention removed them all). */
  lastRecorded(): RecordedSale | null {
    const row = this.stmt.lastRecorded.get();
    return row ? toRecordedSale(row) : null;
  }

  /** This installation's register code, null until the first sale drew one. */
  registerCode(): string | null {
    return this.stmt.getRegisterCode.get()?.register_code ?? null;
  }

  /** Pending entries whose next try has come, oldest first. */
  due(nowMs: number, limit: number): OutboxEntry[] {
    return this.entriesOf(this.stmt.due.all(nowMs, limit), nowMs);
  }

  private entriesOf(rows: readonly OutboxRow[], nowMs: number): OutboxEntry[] {
    const entries: OutboxEntry[] = [];
    for (const row of rows) {
      try {
        entries.push(this.toEntry(row));
      } catch (error) {
        if (!(error instanceof DamagedPayloadError)) throw error;
        // A damaged row must not block the queue: it goes to the manager, with the sale kept.
        this.markRejected(row.local_id, 'The stored invoice is damaged; check the sale and void it or contact support', 'storage', nowMs);
      }
    }
    return entries;
  }

  /** Due pending entries whose earlier send may have reached DealPOS, oldest first. */
  dueMaybeSent(nowMs: number, limit: number): OutboxEntry[] {
    return this.entriesOf(this.stmt.dueMaybeSent.all(nowMs, limit), nowMs);
  }

  /** DealPOS was checked and does not have these: the next send goes without another check. */
  markNotSent(localIds: readonly string[], nowMs: number): number {
    return this.write('recording invoices DealPOS does not have', () =>
      localIds.reduce((changed, id) => changed + this.stmt.markNotSent.run(nowMs, id).changes, 0),
    );
  }

  /** Earliest next try among pending entries, or null when nothing is pending. */
  nextDueAt(): number | null {
    return this.stmt.nextDue.get()?.at ?? null;
  }

  get(localId: string): OutboxEntry | null {
    const row = this.stmt.get.get(localId);
    return row ? this.toEntry(row) : null;
  }

  /** Marks entries as in flight before the request leaves: a crash from here on means "maybe sent". */
  /**
   * Returns the ids actually claimed (still pending): the claim is one IMMEDIATE transaction, so two
   * workers on the same file can never both send an invoice.
   */
  markSending(localIds: readonly string[], nowMs: number): Set<string> {
    return this.write('marking invoices as sending', () => new Set(localIds.filter((id) => this.stmt.markSending.run(nowMs, id).changes === 1)));
  }

  markSynced(localId: string, serverId: string, nowMs: number): boolean {
    return this.write('recording a synced invoice', () => this.stmt.markSynced.run(serverId, nowMs, nowMs, localId).changes === 1);
  }

  markRejected(localId: string, message: string, code: string, nowMs: number): boolean {
    return this.write('recording a rejected invoice', () => this.stmt.markRejected.run(message, code, nowMs, localId).changes === 1);
  }

  /** Back to pending after a transient failure, keeping whether DealPOS may already have it. */
  markFailed(attempts: readonly FailedAttempt[], error: { code: string; message: string }, nowMs: number): void {
    this.write('recording a failed send', () => {
      for (const a of attempts) {
        this.stmt.markFailed.run(a.maybeSent ? 1 : 0, a.uncountedTry ? 1 : 0, a.nextAttemptAt, error.message, error.code, nowMs, a.localId);
      }
    });
  }

  /** After a crash: whatever was in flight may have reached DealPOS. */
  recoverInterrupted(nowMs: number): number {
    return this.write('recovering interrupted sends', () => this.stmt.recover.run(nowMs).changes);
  }

  /** "Sync now": every pending entry is due. */
  wakeAll(nowMs: number): number {
    return this.write('rescheduling invoices', () => this.stmt.wakeAll.run(nowMs, nowMs).changes);
  }

  /**
   * Removes up to `limit` sales that DealPOS confirmed before `cutoffMs` (epoch ms), with their outbox
   * rows and edit history, in one IMMEDIATE transaction; returns how many sales went. Only `synced`
   * rows qualify: pending, sending, rejected and voided ones are never touched, and neither are
   * `register_identity` nor `invoice_sequence`, so no invoice number is ever handed out again.
   * Callers loop until it returns less than `limit` (the batch bound keeps each transaction short).
   */
  pruneSynced(cutoffMs: number, limit: number): number {
    return this.write('removing old synced sales', () => {
      let removed = 0;
      for (const { local_id: localId } of this.stmt.expiredSynced.all(cutoffMs, limit)) {
        this.stmt.deleteEdits.run(localId);
        if (this.stmt.deleteSynced.run(localId).changes !== 1) continue;
        this.stmt.deleteSale.run(localId);
        removed++;
      }
      return removed;
    });
  }

  /**
   * Lets SQLite give pages freed by a prune back to the file system, but only when the database was
   * created with auto_vacuum=incremental (then it is cheap). Otherwise nothing: a full VACUUM would
   * rewrite the whole file, and the freed pages are simply reused by the next sales instead.
   * Returns whether it ran.
   */
  releaseFreePages(): boolean {
    // 2 = incremental (0 = none, 1 = full: SQLite already truncates at each commit).
    if (this.db.pragma('auto_vacuum', { simple: true }) !== 2) return false;
    // exec, not pragma(): it returns no rows and must be stepped to the end to free every page.
    this.db.exec('PRAGMA incremental_vacuum');
    return true;
  }

  stats(): OutboxStats {
    const row = this.stmt.counts.get();
    return {
      pending: row?.pending ?? 0,
      needsAttention: row?.rejected ?? 0,
      oldestPendingAt: row?.oldest ?? null,
      lastSyncedAt: row?.last_synced ?? null,
    };
  }

  list(state: QueueState | undefined, limit: number): QueueEntry[] {
    const rows = state ? this.stmt.listByState.all(state, limit) : this.stmt.listAll.all(limit);
    return rows.map((row) => this.toQueueEntry(row));
  }

  /** One page of a Queue view; `numberPart` matches anywhere in the invoice number, any case. */
  page(view: QueueView, offset: number, limit: number, numberPart: string | undefined): QueuePage {
    const query = this.pageQuery(view, numberPart !== undefined && numberPart !== '');
    const params: string[] = [...VIEW_STATES[view]];
    if (numberPart) params.push(`%${numberPart.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const total = query.count.get(...params)?.n ?? 0;
    const rows = query.rows.all(...params, limit, offset);
    return { entries: rows.map((row) => this.toQueueEntry(row)), total, offset };
  }

  /** Eight shapes at most (view × searching), each prepared once. */
  private pageQuery(view: QueueView, searching: boolean): PageQuery {
    const key = `${view}:${searching}`;
    const known = this.pageQueries.get(key);
    if (known) return known;
    const states = VIEW_STATES[view];
    const filter = `o.state IN (${states.map(() => '?').join(', ')})` + (searching ? ` AND o.invoice_number LIKE ? ESCAPE '\\'` : '');
    const query: PageQuery = {
      count: this.db.prepare(`SELECT COUNT(*) AS n FROM outbox o WHERE ${filter}`),
      rows: this.db.prepare(
        `SELECT o.*, s.total, s.draft_json, s.approvals_json FROM outbox o JOIN sale s USING (local_id) WHERE ${filter}
         ORDER BY ${view === 'waiting' ? 'o.seq' : '-o.seq'} LIMIT ? OFFSET ?`,
      ),
    };
    this.pageQueries.set(key, query);
    return query;
  }

  entry(localId: string): QueueEntry {
    const row = this.stmt.getForList.get(localId);
    if (!row) throw new ServiceError('not_found', `No queued invoice ${localId}`);
    return this.toQueueEntry(row);
  }

  /** Applies a manager's fix to a rejected invoice and keeps the before/after. */
  edit(localId: string, patch: InvoicePatch, nowMs: number): QueueEntry {
    return this.write('editing the invoice', () => {
      const row = this.requireRow(localId);
      if (row.state !== 'rejected') {
        throw new ServiceError('conflict', `Invoice ${row.invoice_number} is ${row.state}; only rejected invoices can be edited`);
      }
      const before = parsePayload(row.payload_json, localId);
      let after: InvoicePayload;
      try {
        after = invoicePayloadSchema.parse(applyInvoicePatch(before, patch));
      } catch (error) {
        if (error instanceof InvoicePatchError) {
          throw new ServiceError('validation', error.message, { issues: [{ path: `patch.${error.path}`, message: error.message }] });
        }
        throw error;
      }
      const afterJson = JSON.stringify(after);
      this.stmt.updatePayload.run(afterJson, after.Outlet, nowMs, localId);
      this.stmt.insertEdit.run(localId, nowMs, row.payload_json, afterJson, JSON.stringify(patch));
      return this.entry(localId);
    });
  }

  /** A rejected invoice goes back in the queue; a pending one becomes due now. */
  retry(localId: string, nowMs: number): QueueEntry {
    return this.write('re-queueing the invoice', () => {
      const row = this.requireRow(localId);
      if (this.stmt.retry.run(nowMs, nowMs, localId).changes !== 1) {
        throw new ServiceError('conflict', `Invoice ${row.invoice_number} is ${row.state} and cannot be sent again`);
      }
      return this.entry(localId);
    });
  }

  /** `voidedBy`: the manager who approved it. */
  void(localId: string, reason: string, voidedBy: string, nowMs: number): QueueEntry {
    return this.write('voiding the invoice', () => {
      const row = this.requireRow(localId);
      if (this.stmt.void.run(reason, voidedBy, nowMs, localId).changes !== 1) {
        throw new ServiceError('conflict', `Invoice ${row.invoice_number} is ${row.state}; only rejected invoices can be voided`);
      }
      return this.entry(localId);
    });
  }

  private requireRow(localId: string): OutboxRow {
    const row = this.stmt.get.get(localId);
    if (!row) throw new ServiceError('not_found', `No queued invoice ${localId}`);
    return row;
  }

  private write<T>(doing: string, body: () => T): T {
    try {
      return mainWrite(this.db, () => this.db.transaction(body).immediate());
    } catch (error) {
      throw toStoreError(error, doing);
    }
  }

  private toEntry(row: OutboxRow): OutboxEntry {
    return {
      localId: row.local_id,
      invoiceNumber: row.invoice_number,
      outlet: row.outlet,
      state: row.state,
      attempts: row.attempts,
      nextAttemptAt: row.next_attempt_at,
      maybeSent: row.maybe_sent === 1,
      lastError: row.last_error,
      lastErrorCode: row.last_error_code,
      serverId: row.server_id,
      createdAt: row.created_at,
      payload: parsePayload(row.payload_json, row.local_id),
    };
  }

  /** The manager must still see (and can void) a row whose stored payload is damaged. */
  private listedPayload(row: ListRow): InvoicePayload {
    try {
      return parsePayload(row.payload_json, row.local_id);
    } catch (error) {
      if (!(error instanceof DamagedPayloadError)) throw error;
      return { Outlet: row.outlet, Number: row.invoice_number, Date: '', Tag: '', TaxType: '', Fulfillment: 'Sent', Variants: [], Payments: [] };
    }
  }

  private toQueueEntry(row: ListRow): QueueEntry {
    return {
      localId: row.local_id,
      invoiceNumber: row.invoice_number,
      state: row.state,
      attempts: row.attempts,
      nextAttemptAt: row.state === 'pending' ? this.iso(row.next_attempt_at) : null,
      lastError: row.last_error,
      lastErrorCode: row.last_error_code,
      serverId: row.server_id,
      createdAt: this.iso(row.created_at),
      syncedAt: row.synced_at === null ? null : this.iso(row.synced_at),
      voidReason: row.void_reason,
      voidedBy: row.voided_by,
      total: row.total,
      lineNames: lineNamesOf(row.draft_json),
      approvals: approvalsOf(row.approvals_json, row.invoice_number),
      payload: this.listedPayload(row),
      edited: row.edited === 1,
    };
  }
}
