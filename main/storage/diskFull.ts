import { ServiceError } from '../../shared/errors';
import { errorCode } from '../errorCode';

/** Codes that say the disk (not the database, not permissions) ran out of space. */
const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

/**
 * Whether `error` (or what caused it) is the disk being full: a `storage_full` service error, SQLite's
 * SQLITE_FULL, or the OS's ENOSPC / EDQUOT (quota).
 */
export function isDiskFull(error: unknown): boolean {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    if (current instanceof ServiceError && current.code === 'storage_full') return true;
    const code = errorCode(current);
    if (code !== null && FULL_CODES.has(code)) return true;
    current = current instanceof Error ? current.cause : undefined;
  }
  return false;
}
