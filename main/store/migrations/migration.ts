import type Database from 'better-sqlite3';
import type { Logger } from '../../logging/logger';

/** What a step may need besides the connection. */
export interface MigrationContext {
  readonly logger?: Logger;
}

/**
 * One schema step. `version` is the `user_version` the database has after `up` ran; versions are
 * unique and the registry (`./index.ts`) lists them in ascending order. `up` runs inside the same
 * transaction that bumps `user_version`, so a failed step leaves the file as it was.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database, context: MigrationContext): void;
}
