import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRegistry, openDatabase, withRelaxedDurability, type OpenedDatabase } from '../../../main/store/database';
import { MIGRATIONS, type Migration } from '../../../main/store/migrations';
import { StoreError } from '../../../main/store/storeError';

let dir: string;
let file: string;
const opened: OpenedDatabase[] = [];
const fixedNow = () => new Date('2026-11-22T10:00:00.000Z');

function open(migrations: readonly Migration[] = MIGRATIONS): OpenedDatabase {
  const handle = openDatabase({ file, migrations, now: fixedNow });
  opened.push(handle);
  return handle;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-db-'));
  file = path.join(dir, 'dealpos-counter.db');
});
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const extra: Migration = {
  version: MIGRATIONS.length + 1,
  name: 'test: extra table',
  up: (db) => db.exec('CREATE TABLE extra (id INTEGER PRIMARY KEY)'),
};

describe('openDatabase', () => {
  it('creates a WAL database with foreign keys, busy timeout, a bounded page cache and the latest schema', () => {
    const { db, damaged, backupFile, schemaVersion } = open();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    // 4 MB, not better-sqlite3's 16 MB: a day's sales must not grow the host's memory (issue 20).
    expect(db.pragma('cache_size', { simple: true })).toBe(-4_000);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(schemaVersion).toBe(MIGRATIONS.length);
    expect(damaged).toBeNull();
    expect(backupFile).toBeNull(); // nothing to back up in a new file
  });

  it('backs up an existing database before migrating it, and not when nothing changes', () => {
    const first = open();
    first.db.prepare("INSERT INTO app_state(key, value, updated_at) VALUES ('k', '1', 'now')").run();
    first.close();

    const again = open();
    expect(again.backupFile).toBeNull();
    again.close();

    const migrated = open([...MIGRATIONS, extra]);
    expect(migrated.schemaVersion).toBe(extra.version);
    expect(migrated.backupFile).not.toBeNull();
    const backup = new Database(migrated.backupFile as string, { readonly: true });
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(backup.prepare("SELECT value FROM app_state WHERE key = 'k'").get()).toEqual({ value: '1' });
    } finally {
      backup.close();
    }
  });

  it('leaves the file at the previous schema when a migration fails', () => {
    open().close();
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'test: broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (id INTEGER)');
        db.exec('THIS IS NOT SQL');
      },
    };
    expect(() => open([...MIGRATIONS, broken])).toThrow(StoreError);
    const { db } = open();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
  });

  it('refuses a database written by a newer version without touching it', () => {
    open([...MIGRATIONS, extra]).close();
    const before = fs.readFileSync(file);
    expect(() => open()).toThrow(/newer version/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('relaxes durability only for the duration of a re-fetchable write, even when it throws', () => {
    const { db } = open();
    expect(withRelaxedDurability(db, () => db.pragma('synchronous', { simple: true }))).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(() =>
      withRelaxedDurability(db, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('refuses a registry whose versions are not 1, 2, 3, …', () => {
    expect(() => checkRegistry([...MIGRATIONS, { ...extra, version: extra.version + 1 }])).toThrow(StoreError);
    expect(() => checkRegistry([...MIGRATIONS, { ...extra, version: MIGRATIONS.length }])).toThrow(/out of order/);
  });

  it('moves a file that is not a database aside, says where, and starts clean', () => {
    fs.writeFileSync(file, Buffer.alloc(8192, 0x5a));
    fs.writeFileSync(`${file}-wal`, 'leftover wal');
    const { db, damaged } = open();
    expect(damaged).not.toBeNull();
    const movedTo = damaged?.movedTo ?? '';
    expect(path.basename(movedTo)).toBe('dealpos-counter.damaged-20261122T100000Z.db');
    expect(fs.readFileSync(movedTo).subarray(0, 4).toString()).toBe('ZZZZ');
    expect(fs.readFileSync(`${movedTo}-wal`, 'utf8')).toBe('leftover wal');
    expect(damaged?.message).toContain(movedTo);
    expect(damaged?.message).toMatch(/not yet been synced/);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });

  it('detects a damaged page with quick_check', () => {
    const { db } = open();
    const insert = db.prepare("INSERT INTO app_state(key, value, updated_at) VALUES (?, ?, 'now')");
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`key-${i}`, 'v'.repeat(200));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    opened.pop()?.close();
    const bytes = fs.readFileSync(file);
    const pageSize = 4096;
    // Scribble over a few b-tree pages in the middle of the file, keeping the header intact.
    for (let page = 5; page < 12; page++) bytes.fill(0xa5, page * pageSize, page * pageSize + 200);
    fs.writeFileSync(file, bytes);
    const reopened = open();
    expect(reopened.damaged?.reason).toMatch(/integrity check failed|SQLITE_CORRUPT/);
    expect(fs.existsSync(reopened.damaged?.movedTo ?? '')).toBe(true);
  });
});
