/**
 * The one open sale draft per database (migration 004). Every write is one short transaction.
 * Draft edits commit with relaxed durability: a crash of the app keeps them (the WAL is written
 * before the call answers), only a power cut may lose the last scan — which the cashier sees on the
 * restored cart. Recording the sale itself always commits with FULL sync (see OutboxStore).
 */
import type Database from 'better-sqlite3';
import { draftSchema, type Draft } from '../sale/draft';
import { withRelaxedDurability } from './database';
import { toStoreError } from './storeError';
import { mainWrite } from '../workers/writeGate';
import { ServiceError } from '../../shared/errors';

export class DraftStore {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      open: db.prepare<[], { body_json: string }>(`SELECT body_json FROM sale_draft WHERE state = 'open'`),
      insert: db.prepare<[string, string, number, number]>(
        `INSERT INTO sale_draft (id, state, body_json, created_at_ms, updated_at_ms) VALUES (?, 'open', ?, ?, ?)`,
      ),
      update: db.prepare<[string, number, string]>(`UPDATE sale_draft SET body_json = ?, updated_at_ms = ? WHERE id = ?`),
      remove: db.prepare<[string]>(`DELETE FROM sale_draft WHERE id = ?`),
    };
  }

  /** The open draft, or null when there is none yet. A damaged row fails loudly (it is a cashier's sale). */
  open(): Draft | null {
    const row = this.stmt.open.get();
    if (!row) return null;
    const parsed = draftSchema.safeParse(JSON.parse(row.body_json));
    if (!parsed.success) throw new ServiceError('storage', 'The sale in progress could not be read back from the local database');
    return parsed.data;
  }

  create(draft: Draft, nowMs: number): void {
    this.write('starting a sale', () => this.stmt.insert.run(draft.id, JSON.stringify(draft), nowMs, nowMs));
  }

  save(draft: Draft, nowMs: number): void {
    this.write('saving the sale in progress', () => {
      const { changes } = this.stmt.update.run(JSON.stringify(draft), nowMs, draft.id);
      if (changes !== 1) throw new ServiceError('conflict', 'The sale in progress changed meanwhile; the checkout shows the current one');
    });
  }

  /** Replaces `closing` by `next` in one transaction; `alsoInTransaction` runs first (recording the sale). */
  replace(closing: string, next: Draft, nowMs: number, alsoInTransaction: () => void = () => undefined): void {
    const run = this.db.transaction(() => {
      alsoInTransaction();
      this.stmt.remove.run(closing);
      this.stmt.insert.run(next.id, JSON.stringify(next), nowMs, nowMs);
    });
    try {
      mainWrite(this.db, () => run.immediate());
    } catch (error) {
      throw toStoreError(error, 'closing the sale');
    }
  }

  private write(doing: string, work: () => void): void {
    try {
      mainWrite(this.db, () => withRelaxedDurability(this.db, work));
    } catch (error) {
      throw toStoreError(error, doing);
    }
  }
}
