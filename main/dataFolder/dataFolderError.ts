import { errorCode } from '../errorCode';

/** The per-user data folder (or a folder inside it) cannot be created or written; the app cannot start. */
export class DataFolderError extends Error {
  readonly code = 'data_folder_unwritable';
  /** The OS error code (EACCES, EROFS, ENOTDIR, ENOSPC…), null when unknown. */
  readonly reason: string | null;

  constructor(
    readonly folder: string,
    readonly causedBy: unknown,
  ) {
    const reason = errorCode(causedBy);
    super(`Cannot write to the data folder ${folder}${reason ? ` (${reason})` : ''}`, { cause: causedBy });
    this.name = 'DataFolderError';
    this.reason = reason;
  }
}
