/**
 * The data folder holds customer details: on POSIX it is 0700 and every database, WAL, backup,
 * damaged copy and log file in it 0600, whether created now or left looser by an earlier version.
 * Real files through the real composition root; modes read back with stat.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listLogFiles } from '../../../main/logging/rollingFileSink';
import { createServices, type Services } from '../../../main/services';
import { openDatabase } from '../../../main/store/database';
import { MIGRATIONS, type Migration } from '../../../main/store/migrations';

let root: string;
let dataDir: string;
let services: Services | null = null;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-perms-'));
  dataDir = path.join(root, 'data');
});
afterEach(async () => {
  await services?.close();
  services = null;
  fs.rmSync(root, { recursive: true, force: true });
});

const mode = (target: string): string => (fs.statSync(target).mode & 0o777).toString(8);
const start = async (): Promise<Services> => (services = await createServices({ dataDir, version: 'test', host: 'browser', logToStderr: false }));
const inData = (...parts: string[]): string => path.join(dataDir, ...parts);

// Windows has no POSIX modes: there the per-user app-data folder's ACL already keeps other users out.
describe.skipIf(process.platform === 'win32')('data folder permissions', () => {
  it('creates the folder 0700 and the database, its WAL and the log 0600', async () => {
    await start();
    expect(mode(dataDir)).toBe('700');
    expect(mode(inData('logs'))).toBe('700');
    for (const name of ['dealpos-counter.db', 'dealpos-counter.db-wal', 'dealpos-counter.db-shm']) expect(mode(inData(name)), name).toBe('600');
    const logs = listLogFiles(inData('logs'));
    expect(logs).toHaveLength(1);
    expect(mode(logs[0] ?? '')).toBe('600');
  });

  it("tightens what an earlier version left open and leaves others' files (Chromium's in userData) alone", async () => {
    await start();
    await services?.close();
    services = null;
    fs.mkdirSync(inData('backups'));
    const loose = {
      files: ['dealpos-counter.db', 'dealpos-counter.damaged-20260101T000000Z.db', 'demo.db', 'backups/dealpos-counter.v1.20260101T000000Z.db', 'logs/app.1.log'],
      dirs: ['', 'logs', 'backups'],
    };
    for (const name of loose.files) {
      fs.appendFileSync(inData(name), '');
      fs.chmodSync(inData(name), 0o644);
    }
    for (const name of loose.dirs) fs.chmodSync(inData(name), 0o755);
    fs.writeFileSync(inData('Preferences'), '{}', { mode: 0o644 });
    fs.mkdirSync(inData('Cache'), { mode: 0o755 });

    await start();
    for (const name of loose.files) expect(mode(inData(name)), name).toBe('600');
    for (const name of loose.dirs) expect(mode(inData(name)), name || 'data folder').toBe('700');
    expect(mode(inData('Preferences'))).toBe('644');
    expect(mode(inData('Cache'))).toBe('755');
  });

  it('keeps a damaged database, moved aside, as private as the new one', async () => {
    fs.mkdirSync(dataDir);
    fs.writeFileSync(inData('dealpos-counter.db'), 'this is not a SQLite file, but it may be all that is left of the sales', { mode: 0o644 });
    await start();
    const damaged = fs.readdirSync(dataDir).filter((name) => name.startsWith('dealpos-counter.damaged-'));
    expect(damaged).toHaveLength(1);
    expect(fs.readFileSync(inData(damaged[0] ?? ''), 'utf8')).toContain('may be all that is left');
    expect(mode(inData(damaged[0] ?? ''))).toBe('600');
    expect(mode(inData('dealpos-counter.db'))).toBe('600');
  });

  it('writes the pre-migration backup 0600 into a 0700 backups folder', () => {
    fs.mkdirSync(dataDir);
    const file = inData('dealpos-counter.db');
    openDatabase({ file }).close();
    const extra: Migration = { version: MIGRATIONS.length + 1, name: 'test: extra', up: (db) => db.exec('CREATE TABLE extra (id INTEGER)') };
    const migrated = openDatabase({ file, migrations: [...MIGRATIONS, extra] });
    try {
      expect(migrated.backupFile).not.toBeNull();
      expect(mode(migrated.backupFile ?? '')).toBe('600');
      expect(mode(inData('backups'))).toBe('700');
    } finally {
      migrated.close();
    }
  });
});
