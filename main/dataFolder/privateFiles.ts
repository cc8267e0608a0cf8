/**
 * Owner-only permissions for everything the app keeps on disk: the database, its backups and the
 * logs hold customer details. POSIX only: on Windows the per-user app-data folder is already
 * private through its ACL, and chmod there only toggles the read-only flag.
 */
import fs from 'node:fs';
import path from 'node:path';
import { errorCode } from '../errorCode';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
const GROUP_AND_OTHER = 0o077;
const POSIX = process.platform !== 'win32';

/** Strips group and other bits from `target` (owner bits stay); symlinks and missing paths are left alone. */
function tighten(target: string, kind: 'file' | 'dir'): void {
  if (!POSIX) return;
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  const matches = kind === 'file' ? stat.isFile() : stat.isDirectory();
  if (!matches || (stat.mode & GROUP_AND_OTHER) === 0) return;
  fs.chmodSync(target, stat.mode & 0o7777 & ~GROUP_AND_OTHER);
}

export function tightenFile(file: string): void {
  tighten(file, 'file');
}

/** Creates `dir` and any missing parents as 0700, and tightens it when it already existed. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir, 'dir');
}

/**
 * Creates `file` empty and 0600 when missing. SQLite gives a database's -wal and -shm files the
 * database file's own mode, so a pre-created private file keeps all three private.
 */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  tightenFile(file);
}

/** Tightens `dir` and every file directly inside it (backups/, logs/). */
export function tightenFolder(dir: string): void {
  if (!POSIX || !fs.existsSync(dir)) return;
  tighten(dir, 'dir');
  for (const name of fs.readdirSync(dir)) tightenFile(path.join(dir, name));
}
