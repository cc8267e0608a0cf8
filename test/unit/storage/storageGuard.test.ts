/**
 * The disk-full guard on a real folder with the free space fed in (the real small disk is in
 * test/integration/storage): when it calls the disk full, what it gives back, and when it resumes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DiskFullStatus } from '../../../shared/contract/app';
import { ServiceError } from '../../../shared/errors';
import { createLogger } from '../../../main/logging/logger';
import { isDiskFull } from '../../../main/storage/diskFull';
import { RESERVE_FILE } from '../../../main/storage/spaceReserve';
import { StorageGuard } from '../../../main/storage/storageGuard';
import { StoreError } from '../../../main/store/storeError';

const KB = 1024;
let dir: string;
let free: number;
let changes: Array<DiskFullStatus | null>;
let guard: StorageGuard;

beforeEach(() => {
  vi.useFakeTimers();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-guard-'));
  free = 10_000 * KB;
  changes = [];
  guard = new StorageGuard({
    dir,
    reserveBytes: 64 * KB,
    headroomBytes: 512 * KB,
    lowWaterBytes: 128 * KB,
    pollMs: 100,
    watchMs: 1_000,
    logger: createLogger(() => undefined),
    onChange: (full) => changes.push(full),
    freeBytes: () => free,
    now: () => new Date('2026-12-06T10:00:00.000Z'),
  });
  guard.start();
});
afterEach(() => {
  guard.close();
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

const reserve = (): number => (fs.existsSync(path.join(dir, RESERVE_FILE)) ? fs.statSync(path.join(dir, RESERVE_FILE)).size : 0);
const sqliteFull = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

describe('isDiskFull', () => {
  it.each([
    ['SQLite full', sqliteFull, true],
    ['ENOSPC', Object.assign(new Error('no space'), { code: 'ENOSPC' }), true],
    ['storage_full store error', new StoreError('storage_full', 'The disk is full while saving the sale'), true],
    ['wrapped in a service error', new ServiceError('storage', 'write failed', { cause: sqliteFull }), true],
    ['a locked database', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }), false],
    ['no permission', Object.assign(new Error('denied'), { code: 'EACCES' }), false],
    ['not an error', 'SQLITE_FULL', false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isDiskFull(error)).toBe(expected);
  });
});

describe('StorageGuard', () => {
  it('takes the reserve at start and says nothing while there is space', () => {
    expect(reserve()).toBe(64 * KB);
    expect(guard.full()).toBeNull();
    expect(changes).toEqual([]);
  });

  it('calls the disk full on a failed write, gives the reserve back, and ignores other failures', () => {
    expect(guard.noteFailure(new StoreError('storage', 'Local database failed while saving (SQLITE_IOERR)'))).toBe(false);
    expect(guard.full()).toBeNull();
    free = 0;
    expect(guard.noteFailure(sqliteFull)).toBe(true);
    expect(reserve()).toBe(0);
    expect(guard.full()).toEqual({ folder: dir, freeBytes: 0, since: '2026-12-06T10:00:00.000Z' });
    expect(changes).toHaveLength(1);
  });

  it('calls the disk full below the low-water mark before any write fails, when asked or on its own', () => {
    free = 100 * KB;
    expect(guard.full()).toMatchObject({ folder: dir, freeBytes: 100 * KB });
    expect(reserve()).toBe(0);
  });

  it('notices a disk another program filled without being asked', () => {
    free = 100 * KB;
    vi.advanceTimersByTime(999);
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(changes).toEqual([{ folder: dir, freeBytes: 100 * KB, since: '2026-12-06T10:00:00.000Z' }]);
  });

  it('follows the free space while full and resumes, reserve retaken, only with room for it and the headroom', () => {
    const recovered = vi.fn();
    guard.onRecovered(recovered);
    free = 0;
    guard.noteFailure(sqliteFull);
    free = 64 * KB + 100 * KB; // some, but not enough
    vi.advanceTimersByTime(100);
    expect(guard.full()?.freeBytes).toBe(164 * KB);
    expect(recovered).not.toHaveBeenCalled();
    free = 64 * KB + 512 * KB;
    vi.advanceTimersByTime(100);
    expect(guard.full()).toBeNull();
    expect(changes.at(-1)).toBeNull();
    expect(reserve()).toBe(64 * KB);
    expect(recovered).toHaveBeenCalledTimes(1);
  });
});
