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

/** Opens (or continues) the newest log file in `dir`, which must exist; rejects when it cannot be opened. */
export async function openRollingFileSink(dir: string, rotation: LogRotation): Promise<RollingFileSink> {
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
  // Deliberately absorbed and counted: a log write must never crash a sale. Without this listener
  // an 'error' event (disk full, folder removed, failed clean-up) would be thrown as uncaught.
  stream.on('error', (error: unknown) => {
    errors++;
    lastError = describeError(error);
  });
  stream.on('drop', () => void dropped++);

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
    stats: () => ({ dropped, errors, lastError }),
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
