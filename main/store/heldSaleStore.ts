/**
 * Parked sales (migration 008). Parking and resuming each swap the open draft in one transaction
 * (DraftStore.replace), and the writes here run inside it: a sale is always either open or held,
 * never both and never neither, whatever moment the app is killed at.
 */
import type Database from 'better-sqlite3';
import { ServiceError } from '../../shared/errors';
import { draftSchema, type Draft } from '../sale/draft';

export interface HeldSaleRow {
  readonly draft: Draft;
  readonly note: string;
  readonly cashier: string | null;
  readonly total: number;
  readonly heldAtMs: number;
}

interface StoredRow {
  id: string;
  body_json: string;
  note: string;
  cashier: string | null;
  total: number;
  held_at_ms: number;
}

export class HeldSaleStore {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      insert: db.prepare<[string, string, string, string | null, number, number, number]>(
        `INSERT INTO held_sale (id, body_json, note, cashier, total, line_count, held_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      get: db.prepare<[string], StoredRow>(`SELECT id, body_json, note, cashier, total, held_at_ms FROM held_sale WHERE id = ?`),
      remove: db.prepare<[string]>(`DELETE FROM held_sale WHERE id = ?`),
      list: db.prepare<[], StoredRow>(`SELECT id, body_json, note, cashier, total, held_at_ms FROM held_sale ORDER BY held_at_ms, id`),
    };
  }

  /** Inside the parking transaction. */
  insert(row: HeldSaleRow): void {
    this.stmt.insert.run(row.draft.id, JSON.stringify(row.draft), row.note, row.cashier, row.total, row.draft.lines.length, row.heldAtMs);
  }

  /** Removes a held sale inside the resuming transaction; false when another screen resumed it first. */
  take(id: string): boolean {
    return this.stmt.remove.run(id).changes === 1;
  }

  get(id: string): HeldSaleRow | null {
    const row = this.stmt.get.get(id);
    return row ? toRow(row) : null;
  }

  /** Oldest first: the customer who has waited longest is at the top. */
  list(): HeldSaleRow[] {
    return this.stmt.list.all().map(toRow);
  }
}

/** A held sale is a cashier's customer: a damaged row fails loudly instead of vanishing from the list. */
function toRow(row: StoredRow): HeldSaleRow {
  const parsed = draftSchema.safeParse(JSON.parse(row.body_json));
  if (!parsed.success) throw new ServiceError('storage', `Held sale ${row.id} could not be read back from the local database`);
  return { draft: parsed.data, note: row.note, cashier: row.cashier, total: row.total, heldAtMs: row.held_at_ms };
}
