import path from 'node:path';
import type { HidBackend } from './scanner/hidBackend';

export interface ServicesConfig {
  /** Folder holding the SQLite file, logs and backups. Created if missing. */
  readonly dataDir: string;
  readonly version: string;
  readonly host: 'electron' | 'browser';
  /** Where log lines go; defaults to `<dataDir>/logs/app.log`. */
  readonly logFile?: string;
  /** Echo log lines to stderr (off in tests to keep output readable). */
  readonly logToStderr?: boolean;
  /** HID access for the scanner; node-hid unless a test or benchmark passes a fake device. */
  readonly scannerBackend?: () => Promise<HidBackend>;
}

export function defaultLogFile(dataDir: string): string {
  return path.join(dataDir, 'logs', 'app.log');
}
