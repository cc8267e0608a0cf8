import path from 'node:path';
import type { CupsOptions } from './printing/cupsTransport';
import type { NetworkTimeouts } from './printing/networkTransport';
import type { HidBackend } from './scanner/hidBackend';

/** Size-based log rotation: at most `keepFiles` files of about `maxFileBytes` each. */
export interface LogRotation {
  readonly maxFileBytes: number;
  readonly keepFiles: number;
}

/** 5 × 5 MB: weeks of a busy counter's lines, small enough to attach to a support ticket. */
export const DEFAULT_LOG_ROTATION: LogRotation = { maxFileBytes: 5 * 1024 * 1024, keepFiles: 5 };

export interface ServicesConfig {
  /**
   * The per-user app-data folder (Electron: `app.getPath('userData')`; browser host: `--data-dir`)
   * holding the SQLite files, backups and logs. Created owner-only if missing.
   */
  readonly dataDir: string;
  readonly version: string;
  readonly host: 'electron' | 'browser';
  /** Log rotation limits; DEFAULT_LOG_ROTATION unless a test wants small files. */
  readonly logRotation?: LogRotation;
  /** Echo log lines to stderr (off in tests to keep output readable). */
  readonly logToStderr?: boolean;
  /** HID access for the scanner; node-hid unless a test or benchmark passes a fake device. */
  readonly scannerBackend?: () => Promise<HidBackend>;
  /**
   * Opens a folder in the OS file manager, or a file in its default app (a label sheet PDF in the
   * PDF viewer); resolves to '' on success or the OS's error message (Electron's `shell.openPath`).
   * Absent where the host cannot open folders or files (browser host).
   */
  readonly openFolder?: (folder: string) => Promise<string>;
  /**
   * Prints the app's window through the OS print dialog on a page of this size (Electron
   * `webContents.print` with `pageSize` in microns: without it Electron prints receipts on A4).
   * Resolves '' when printed, else the reason. Absent where the host cannot (browser host: the page
   * calls window.print itself).
   */
  readonly printPage?: (page: { readonly widthMicrons: number; readonly heightMicrons: number }) => Promise<string>;
  /** The disk-full guard (main/storage): reserve size, headroom and polling; defaults unless a test wants a small disk. */
  readonly storage?: { readonly reserveBytes?: number; readonly headroomBytes?: number; readonly lowWaterBytes?: number; readonly pollMs?: number; readonly watchMs?: number };
  /** Printer timeouts and the `lp` command; the defaults unless a test wants short ones or a stand-in lp. */
  readonly printing?: { readonly network?: NetworkTimeouts; readonly cups?: CupsOptions };
}

/** Where the log files live: `<dataDir>/logs/app.<n>.log`. */
export function logsDir(dataDir: string): string {
  return path.join(dataDir, 'logs');
}
