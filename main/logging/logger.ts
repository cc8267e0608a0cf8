import { escapeForLog } from '../../shared/text/text';
import type { LogRotation } from '../config';
import { openRollingFileSink, type LogSinkStats } from './rollingFileSink';

/**
 * Minimal structured logger. Call sites must never pass secrets or tokens; `redact` is a second line
 * of defence that masks anything registered as secret before a line is written.
 */
export interface Logger {
  info(message: string, context?: unknown): void;
  warn(message: string, context?: unknown): void;
  error(message: string, context?: unknown): void;
  /** Registers a value (client secret, access token) that must never appear in output. */
  addSecret(value: string): void;
}

export type LogSink = (line: string) => void;

function describe(context: unknown): string {
  if (context === undefined) return '';
  // The stack's line breaks are escaped with the rest of the line (write): it stays one entry.
  if (context instanceof Error) return ` ${context.name}: ${context.message}${context.stack ? `\n${context.stack}` : ''}`;
  try {
    return ` ${JSON.stringify(context)}`;
  } catch {
    return ` ${String(context)}`;
  }
}

export function createLogger(sink: LogSink = (line) => process.stderr.write(`${line}\n`)): Logger {
  const secrets = new Set<string>();
  const redact = (text: string): string => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join('[redacted]');
    return out;
  };
  const write = (level: string, message: string, context: unknown): void => {
    // One call, one line, in the file and on stderr alike: the message, an Error's message and stack
    // and any string field go through escapeForLog, so text from a caller, DealPOS or a device can
    // never start a forged line or steer a terminal. Redacted first, so a secret is matched as given.
    sink(escapeForLog(redact(`${new Date().toISOString()} ${level} ${message}${describe(context)}`)));
  };
  return {
    info: (message, context) => write('INFO', message, context),
    warn: (message, context) => write('WARN', message, context),
    error: (message, context) => write('ERROR', message, context),
    addSecret: (value) => {
      if (value.length >= 4) secrets.add(value);
    },
  };
}

export interface FileLogger extends Logger {
  /** What the file sink could not write; logging never throws, so this is where losses show. */
  stats(): LogSinkStats;
  close(): Promise<void>;
}

/**
 * Writes to rotating files in `dir` (synchronously: a crash must not lose the last lines) and
 * echoes to stderr. Rejects only when the first file cannot be opened. Lines the file could not
 * take (disk full) are counted, and the first line written once it takes them again says how many.
 */
export async function createFileLogger(dir: string, rotation: LogRotation, echo = true): Promise<FileLogger> {
  const sink = await openRollingFileSink(dir, rotation);
  let reported = sink.stats();
  const logger = createLogger((line) => {
    const before = sink.stats().dropped;
    sink.write(line);
    if (echo) process.stderr.write(`${line}\n`);
    const now = sink.stats();
    // Reported when this line got through (after close every line is dropped: nothing to report to).
    if (now.failing || now.dropped !== before || (now.dropped === reported.dropped && now.errors === reported.errors)) return;
    const lost = { dropped: now.dropped - reported.dropped, errors: now.errors - reported.errors };
    // Set first: the report goes through this same sink.
    reported = now;
    logger.warn(`Log: writing works again; ${lost.dropped} lines were dropped and ${lost.errors} writes failed meanwhile (last: ${now.lastError ?? 'none'})`);
  });
  return {
    ...logger,
    stats: () => sink.stats(),
    async close() {
      const { dropped, errors, lastError } = sink.stats();
      // Leave a trace of what is missing, when the file can take it by now.
      if (dropped > 0 || errors > 0) logger.warn(`Log: ${dropped} lines dropped and ${errors} write errors this run (last: ${lastError ?? 'none'})`);
      await sink.close();
    },
  };
}
