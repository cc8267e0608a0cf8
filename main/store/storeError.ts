import { ServiceError, type ErrorCode } from '../../shared/errors';
import { errorCode } from '../errorCode';

/** A local storage failure (disk full, damaged or newer-version file, failed migration). */
export class StoreError extends ServiceError {
  constructor(code: Extract<ErrorCode, 'storage' | 'storage_full'>, message: string, cause?: unknown) {
    super(code, message, { cause });
  }
}

/** SQLite error codes as better-sqlite3 reports them (`SqliteError.code`). */
export function sqliteCode(error: unknown): string | null {
  return errorCode(error);
}

/** The one storage_full wording: what was being written, and what to do. */
export function diskFullError(doing: string, cause: unknown): StoreError {
  return new StoreError('storage_full', `The disk is full while ${doing}; free some space and try again`, cause);
}

/** Turns a SQLite failure into a typed store error; anything that is not SQLite is passed through. */
export function toStoreError(error: unknown, doing: string): unknown {
  const code = sqliteCode(error);
  if (code === null || !code.startsWith('SQLITE_')) return error;
  if (code === 'SQLITE_FULL') return diskFullError(doing, error);
  return new StoreError('storage', `Local database failed while ${doing} (${code})`, error);
}
