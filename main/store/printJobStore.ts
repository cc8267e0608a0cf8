/**
 * All SQL of the print queue. Each state change is one conditional UPDATE, so two retries of the
 * same job (a double click, two windows) cannot both claim it: a job prints once per claim.
 */
import type Database from 'better-sqlite3';
import type { PrintJob, PrintJobKind, PrintJobState } from '../../shared/contract/printing';
import { toStoreError } from './storeError';

interface JobRow {
  id: number;
  kind: PrintJobKind;
  local_id: string;
  invoice_number: string;
  drawer: number;
  state: PrintJobState;
  attempts: number;
  last_error: string | null;
  last_error_code: string | null;
  created_at: number;
}

/** A job as the print service works on it. */
export interface StoredPrintJob extends PrintJob {
  readonly localId: string;
  readonly drawer: boolean;
}

const toJob = (row: JobRow): StoredPrintJob => ({
  id: row.id,
  kind: row.kind,
  localId: row.local_id,
  invoiceNumber: row.invoice_number,
  drawer: row.drawer === 1,
  state: row.state,
  attempts: row.attempts,
  lastError: row.last_error,
  lastErrorCode: row.last_error_code,
  createdAt: new Date(row.created_at).toISOString(),
});

/** Printed jobs are kept a week (enough to answer "did it print?"), then removed. */
const PRINTED_KEPT_MS = 7 * 24 * 3_600_000;

export class PrintJobStore {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      insert: db.prepare<[PrintJobKind, string, string, number, number, number]>(
        `INSERT INTO print_job (kind, local_id, invoice_number, drawer, state, created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)`,
      ),
      get: db.prepare<[number], JobRow>('SELECT * FROM print_job WHERE id = ?'),
      claim: db.prepare<[number, number]>(`UPDATE print_job SET state = 'printing', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'pending'`),
      printed: db.prepare<[number, number]>(`UPDATE print_job SET state = 'printed', last_error = NULL, last_error_code = NULL, updated_at = ? WHERE id = ? AND state = 'printing'`),
      // A failed attempt does not open the drawer again on retry: the cashier has dealt with the cash by then.
      failed: db.prepare<[string, string, number, number]>(
        `UPDATE print_job SET state = 'failed', drawer = 0, last_error = ?, last_error_code = ?, updated_at = ? WHERE id = ? AND state = 'printing'`,
      ),
      retry: db.prepare<[number, number]>(`UPDATE print_job SET state = 'pending', updated_at = ? WHERE id = ? AND state = 'failed'`),
      dismiss: db.prepare<[number, number]>(`UPDATE print_job SET state = 'printed', last_error = 'Dismissed', updated_at = ? WHERE id = ? AND state = 'failed'`),
      open: db.prepare<[], JobRow>(`SELECT * FROM print_job WHERE state IN ('pending', 'printing', 'failed') ORDER BY id DESC LIMIT 50`),
      pending: db.prepare<[], JobRow>(`SELECT * FROM print_job WHERE state = 'pending' ORDER BY id`),
      failedCount: db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM print_job WHERE state = 'failed'`),
      interrupted: db.prepare<[string, number]>(
        `UPDATE print_job SET state = 'failed', drawer = 0, last_error = ?, last_error_code = 'printer_io', updated_at = ? WHERE state IN ('pending', 'printing')`,
      ),
      prune: db.prepare<[number]>(`DELETE FROM print_job WHERE state = 'printed' AND updated_at < ?`),
    };
  }

  private run<T>(what: string, action: () => T): T {
    try {
      return action();
    } catch (error) {
      throw toStoreError(error, what);
    }
  }

  add(job: { readonly kind: PrintJobKind; readonly localId: string; readonly invoiceNumber: string; readonly drawer: boolean }, nowMs: number): StoredPrintJob {
    return this.run('queueing a print job', () => {
      this.stmt.prune.run(nowMs - PRINTED_KEPT_MS);
      const { lastInsertRowid } = this.stmt.insert.run(job.kind, job.localId, job.invoiceNumber, job.drawer ? 1 : 0, nowMs, nowMs);
      return this.mustGet(Number(lastInsertRowid));
    });
  }

  get(id: number): StoredPrintJob | null {
    const row = this.stmt.get.get(id);
    return row ? toJob(row) : null;
  }

  private mustGet(id: number): StoredPrintJob {
    const job = this.get(id);
    if (!job) throw new Error(`print job ${id} vanished`);
    return job;
  }

  /** Claims a pending job for printing; false when another claim (or a dismissal) got there first. */
  claim(id: number, nowMs: number): boolean {
    return this.run('starting a print job', () => this.stmt.claim.run(nowMs, id).changes === 1);
  }

  markPrinted(id: number, nowMs: number): void {
    this.run('recording a printed job', () => this.stmt.printed.run(nowMs, id));
  }

  markFailed(id: number, message: string, code: string, nowMs: number): void {
    this.run('recording a failed print', () => this.stmt.failed.run(message, code, nowMs, id));
  }

  /** failed → pending; false when the job is not failed (already retried, printing or printed). */
  retry(id: number, nowMs: number): boolean {
    return this.run('retrying a print job', () => this.stmt.retry.run(nowMs, id).changes === 1);
  }

  dismiss(id: number, nowMs: number): boolean {
    return this.run('dismissing a print job', () => this.stmt.dismiss.run(nowMs, id).changes === 1);
  }

  /** Jobs not yet printed (failed ones wait for the cashier), newest first. */
  open(): StoredPrintJob[] {
    return this.stmt.open.all().map(toJob);
  }

  pending(): StoredPrintJob[] {
    return this.stmt.pending.all().map(toJob);
  }

  failedCount(): number {
    return this.stmt.failedCount.get()?.n ?? 0;
  }

  /**
   * At start: a job left pending or printing when the app stopped may or may not have printed, so it
   * waits for the cashier (retry or dismiss) instead of printing a receipt nobody asked for now.
   */
  failInterrupted(nowMs: number): number {
    return this.run('checking the print queue', () =>
      this.stmt.interrupted.run('The app closed before this printed; check the printer, then retry or dismiss', nowMs).changes,
    );
  }
}
