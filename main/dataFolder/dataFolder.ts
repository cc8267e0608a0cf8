/**
 * Prepares the per-user data folder before anything opens a file in it: creates it owner-only,
 * proves it can be written (so a read-only or foreign folder fails at start with a clear message,
 * not as a SQLite error mid-sale), and takes group/other access away from what earlier versions
 * left there. Only the app's own entries are touched: in Electron the folder is `userData`, which
 * also holds Chromium's files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { logsDir } from '../config';
import { BACKUP_DIR, DEMO_DB_FILE, LIVE_DB_FILE } from '../store/database';
import { errorCode } from '../errorCode';
import { DataFolderError } from './dataFolderError';
import { ensurePrivateDir, tightenFile, tightenFolder } from './privateFiles';

/** `dealpos-counter.db`, its -wal/-shm and damaged copies (`dealpos-counter.damaged-….db`); same for demo. */
const OWN_FILE_PREFIXES = [LIVE_DB_FILE, DEMO_DB_FILE].map((file) => `${path.basename(file, path.extname(file))}.`);
const PROBE_FILE = '.write-check';

function writeProbe(dir: string): void {
  const probe = path.join(dir, PROBE_FILE);
  try {
    fs.writeFileSync(probe, '', { mode: 0o600 });
  } catch (error) {
    // Ours and writable, only full: the app starts and shows that (main/storage) instead of exiting.
    if (errorCode(error) === 'ENOSPC') return;
    throw error;
  }
  fs.rmSync(probe);
}

/** Throws `DataFolderError` naming the folder when it cannot be created, written or made private. */
export function prepareDataFolder(dataDir: string): void {
  let current = dataDir;
  try {
    ensurePrivateDir(dataDir);
    writeProbe(dataDir);
    for (const name of fs.readdirSync(dataDir)) {
      if (OWN_FILE_PREFIXES.some((prefix) => name.startsWith(prefix))) tightenFile(path.join(dataDir, name));
    }
    current = path.join(dataDir, BACKUP_DIR);
    tightenFolder(current);
    current = logsDir(dataDir);
    ensurePrivateDir(current);
    tightenFolder(current);
  } catch (error) {
    throw new DataFolderError(current, error);
  }
}
