/**
 * The file logger on a real full disk (a 4 MB tmpfs, Linux as root; elsewhere skipped and says why):
 * no write ever throws, nothing is torn, and the first line written once space is back says what
 * was lost meanwhile. Plus: an entry never glues onto a line an earlier run left cut short.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger, type FileLogger } from '../../../main/logging/logger';
import { listLogFiles } from '../../../main/logging/rollingFileSink';
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../storage/smallDisk';

const ROTATION = { maxFileBytes: 256 * 1024, keepFiles: 3 };
const ENTRY = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z (INFO|WARN|ERROR) /;
const unavailable = smallDiskUnavailable();
let logger: FileLogger | null = null;
let disk: SmallDisk | null = null;
let dir = '';

afterEach(async () => {
  await logger?.close();
  logger = null;
  disk?.unmount();
  disk = null;
  if (dir && fs.existsSync(dir)) fs.rmSync(dir, { recursive: true, force: true });
});

function lines(): string[] {
  return listLogFiles(dir).flatMap((file) => fs.readFileSync(file, 'utf8').split('\n').filter((line) => line !== ''));
}

it('starts a new line after one an earlier run left cut short', async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-torn-log-'));
  fs.writeFileSync(path.join(dir, 'app.1.log'), '2026-12-06T10:00:00.000Z INFO a whole line\n2026-12-06T10:00:01.000Z ERROR cut sh');
  logger = await createFileLogger(dir, ROTATION, false);
  logger.info('the next entry');
  expect(lines().at(-2)).toBe('2026-12-06T10:00:01.000Z ERROR cut sh');
  expect(lines().at(-1)).toMatch(/^\S+ INFO the next entry$/);
});

describe.skipIf(unavailable !== null)(`on a full disk${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('never throws, drops and counts what does not fit, and reports it once space is back', async () => {
    // Room for the 1 MB the sink keeps in memory while writes fail, once the junk is gone.
    disk = mountSmallDisk(4 * 1024 * 1024);
    dir = path.join(disk.root, 'logs');
    fs.mkdirSync(dir);
    logger = await createFileLogger(dir, ROTATION, false);
    logger.info('before the disk filled');
    disk.fill();
    const big = 'x'.repeat(4_000);
    for (let i = 0; i < 400; i++) expect(() => logger?.error(`while full ${i} ${big}`)).not.toThrow();
    const full = logger.stats();
    expect(full.failing).toBe(true);
    expect(full.lastError).toBe('ENOSPC');
    expect(full.dropped).toBeGreaterThan(0);

    disk.free();
    logger.info('space is back');
    const written = lines();
    expect(written.filter((line) => !ENTRY.test(line))).toEqual([]);
    const report = written.find((line) => line.includes('Log: writing works again'));
    expect(report).toContain(`${full.dropped} lines were dropped`);
    expect(report).toContain('(last: ENOSPC)');
    expect(written.at(-1)).toBe(report);
    // Kept in memory while full, written in order once there was room.
    expect(written.some((line) => line.includes('while full 0 '))).toBe(true);
    expect(logger.stats().failing).toBe(false);
  });
});
