/**
 * The log file destination: pino-roll's SonicBoom stream, rotated by size, behind a `write(line)`
 * that never throws. Writes are synchronous (`sync: true`) so a crash cannot lose the last lines;
 * pino-roll still rotates in that mode: SonicBoom emits 'write' after each fs.writeSync and a
 * 'drain' on the next tick, on which pino-roll reopens the next numbered file. So a file can
 * overshoot its limit by what one tick writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import pinoRoll from 'pino-roll';
import type { LogRotation } from '../config';
import { errorCode } from '../errorCode';
import { PRIVATE_FILE_MODE } from '../dataFolder/privateFiles';

/** pino-roll numbers the base name: `app.1.log`, `app.2.log`, … (the highest is the newest). */
const BASE_NAME = 'app';
const EXTENSION = '.log';
const LOG_FILE = /^app\.(\d+)\.log$/;
/** Kept in memory while writes fail (disk full) and retried with the next line; beyond it lines are dropped. */
const FAILING_BUFFER_BYTES = 1024 * 1024;

export interface LogSinkStats {
  /** Lines given up on: the buffer was full while writes failed, or the sink was already closed. */
  readonly dropped: number;
  /** Failed writes, rotations or clean-ups (ENOSPC, EACCES, …); the line stays buffered for a retry. */
  readonly errors: number;
  readonly lastError: string | null;
  /** The last write failed and nothing has been written since (the disk is still full). */
  readonly failing: boolean;
}

export interface RollingFileSink {
  /** Appends one line (a newline is added); never throws. */
  write(line: string): void;
  stats(): LogSinkStats;
  /** Writes what is buffered if it can, then closes the file; later lines are dropped and counted. */
  close(): Promise<void>;
}

function describeError(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : String(error));
}

/** The log files in `dir`, oldest first. */
export function listLogFiles(dir: string): string[] {
  const numbered = fs.existsSync(dir)
    ? fs.readdirSync(dir).flatMap((name) => {
        const match = LOG_FILE.exec(name);
        return match ? [{ name, number: Number(match[1]) }] : [];
      })
    : [];
  return numbered.sort((a, b) => a.number - b.number).map((entry) => path.join(dir, entry.name));
}

/**
 * Whether `file` ends in the middle of a line: a write cut short when the disk filled up and the
 * process ended before the rest could follow.
 */
function endsTorn(file: string | undefined): boolean {
  if (file === undefined) return false;
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    fs.readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } catch {
    // Unreadable: pino-roll's own open reports what is wrong with it.
    return false;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Opens (or continues) the newest log file in `dir`, which must exist; rejects when it cannot be opened. */
export async function openRollingFileSink(dir: string, rotation: LogRotation): Promise<RollingFileSink> {
  const torn = endsTorn(listLogFiles(dir).at(-1));
  const stream = await pinoRoll({
    file: path.join(dir, `${BASE_NAME}${EXTENSION}`),
    size: `${rotation.maxFileBytes}b`,
    // removeOtherLogFiles: also counts files from earlier runs, so the total stays bounded across restarts.
    limit: { count: rotation.keepFiles, removeOtherLogFiles: true },
    sync: true,
    mode: PRIVATE_FILE_MODE,
    maxLength: FAILING_BUFFER_BYTES,
  });
  let dropped = 0;
  let errors = 0;
  let lastError: string | null = null;
  let failing = false;
  // Deliberately absorbed and counted: a log write must never crash a sale. Without this listener
  // an 'error' event (disk full, folder removed, failed clean-up) would be thrown as uncaught.
  stream.on('error', (error: unknown) => {
    errors++;
    failing = true;
    lastError = describeError(error);
  });
  stream.on('write', () => void (failing = false));
  stream.on('drop', () => void dropped++);
  // The next entry starts on a line of its own, never glued onto the torn one.
  if (torn) stream.write('\n');

  return {
    write(line) {
      try {
        stream.write(`${line}\n`);
      } catch (error) {
        // Only after close (SonicBoom throws "destroyed"); the line is counted, not thrown.
        dropped++;
        lastError = describeError(error);
      }
    },
    stats: () => ({ dropped, errors, lastError, failing }),
    close() {
      if (stream.destroyed) return Promise.resolve();
      return new Promise<void>((resolve) => {
        // 'error' too: when closing the file fails, SonicBoom emits that instead of 'close'.
        stream.once('close', () => resolve());
        stream.once('error', () => resolve());
        stream.end();
        // end() waits for the buffer to be written; if that write failed, give up on it.
        if (!stream.destroyed) stream.destroy();
      });
    },
  };
}
