import fs from 'node:fs';
import path from 'node:path';

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
    sink(redact(`${new Date().toISOString()} ${level} ${message}${describe(context)}`));
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

/** Appends to `<dataDir>/logs/app.log` (synchronously: a crash must not lose the last lines) and echoes to stderr. */
export function createFileLogger(logFile: string, echo = true): Logger {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  return createLogger((line) => {
    fs.appendFileSync(logFile, `${line}\n`);
    if (echo) process.stderr.write(`${line}\n`);
  });
}
