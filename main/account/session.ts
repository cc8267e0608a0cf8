import type Database from 'better-sqlite3';
import type { AppMode } from '../../shared/contract/app';
import type { DealPosClient } from '../dealpos/dealPosClient';
import type { RequestBudget } from '../dealpos/requestBudget';
import type { AppStateStore } from '../store/appStateStore';
import type { CatalogStore } from '../store/catalogStore';
import type { OpenedDatabase } from '../store/database';
import type { SettingsStore } from '../store/settingsStore';

/**
 * Everything tied to one mode and one database file (with its catalog file). Live and setup use
 * `dealpos-counter.db`, demo uses `demo.db`; a mode change ends the session (stopping its workers,
 * closing its files) and starts a new one, so nothing from the demo store can ever be sent with a
 * live client.
 */
export interface Session {
  /** Rises with every new session; lets workers notice they belong to an old one. */
  readonly id: number;
  readonly mode: AppMode;
  readonly database: OpenedDatabase;
  readonly db: Database.Database;
  readonly state: AppStateStore;
  readonly settings: SettingsStore;
  /** The catalog cache's own file beside `database` (main/store/catalogDatabase.ts). */
  readonly catalogDatabase: OpenedDatabase;
  readonly catalog: CatalogStore;
  /** `app_state` of the catalog file: the catalog sync's cursor, committed with the rows it counts. */
  readonly catalogState: AppStateStore;
  /** Null in setup mode. */
  readonly client: DealPosClient | null;
  /** The one request budget of this account (null in setup mode). */
  readonly budget: RequestBudget | null;
  readonly account: { readonly subdomain: string; readonly clientId: string } | null;
}

/** Stops what a starter started; awaited before the session's database closes. */
export type SessionStop = () => void | Promise<void>;
/** Called for the current session and every later one. */
export type SessionStarter = (session: Session) => SessionStop | undefined;
