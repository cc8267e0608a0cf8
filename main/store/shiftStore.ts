/**
 * All SQL for cashier shifts (issue 15): the shift rows, their sales and cash movements, the Z
 * reports, and the open/close events waiting for DealPOS (`shift_sync`, part of the outbox). Every
 * write is one short IMMEDIATE transaction; nothing here waits on the network.
 */
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { CashMovement, DealPosShiftClose, ShiftSummary, ShiftSyncState, ZReport } from '../../shared/contract/shift';
import { ServiceError } from '../../shared/errors';
import { paymentSchema } from '../../shared/sale/sale';
import { readStoredTotals } from '../../shared/sale/totals';
import type { ShiftReturnFigures, ShiftSaleFigures } from '../../shared/shift/shiftReport';
import { mainWrite } from '../workers/writeGate';
import { sqliteCode, toStoreError } from './storeError';

export interface ShiftRow {
  readonly id: string;
  readonly register: string;
  readonly outlet: string | null;
  readonly cashier: string;
  readonly openingFloat: number;
  readonly openedAtMs: number;
  readonly openedAt: string;
}

/** The immutable part of a Z report, as stored at the close. */
export type StoredZReport = Omit<ZReport, 'sync'>;

export type ShiftEventKind = 'open' | 'close';

/** One shift open or close on its way to DealPOS. */
export interface ShiftEvent {
  readonly id: number;
  readonly shiftId: string;
  readonly kind: ShiftEventKind;
  readonly afterSeq: number;
  readonly body: { readonly Register: string; readonly OpAmount?: number };
  readonly outlet: string | null;
  readonly openedAtMs: number;
  readonly state: ShiftSyncState;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly maybeSent: boolean;
  readonly answer: unknown;
}

interface ShiftDbRow {
  id: string;
  register: string;
  outlet: string | null;
  cashier: string;
  opening_float: number;
  opened_at_ms: number;
  opened_at: string;
  closed_at_ms: number | null;
  z_number: number | null;
  z_json: string | null;
}

interface EventDbRow {
  id: number;
  shift_id: string;
  kind: ShiftEventKind;
  after_seq: number;
  body_json: string;
  state: ShiftSyncState;
  attempts: number;
  next_attempt_at: number;
  maybe_sent: number;
  last_error: string | null;
  answer_json: string | null;
  outlet: string | null;
  opened_at_ms: number;
}

interface MovementDbRow {
  id: string;
  kind: CashMovement['kind'];
  amount: number;
  reason: string;
  approved_by: string | null;
  at: string;
}

const storedSalePartsSchema = z.object({ payments: z.array(paymentSchema) });
const storedZSchema = z.object({ number: z.number().int(), shiftId: z.string(), totals: z.object({}).passthrough(), count: z.object({}).passthrough() }).passthrough();
const closeAnswerSchema = z.object({
  number: z.string().nullable(),
  sales: z.number().nullable(),
  tax: z.number().nullable(),
  salesNTax: z.number().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
});

const toShift = (row: ShiftDbRow): ShiftRow => ({
  id: row.id,
  register: row.register,
  outlet: row.outlet,
  cashier: row.cashier,
  openingFloat: row.opening_float,
  openedAtMs: row.opened_at_ms,
  openedAt: row.opened_at,
});

const toMovement = (row: MovementDbRow): CashMovement => ({ id: row.id, kind: row.kind, amount: row.amount, reason: row.reason, approvedBy: row.approved_by, at: row.at });

/** What one stored sale adds to its shift. Sales are written by this app only: a row that does not read back is damage. */
export function saleFiguresOf(draftJson: string, totalsJson: string, invoiceNumber: string): ShiftSaleFigures {
  const parts = storedSalePartsSchema.safeParse(JSON.parse(draftJson));
  if (!parts.success) throw new ServiceError('storage', `Sale ${invoiceNumber} could not be read back for its shift's report`);
  const totals = readStoredTotals(totalsJson);
  let gross = 0;
  for (const line of totals.lines) gross += line.gross;
  return { gross, discounts: gross - totals.taxable, rounding: totals.roundingDiscount, sales: totals.taxable, tax: totals.tax, total: totals.total, payments: parts.data.payments, change: totals.change };
}

/** What a return recorded in the shift gave back (its stored totals and refunds are positive; see issue 16). */
export function returnFiguresOf(draftJson: string, totalsJson: string, invoiceNumber: string): ShiftReturnFigures {
  const parts = storedSalePartsSchema.safeParse(JSON.parse(draftJson));
  if (!parts.success) throw new ServiceError('storage', `Return ${invoiceNumber} could not be read back for its shift's report`);
  const totals = readStoredTotals(totalsJson);
  return { total: totals.total, tax: totals.tax, refunds: parts.data.payments };
}

export class ShiftStore {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      open: db.prepare<[string], ShiftDbRow>(`SELECT * FROM shift WHERE register = ? AND closed_at_ms IS NULL`),
      anyOpen: db.prepare<[], ShiftDbRow>(`SELECT * FROM shift WHERE closed_at_ms IS NULL ORDER BY opened_at_ms DESC LIMIT 1`),
      byId: db.prepare<[string], ShiftDbRow>(`SELECT * FROM shift WHERE id = ?`),
      byZ: db.prepare<[number], ShiftDbRow>(`SELECT * FROM shift WHERE z_number = ?`),
      recent: db.prepare<[number], ShiftDbRow>(`SELECT * FROM shift ORDER BY opened_at_ms DESC, rowid DESC LIMIT ?`),
      insertShift: db.prepare<[string, string, string | null, string, number, number, string]>(
        `INSERT INTO shift (id, register, outlet, cashier, opening_float, opened_at_ms, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      lastSeq: db.prepare<[], { seq: number }>(`SELECT COALESCE(MAX(seq), 0) AS seq FROM outbox`),
      insertEvent: db.prepare<[string, ShiftEventKind, number, string, number, number, number]>(
        `INSERT INTO shift_sync (shift_id, kind, after_seq, body_json, state, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`,
      ),
      attachSale: db.prepare<[string, string]>(`INSERT INTO shift_sale (local_id, shift_id) VALUES (?, ?)`),
      shiftOfSale: db.prepare<[string], { shift_id: string }>(`SELECT shift_id FROM shift_sale WHERE local_id = ?`),
      insertMovement: db.prepare<[string, string, string, number, string, string | null, number, string]>(
        `INSERT INTO shift_movement (id, shift_id, kind, amount, reason, approved_by, at_ms, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      movements: db.prepare<[string], MovementDbRow>(`SELECT id, kind, amount, reason, approved_by, at FROM shift_movement WHERE shift_id = ? ORDER BY at_ms, rowid`),
      sales: db.prepare<[string], { invoice_number: string; draft_json: string; totals_json: string; is_return: number }>(
        `SELECT s.invoice_number, s.draft_json, s.totals_json, r.local_id IS NOT NULL AS is_return
         FROM shift_sale ss JOIN sale s USING (local_id) LEFT JOIN sale_return r USING (local_id) WHERE ss.shift_id = ? ORDER BY s.completed_at_ms, s.rowid`,
      ),
      queued: db.prepare<[string], { n: number }>(
        `SELECT COUNT(*) AS n FROM shift_sale ss JOIN outbox o USING (local_id) WHERE ss.shift_id = ? AND o.state IN ('pending', 'sending', 'rejected')`,
      ),
      nextZ: db.prepare<[], { n: number }>(`SELECT COALESCE(MAX(z_number), 0) + 1 AS n FROM shift`),
      close: db.prepare<[number, number, string, string]>(`UPDATE shift SET closed_at_ms = ?, z_number = ?, z_json = ? WHERE id = ? AND closed_at_ms IS NULL`),
      events: db.prepare<[string], EventDbRow>(
        `SELECT e.*, s.outlet AS outlet, s.opened_at_ms AS opened_at_ms FROM shift_sync e JOIN shift s ON s.id = e.shift_id WHERE e.shift_id = ? ORDER BY e.id`,
      ),
      firstWaiting: db.prepare<[], EventDbRow>(
        `SELECT e.*, s.outlet AS outlet, s.opened_at_ms AS opened_at_ms FROM shift_sync e JOIN shift s ON s.id = e.shift_id
         WHERE e.state IN ('pending', 'sending') ORDER BY e.id LIMIT 1`,
      ),
      // Invoices recorded before the event that have not reached DealPOS yet (rejected ones left the flow).
      invoicesBefore: db.prepare<[number], { n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE seq <= ? AND state IN ('pending', 'sending')`),
      // A shift's own invoices must all be on DealPOS (or voided by a manager) before its close goes.
      unsyncedOfShift: db.prepare<[string], { invoice_number: string; state: string }>(
        `SELECT o.invoice_number, o.state FROM shift_sale ss JOIN outbox o USING (local_id) WHERE ss.shift_id = ? AND o.state IN ('pending', 'sending', 'rejected') ORDER BY o.seq LIMIT 5`,
      ),
      markSending: db.prepare<[number, number]>(`UPDATE shift_sync SET state = 'sending', maybe_sent = 1, attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'pending'`),
      markSynced: db.prepare<[string, number, number]>(
        `UPDATE shift_sync SET state = 'synced', maybe_sent = 0, answer_json = ?, last_error = NULL, updated_at = ? WHERE id = ? AND state IN ('pending', 'sending')`,
      ),
      markRejected: db.prepare<[string, number, number]>(
        `UPDATE shift_sync SET state = 'rejected', maybe_sent = 0, last_error = ?, updated_at = ? WHERE id = ? AND state IN ('pending', 'sending')`,
      ),
      markFailed: db.prepare<[number, number, string, number, number]>(
        `UPDATE shift_sync SET state = 'pending', maybe_sent = ?, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ? AND state IN ('pending', 'sending')`,
      ),
      noteWaiting: db.prepare<[string, number, number]>(`UPDATE shift_sync SET last_error = ?, updated_at = ? WHERE id = ? AND state = 'pending'`),
      markNotSent: db.prepare<[number, number]>(`UPDATE shift_sync SET maybe_sent = 0, updated_at = ? WHERE id = ? AND state = 'pending'`),
      recover: db.prepare<[number]>(`UPDATE shift_sync SET state = 'pending', maybe_sent = 1, updated_at = ? WHERE state = 'sending'`),
      wakeAll: db.prepare<[number, number]>(`UPDATE shift_sync SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?`),
    };
  }

  /** This register's open shift, or null. */
  openShift(register: string): ShiftRow | null {
    const row = this.stmt.open.get(register);
    return row ? toShift(row) : null;
  }

  /** The open shift whatever register it was opened on (the register setting may change while it is open). */
  anyOpenShift(): ShiftRow | null {
    const row = this.stmt.anyOpen.get();
    return row ? toShift(row) : null;
  }

  shift(id: string): (ShiftRow & { readonly closed: boolean }) | null {
    const row = this.stmt.byId.get(id);
    return row ? { ...toShift(row), closed: row.closed_at_ms !== null } : null;
  }

  /** Opens a shift and queues its `POST /Shift` behind every invoice recorded so far, in one transaction. */
  open(shift: ShiftRow, nowMs: number): ShiftRow {
    return this.write('opening the shift', () => {
      try {
        this.stmt.insertShift.run(shift.id, shift.register, shift.outlet, shift.cashier, shift.openingFloat, shift.openedAtMs, shift.openedAt);
      } catch (error) {
        if (sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE') throw secondShift(shift.register);
        throw error;
      }
      this.queueEvent(shift.id, 'open', { Register: shift.register, OpAmount: shift.openingFloat }, nowMs);
      return shift;
    });
  }

  /** Runs inside the sale's transaction (the checkout's `alsoInTransaction`). */
  attachSale(localId: string, shiftId: string): void {
    this.stmt.attachSale.run(localId, shiftId);
  }

  shiftOfSale(localId: string): string | null {
    return this.stmt.shiftOfSale.get(localId)?.shift_id ?? null;
  }

  addMovement(movement: CashMovement & { readonly shiftId: string; readonly atMs: number }): void {
    this.write('recording the cash movement', () => {
      const shift = this.stmt.byId.get(movement.shiftId);
      if (!shift || shift.closed_at_ms !== null) throw noOpenShift(movement.shiftId);
      this.stmt.insertMovement.run(movement.id, movement.shiftId, movement.kind, movement.amount, movement.reason, movement.approvedBy, movement.atMs, movement.at);
    });
  }

  movements(shiftId: string): CashMovement[] {
    return this.stmt.movements.all(shiftId).map(toMovement);
  }

  /** The shift's sales and, apart, its returns (a return is a sale row with a `sale_return` row). */
  figures(shiftId: string): { sales: ShiftSaleFigures[]; returns: ShiftReturnFigures[] } {
    const sales: ShiftSaleFigures[] = [];
    const returns: ShiftReturnFigures[] = [];
    for (const row of this.stmt.sales.all(shiftId)) {
      if (row.is_return) returns.push(returnFiguresOf(row.draft_json, row.totals_json, row.invoice_number));
      else sales.push(saleFiguresOf(row.draft_json, row.totals_json, row.invoice_number));
    }
    return { sales, returns };
  }

  queuedSales(shiftId: string): number {
    return this.stmt.queued.get(shiftId)?.n ?? 0;
  }

  /**
   * Closes the shift: takes the next Z number, stores the Z report made by `report` (pure, inside
   * the transaction) and queues the `PUT /Shift`, all or nothing.
   */
  close(shiftId: string, closedAtMs: number, report: (zNumber: number, queuedAtClose: number) => StoredZReport): StoredZReport {
    return this.write('closing the shift', () => {
      const row = this.stmt.byId.get(shiftId);
      if (!row || row.closed_at_ms !== null) throw noOpenShift(shiftId);
      const zNumber = this.stmt.nextZ.get()?.n ?? 1;
      const z = report(zNumber, this.queuedSales(shiftId));
      this.stmt.close.run(closedAtMs, zNumber, JSON.stringify(z), shiftId);
      this.queueEvent(shiftId, 'close', { Register: row.register }, closedAtMs);
      return z;
    });
  }

  zReport(number: number): StoredZReport | null {
    const row = this.stmt.byZ.get(number);
    return row?.z_json ? parseZ(row.z_json, number) : null;
  }

  zReportOfShift(shiftId: string): StoredZReport | null {
    const row = this.stmt.byId.get(shiftId);
    return row?.z_json && row.z_number !== null ? parseZ(row.z_json, row.z_number) : null;
  }

  /** How far a shift's open and close got to DealPOS. */
  syncOf(shiftId: string): ZReport['sync'] {
    const events = this.stmt.events.all(shiftId);
    const open = events.find((e) => e.kind === 'open');
    const close = events.find((e) => e.kind === 'close');
    const parsed = close?.answer_json ? closeAnswerSchema.safeParse(JSON.parse(close.answer_json)) : null;
    const dealpos: DealPosShiftClose | null = parsed?.success ? parsed.data : null;
    return {
      open: open?.state ?? 'pending',
      close: close?.state ?? 'pending',
      lastError: close?.last_error ?? open?.last_error ?? null,
      dealpos,
    };
  }

  recent(limit: number): ShiftSummary[] {
    return this.stmt.recent.all(limit).map((row) => {
      const z = row.z_json && row.z_number !== null ? parseZ(row.z_json, row.z_number) : null;
      return {
        shiftId: row.id,
        zNumber: row.z_number,
        cashier: row.cashier,
        openedAt: row.opened_at,
        closedAt: z?.closedAt ?? null,
        expectedCash: z?.count.expected ?? null,
        counted: z?.count.counted ?? null,
        variance: z?.count.variance ?? null,
        sync: this.syncOf(row.id),
      };
    });
  }

  // ------------------------------------------------------------------ the outbox side (main/sync/shiftSync.ts)

  /** The oldest shift event not yet settled: events go strictly in the order they were recorded. */
  firstWaiting(): ShiftEvent | null {
    const row = this.stmt.firstWaiting.get();
    return row ? toEvent(row) : null;
  }

  eventsOf(shiftId: string): ShiftEvent[] {
    return this.stmt.events.all(shiftId).map(toEvent);
  }

  invoicesWaitingBefore(afterSeq: number): number {
    return this.stmt.invoicesBefore.get(afterSeq)?.n ?? 0;
  }

  unsyncedInvoicesOf(shiftId: string): Array<{ readonly invoiceNumber: string; readonly state: string }> {
    return this.stmt.unsyncedOfShift.all(shiftId).map((r) => ({ invoiceNumber: r.invoice_number, state: r.state }));
  }

  markSending(id: number, nowMs: number): boolean {
    return this.write('marking the shift event as sending', () => this.stmt.markSending.run(nowMs, id).changes === 1);
  }

  markSynced(id: number, answer: unknown, nowMs: number): boolean {
    return this.write('recording DealPOS’s answer for the shift', () => this.stmt.markSynced.run(JSON.stringify(answer ?? null), nowMs, id).changes === 1);
  }

  markRejected(id: number, message: string, nowMs: number): boolean {
    return this.write('recording the shift refusal', () => this.stmt.markRejected.run(message, nowMs, id).changes === 1);
  }

  markFailed(id: number, failure: { readonly maybeSent: boolean; readonly nextAttemptAt: number; readonly message: string }, nowMs: number): void {
    this.write('rescheduling the shift event', () => this.stmt.markFailed.run(failure.maybeSent ? 1 : 0, failure.nextAttemptAt, failure.message, nowMs, id));
  }

  /** Why a waiting event is still waiting (shown in the manager's shift list). */
  noteWaiting(id: number, message: string, nowMs: number): void {
    this.write('noting why the shift waits', () => this.stmt.noteWaiting.run(message, nowMs, id));
  }

  markNotSent(id: number, nowMs: number): void {
    this.write('noting the shift event was not sent', () => this.stmt.markNotSent.run(nowMs, id));
  }

  /** Start-up: an event that was being sent when the app stopped has an unknown outcome. */
  recoverInterrupted(nowMs: number): number {
    return this.write('recovering interrupted shift events', () => this.stmt.recover.run(nowMs).changes);
  }

  wakeAll(nowMs: number): number {
    return this.write('rescheduling shift events', () => this.stmt.wakeAll.run(nowMs, nowMs).changes);
  }

  private queueEvent(shiftId: string, kind: ShiftEventKind, body: ShiftEvent['body'], nowMs: number): void {
    const afterSeq = this.stmt.lastSeq.get()?.seq ?? 0;
    this.stmt.insertEvent.run(shiftId, kind, afterSeq, JSON.stringify(body), nowMs, nowMs, nowMs);
  }

  private write<T>(doing: string, body: () => T): T {
    try {
      return mainWrite(this.db, () => this.db.transaction(body).immediate());
    } catch (error) {
      throw toStoreError(error, doing);
    }
  }
}

export function secondShift(register: string): ServiceError {
  const message = `Register ${register} already has an open shift; close it before opening another`;
  return new ServiceError('conflict', message, { issues: [{ path: 'register', message }] });
}

export function noOpenShift(shiftId: string): ServiceError {
  const message = 'There is no open shift to close or change; open a shift first';
  return new ServiceError('conflict', message, { issues: [{ path: 'shiftId', message }], details: { shiftId } });
}

function parseZ(json: string, number: number): StoredZReport {
  const parsed = storedZSchema.safeParse(JSON.parse(json));
  if (!parsed.success || parsed.data.number !== number) throw new ServiceError('storage', `Z report ${number} could not be read back from the local database`);
  return parsed.data as unknown as StoredZReport;
}

const eventBodySchema = z.object({ Register: z.string(), OpAmount: z.number().optional() });

function toEvent(row: EventDbRow): ShiftEvent {
  const body = eventBodySchema.parse(JSON.parse(row.body_json));
  return {
    id: row.id,
    shiftId: row.shift_id,
    kind: row.kind,
    afterSeq: row.after_seq,
    body: body.OpAmount === undefined ? { Register: body.Register } : { Register: body.Register, OpAmount: body.OpAmount },
    outlet: row.outlet,
    openedAtMs: row.opened_at_ms,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    maybeSent: row.maybe_sent === 1,
    answer: row.answer_json ? (JSON.parse(row.answer_json) as unknown) : null,
  };
}
