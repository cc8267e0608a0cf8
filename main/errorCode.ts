/** The `code` a Node system error (ENOENT, EACCES…) or a SQLite error (SQLITE_FULL…) carries, null when it has none. */
export function errorCode(error: unknown): string | null {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : null;
}
