/**
 * A log line cannot be forged: whatever a caller, DealPOS or a device puts in a message, an error or
 * a field, one logger call writes exactly one line to the real log file and to stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFileLogger, type FileLogger } from '../../../main/logging/logger';
import { listLogFiles } from '../../../main/logging/rollingFileSink';

const FORGED = '{"level":50,"msg":"forged"}';
const FORGED_PLAIN = '2026-12-05T00:00:00.000Z ERROR forged: sale deleted';
let dir: string;
let logger: FileLogger | null = null;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-log-injection-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await logger?.close();
  logger = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

function fileLines(): string[] {
  return listLogFiles(dir)
    .flatMap((file) => fs.readFileSync(file, 'utf8').split('\n'))
    .filter((line) => line !== '');
}

function expectOneEntry(lines: readonly string[], marker: string): void {
  const entry = lines.filter((line) => line.includes(marker));
  expect(entry, lines.join('\n')).toHaveLength(1);
  for (const line of lines) {
    expect(line.trim()).not.toBe(FORGED);
    expect(line.startsWith('{')).toBe(false);
    expect(line.startsWith(FORGED_PLAIN)).toBe(false);
    // eslint-disable-next-line no-control-regex -- finding raw control characters is the point
    expect(line).not.toMatch(/[\r\u0085\u2028\u2029\u001b\u009b]/);
  }
}

describe('log line injection', () => {
  it('writes a message with a forged line and a code with CR/LF as exactly one line', async () => {
    logger = await createFileLogger(dir, { maxFileBytes: 1_000_000, keepFiles: 3 }, false);
    logger.info('before');
    logger.warn(`scan rejected: ABC\n${FORGED}`, { code: `EAN\r\n${FORGED_PLAIN}`, device: 'Zebra\u2028\u009b[2J' });
    logger.info('after');

    const lines = fileLines();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/ INFO before$/);
    expect(lines[2]).toMatch(/ INFO after$/);
    expectOneEntry(lines, 'scan rejected');
    // The text is still there for support to read, escaped.
    expect(lines[1]).toContain(`scan rejected: ABC\\u000a${FORGED}`);
    expect(lines[1]).toContain('EAN\\r\\n2026-12-05');
    expect(lines[1]).toContain('Zebra\\u2028\\u009b[2J');
  });

  it('keeps an Error with a forged line in its message, and its stack, on one line', async () => {
    logger = await createFileLogger(dir, { maxFileBytes: 1_000_000, keepFiles: 3 }, false);
    const error = new Error(`DealPOS said: bad request\r\n${FORGED_PLAIN}\n${FORGED}`);
    logger.error('Invoice send failed', error);

    const lines = fileLines();
    expect(lines).toHaveLength(1);
    expectOneEntry(lines, 'Invoice send failed');
    // Stack frames follow on the same line, separated by an escaped line break.
    expect(lines[0]).toMatch(/\\u000a {4}at /);
  });

  it('echoes the same single line to stderr', async () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
    logger = await createFileLogger(dir, { maxFileBytes: 1_000_000, keepFiles: 3 }, true);
    logger.warn(`echo test\n${FORGED}`, new Error(`boom\r\n${FORGED_PLAIN}`));

    const echoed = written.join('').split('\n').filter((line) => line !== '');
    expect(echoed).toEqual(fileLines());
    expectOneEntry(echoed, 'echo test');
  });
});
