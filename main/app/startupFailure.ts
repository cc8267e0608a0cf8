/**
 * Turns what stopped the app at start into an exit code and a message a store manager can act on.
 * Pure: both hosts (electronMain's catch, the browser host CLI) print or show what this returns.
 */
import { DataFolderError } from '../dataFolder/dataFolderError';
import { EXIT_CODES, type ExitCode } from './exitCodes';

export interface StartupFailure {
  readonly code: ExitCode;
  readonly message: string;
}

export type StartupHost = 'electron' | 'browser';

export const ALREADY_RUNNING_MESSAGE =
  'DealPOS Counter is already running for this user; its window was brought to the front. Use that window, or close it before starting again.';

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'this user may not write there',
  EPERM: 'this user may not write there',
  EROFS: 'it is on a read-only drive',
  ENOSPC: 'the disk is full',
  ENOTDIR: 'part of its path is a file, not a folder',
  EEXIST: 'a file with that name is in the way',
};

function dataFolderMessage(error: DataFolderError, host: StartupHost): string {
  const why = (error.reason && REASONS[error.reason]) ?? 'it cannot be created or written';
  const fix =
    host === 'electron'
      ? 'Make sure the signed-in user owns that folder and can write to it and that the disk has free space, then start DealPOS Counter again.'
      : 'Choose a folder this user can write to with --data-dir <folder>, or fix the permissions of this one, then start again.';
  return (
    `DealPOS Counter cannot start: its data folder ${error.folder} is not writable (${error.reason ?? 'unknown error'}: ${why}). ` +
    `The database, settings and logs are kept there. ${fix} Sales already saved are not changed.`
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function classifyStartupError(error: unknown, host: StartupHost): StartupFailure {
  if (error instanceof DataFolderError) return { code: EXIT_CODES.dataFolderUnwritable, message: dataFolderMessage(error, host) };
  return { code: EXIT_CODES.unexpected, message: `DealPOS Counter failed to start: ${describe(error)}` };
}
