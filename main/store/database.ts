/**
 * Opens one SQLite file with the settings every store relies on (WAL, FULL sync for the outbox,
 * foreign keys, busy timeout), checks it is not damaged, and brings its schema up to date.
 * A damaged file is moved aside — never deleted: it may hold invoices that never reached DealPOS.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile, ensurePrivateDir } from '../dataFolder/privateFiles';
import type { Logger } from '../logging/logger';
import { MIGRATIONS, type Migration } from './migrations';
import { sqliteCode, StoreError } from './storeError';

/** The live installation's file; demo mode uses its own file so demo sales never meet a real account. */
export const LIVE_DB_FILE = 'dealpos-counter.db';
export const DEMO_DB_FILE = 'demo.db';
export const BACKUP_DIR = 'backups';
const BUSY_TIMEOUT_MS = 5000;
/**
 * SQLite's own page cache per connection, in KiB (negative in the pragma). better-sqlite3 builds
 * SQLite with 16 MB, which a connection fills as the file grows and keeps for the day: the host's
 * memory climbed with every queued sale (issue 20). 4 MB holds the B-tree's upper pages and the
 * hot rows; the rest is the OS's file cache, shared and given back when the machine needs it.
 */
export const PAGE_CACHE_KIB = 4_000;
const DEFAULT_KEEP_BACKUPS = 5;

/**
 * What a file holds, which decides how it is kept. `sales`: the app database (sales, outbox, shifts,
 * settings), FULL sync and a backup before each migration, a damaged file kept for support.
 * `catalog`: the catalog cache (catalogDatabase.ts), which DealPOS can always send again.
 */
export type DatabaseContents = 'sales' | 'catalog';

export interface OpenDatabaseOptions {
  /** Absolute path of the database file; its folder is created if missing. */
  readonly file: string;
  /** Defaults to `sales`. */
  readonly contents?: DatabaseContents;
  readonly migrations?: readonly Migration[];
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** How many pre-migration backups to keep per database file. */
  readonly keepBackups?: number;
}

export interface DamagedDatabase {
  readonly movedTo: string;
  readonly reason: string;
  /** Ready to show to the manager: where the old file is and why it matters. */
  readonly message: string;
}

export interface OpenedDatabase {
  readonly db: Database.Database;
  readonly file: string;
  /** Set when the file was damaged and replaced by a new, empty one. */
  readonly damaged: DamagedDatabase | null;
  /** Copy taken before migrating an existing file, null when nothing was migrated. */
  readonly backupFile: string | null;
  readonly schemaVersion: number;
  /**
   * Opened on a disk too full for SQLite's shared-memory file: this connection holds the file alone
   * (main's reads and writes work; the bulk writer's connection waits) until `share()`.
   */
  readonly exclusive: boolean;
  /** Back to normal locking once there is space again; returns whether it changed anything. */
  share(): boolean;
  close(): void;
}

/**
 * SQLite could not make room for the WAL index (the -shm file) or a page: the disk is full. Such a
 * file is opened in exclusive locking mode, which keeps the WAL index in memory instead.
 */
const NO_ROOM_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', 'SQLITE_IOERR_SHMOPEN', 'SQLITE_IOERR_SHMMAP']);
const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX']);

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Throws when the registry is not exactly versions 1, 2, 3, … in order (e.g. two helpers picked the same number). */
export function checkRegistry(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new StoreError(
        'storage',
        `Migration registry is out of order: position ${index + 1} holds version ${migration.version} (${migration.name})`,
      );
    }
  });
}

/** Runs quick_check on an open handle; returns a reason when the file is damaged, null when it is fine. */
function damageReason(db: Database.Database): string | null {
  try {
    const rows = db.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>;
    const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
    return problems.length === 0 ? null : `integrity check failed: ${problems.slice(0, 3).join('; ')}`;
  } catch (error) {
    const code = sqliteCode(error);
    if (code !== null && DAMAGE_CODES.has(code)) return `SQLite reports ${code}`;
    throw error;
  }
}

function moveAside(file: string, now: Date): string {
  const ext = path.extname(file);
  const movedTo = path.join(path.dirname(file), `${path.basename(file, ext)}.damaged-${timestamp(now)}${ext}`);
  fs.renameSync(file, movedTo);
  // The WAL may hold the newest committed rows (e.g. the last sales); keep it next to its file.
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, movedTo + suffix);
  }
  return movedTo;
}

/** The connection settings every handle on a database uses, main's and the bulk writer's. */
export function configure(db: Database.Database, contents: DatabaseContents = 'sales'): void {
  db.pragma('journal_mode = WAL');
  // FULL: a completed sale must survive a power cut the moment checkout says "done". NORMAL for the
  // catalog: a power cut may lose its last commits, which the sync cursor (in the same file) then
  // does not count either, so they are fetched again.
  db.pragma(`synchronous = ${contents === 'sales' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
}

/**
 * Checks an existing file through a read-only handle first: closing a read-write handle could
 * checkpoint or delete the WAL, and the WAL of a damaged file may hold the newest sales.
 */
function probe(file: string): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return damageReason(db);
  } catch (error) {
    const code = sqliteCode(error);
    if (code !== null && DAMAGE_CODES.has(code)) return `SQLite reports ${code}`;
    // No room to check it (disk full): the file is opened as it is, and checked at the next start.
    if (code !== null && NO_ROOM_CODES.has(code)) return null;
    throw new StoreError('storage', `Cannot open the local database ${file} (${code ?? String(error)})`, error);
  } finally {
    db?.close();
  }
}

/** Customer details live here: a new file starts 0600, and SQLite gives its -wal and -shm the same mode. */
function openPrivate(file: string): Database.Database {
  createPrivateFile(file);
  return new Database(file);
}

function damagedMessage(contents: DatabaseContents, reason: string, movedTo: string): string {
  if (contents === 'catalog') {
    return `The local catalog cache was damaged (${reason}) and has been moved to ${movedTo}. The catalog is fetched again from DealPOS; the old file holds no sales and can be deleted.`;
  }
  return (
    `The local database was damaged (${reason}) and has been moved to ${movedTo}. ` +
    'The app started with a new, empty database. Invoices that had not yet been synced to DealPOS may ' +
    'still be in the old file: keep it and contact support before deleting it.'
  );
}

function openChecked(
  file: string,
  contents: DatabaseContents,
  now: Date,
  logger: Logger | undefined,
): { db: Database.Database; damaged: DamagedDatabase | null } {
  const reason = fs.existsSync(file) ? probe(file) : null;
  if (reason === null) return { db: openPrivate(file), damaged: null };
  const movedTo = moveAside(file, now);
  const message = damagedMessage(contents, reason, movedTo);
  logger?.error(message);
  return { db: openPrivate(file), damaged: { movedTo, reason, message } };
}

function pruneBackups(dir: string, prefix: string, keep: number): void {
  const backups = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(prefix))
    .sort();
  for (const name of backups.slice(0, Math.max(0, backups.length - keep))) fs.rmSync(path.join(dir, name), { force: true });
}

function migrate(
  db: Database.Database,
  file: string,
  migrations: readonly Migration[],
  now: Date,
  keepBackups: number | null,
  logger: Logger | undefined,
): { backupFile: string | null; version: number } {
  checkRegistry(migrations);
  const latest = migrations.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new StoreError(
      'storage',
      `The local database ${file} was written by a newer version of DealPOS Counter (schema ${current}, this version knows ${latest}); update the app`,
    );
  }
  if (current === latest) return { backupFile: null, version: current };

  let backupFile: string | null = null;
  if (current > 0 && keepBackups !== null) {
    const dir = path.join(path.dirname(file), BACKUP_DIR);
    ensurePrivateDir(dir);
    const base = path.basename(file, path.extname(file));
    backupFile = path.join(dir, `${base}.v${current}.${timestamp(now)}.db`);
    // VACUUM INTO writes a consistent, compact copy including what is still in the WAL; it accepts
    // an existing empty target, so the copy is private from its first byte.
    createPrivateFile(backupFile);
    db.prepare('VACUUM INTO ?').run(backupFile);
    pruneBackups(dir, `${base}.v`, keepBackups);
    logger?.info(`Backed up ${file} (schema ${current}) to ${backupFile} before migrating`);
  }
  for (const migration of migrations.slice(current)) {
    try {
      db.transaction(() => {
        migration.up(db, logger ? { logger } : {});
        db.pragma(`user_version = ${migration.version}`);
      })();
    } catch (error) {
      throw new StoreError(
        'storage',
        `Migration ${migration.version} (${migration.name}) failed; the database was left at schema ${migration.version - 1}` +
          (backupFile ? ` and a backup is at ${backupFile}` : ''),
        error,
      );
    }
    logger?.info(`Migrated ${path.basename(file)} to schema ${migration.version}: ${migration.name}`);
  }
  giveBackDroppedSpace(db, file, logger);
  return { backupFile, version: latest };
}

/**
 * A migration that dropped most of the file (the catalog moving to its own file) leaves those pages
 * free inside it: copy the file compactly once, outside any transaction, so the disk gets them back.
 */
function giveBackDroppedSpace(db: Database.Database, file: string, logger: Logger | undefined): void {
  const free = db.pragma('freelist_count', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  if (free * 2 <= pages) return;
  db.exec('VACUUM');
  logger?.info(`Compacted ${path.basename(file)}: ${free} of its ${pages} pages were free after migrating`);
}

/**
 * Runs `write` with `synchronous = NORMAL` and restores FULL right after, on a FULL (sales) file. Only
 * for writes a power cut may lose (the sale in progress; DraftStore), never a completed sale. Safe on a
 * shared handle because better-sqlite3 is synchronous: no other commit can run in between, and the
 * next FULL commit syncs the whole WAL anyway.
 */
export function withRelaxedDurability<T>(db: Database.Database, write: () => T): T {
  // exec, not pragma(): pragma() prepares a statement on every call that better-sqlite3 keeps until
  // the connection closes (~2.5 KB of native memory each; two per scan added up to tens of MB a day),
  // and a statement prepared once cannot be reused — SQLite applies `synchronous` when it compiles it.
  db.exec('PRAGMA synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.exec('PRAGMA synchronous = FULL');
  }
}

/** Configures `db`; on a disk with no room for the WAL index, reopens it exclusive. Returns the handle in use. */
function configureOrExclusive(
  db: Database.Database,
  file: string,
  contents: DatabaseContents,
  logger: Logger | undefined,
): { db: Database.Database; exclusive: boolean } {
  try {
    configure(db, contents);
    return { db, exclusive: false };
  } catch (error) {
    const code = sqliteCode(error);
    if (code === null || !NO_ROOM_CODES.has(code)) throw error;
    db.close();
    const alone = new Database(file);
    try {
      // Set before the first access, so SQLite never asks for the shared-memory file.
      alone.pragma('locking_mode = EXCLUSIVE');
      configure(alone, contents);
    } catch (again) {
      alone.close();
      throw again;
    }
    logger?.warn(`The disk holding ${file} is full: opened it for this process alone until there is space again (${code})`);
    return { db: alone, exclusive: true };
  }
}

/**
 * Leaves exclusive locking: WAL off (checkpointed into the file), normal locking, WAL on again, so
 * the WAL index goes back to its shared-memory file and other connections can open the database.
 */
function leaveExclusive(db: Database.Database): void {
  db.pragma('journal_mode = DELETE');
  db.pragma('locking_mode = NORMAL');
  // Any statement releases the exclusive lock under normal locking.
  db.prepare('SELECT 1').get();
  db.pragma('journal_mode = WAL');
}

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const now = (options.now ?? (() => new Date()))();
  const contents = options.contents ?? 'sales';
  ensurePrivateDir(path.dirname(options.file));
  const checked = openChecked(options.file, contents, now, options.logger);
  const { damaged } = checked;
  let db = checked.db;
  try {
    const configured = configureOrExclusive(db, options.file, contents, options.logger);
    db = configured.db;
    let exclusive = configured.exclusive;
    const { backupFile, version } = migrate(
      db,
      options.file,
      options.migrations ?? MIGRATIONS,
      now,
      // The catalog can be fetched again: no backup before migrating it.
      contents === 'catalog' ? null : (options.keepBackups ?? DEFAULT_KEEP_BACKUPS),
      options.logger,
    );
    let closed = false;
    return {
      db,
      file: options.file,
      damaged,
      backupFile,
      schemaVersion: version,
      get exclusive() {
        return exclusive;
      },
      share() {
        if (!exclusive || closed) return false;
        leaveExclusive(db);
        exclusive = false;
        options.logger?.info(`${path.basename(options.file)} is shared again (normal locking)`);
        return true;
      },
      close() {
        if (closed) return;
        closed = true;
        db.close();
      },
    };
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError('storage', `Cannot prepare the local database ${options.file} (${sqliteCode(error) ?? String(error)})`, error);
  }
}
