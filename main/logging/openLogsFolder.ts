import type { LogsFolderResult } from '../../shared/contract/app';

/**
 * The `app.openLogsFolder` handler. The folder is main's own, never taken from the renderer, so
 * the renderer cannot make the OS open anything else.
 */
export function createOpenLogsFolder(
  logsDir: string,
  openFolder: ((folder: string) => Promise<string>) | null,
): () => Promise<LogsFolderResult> {
  return async () => {
    if (openFolder === null) return { path: logsDir, opened: false, error: null };
    const error = await openFolder(logsDir);
    return error === '' ? { path: logsDir, opened: true, error: null } : { path: logsDir, opened: false, error };
  };
}
