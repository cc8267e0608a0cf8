/**
 * Small JSON documents in the `app_state` table (settings, connection, sync cursor, cached option
 * lists). Every read is validated: a row that no longer matches its schema reads as absent, and a
 * typed error says so in the log, rather than crashing the app on start.
 */
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Logger } from '../logging/logger';
import { toStoreError } from './storeError';

export class AppStateStore {
  private readonly selectStmt: Database.Statement<[string], { value: string }>;
  private readonly upsertStmt: Database.Statement<[string, string, string]>;
  private readonly deleteStmt: Database.Statement<[string]>;

  constructor(
    readonly db: Database.Database,
    private readonly logger?: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.selectStmt = db.prepare('SELECT value FROM app_state WHERE key = ?');
    this.upsertStmt = db.prepare(
      'INSERT INTO app_state(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    this.deleteStmt = db.prepare('DELETE FROM app_state WHERE key = ?');
  }

  get<S extends z.ZodType>(key: string, schema: S): z.output<S> | null {
    const row = this.selectStmt.get(key);
    if (!row) return null;
    let json: unknown;
    try {
      json = JSON.parse(row.value);
    } catch {
      this.logger?.warn(`Stored ${key} is not valid JSON; ignoring it`);
      return null;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      this.logger?.warn(`Stored ${key} no longer matches its schema; ignoring it`, parsed.error.issues.slice(0, 3));
      return null;
    }
    return parsed.data;
  }

  set(key: string, value: unknown): void {
    try {
      this.upsertStmt.run(key, JSON.stringify(value), this.now().toISOString());
    } catch (error) {
      throw toStoreError(error, `saving ${key}`);
    }
  }

  delete(key: string): void {
    try {
      this.deleteStmt.run(key);
    } catch (error) {
      throw toStoreError(error, `removing ${key}`);
    }
  }
}
