import { z } from 'zod';
import { method, returns } from './define';
import type { ScannerHint } from './scanner';

export type AppMode = 'setup' | 'demo' | 'live';

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  /** `setup` until the manager connects an account or picks the demo store. */
  readonly mode: AppMode;
  readonly dataDir: string;
  /** Which host serves this renderer; for diagnostics only, the UI must not branch on it. */
  readonly host: 'electron' | 'browser';
}

export type Connectivity = 'online' | 'offline' | 'unknown';
export type ScannerState = 'none' | 'connecting' | 'connected' | 'disconnected' | 'permission_denied' | 'error';

/** A backlog draining to DealPOS: what is done, what it cost, and what is left at the quota. */
export interface QueueDrain {
  /** Invoices synced or rejected since this backlog started draining. */
  readonly sent: number;
  /** `sent` plus the invoices still waiting. */
  readonly total: number;
  /** Requests the outbox made for it so far. */
  readonly requests: number;
  /** Requests still needed at the current batch size. */
  readonly requestsLeft: number;
  /** Projected from the requests per window sync may use; null while no account quota is known. */
  readonly timeLeftMs: number | null;
  /** Slots of every window kept for lookups and PIN checks while it drains. */
  readonly interactiveShare: { readonly reserved: number; readonly limit: number; readonly windowSeconds: number } | null;
}

/** The disk holding the data folder is full: sales are refused and sync waits until space is freed. */
export interface DiskFullStatus {
  /** The data folder, so the manager knows which disk to free space on. */
  readonly folder: string;
  readonly freeBytes: number;
  /** ISO 8601, when the app noticed. */
  readonly since: string;
}

/** Pushed by main whenever any part changes. Later capabilities fill their fields; zeros until then. */
export interface AppStatus {
  readonly connectivity: Connectivity;
  readonly queue: {
    readonly pending: number;
    readonly needsAttention: number;
    /** Age in ms of the oldest pending invoice, null when none. */
    readonly oldestPendingAgeMs: number | null;
    /** ISO 8601 with offset. */
    readonly lastSyncAt: string | null;
    readonly lastError: string | null;
    /** Why the sync worker is paused (e.g. bad credentials), null while running. */
    readonly pausedReason: string | null;
    /** A backlog being sent, null when none is. */
    readonly drain: QueueDrain | null;
  };
  /** Main's event-loop delay over the last minute (up to 60 s), refreshed when it moves by 5 ms; null before the first second. */
  readonly mainLoop: { readonly delayP99Ms: number; readonly delayMaxMs: number; readonly windowSeconds: number } | null;
  readonly scanner: {
    readonly state: ScannerState;
    readonly deviceName: string | null;
    /** What to do about the scanner; the renderer words it in the UI language. */
    readonly hint: ScannerHint | null;
  };
  /** Set while the disk is full (then sync is paused too), null while there is space. */
  readonly disk: DiskFullStatus | null;
}

export const INITIAL_STATUS: AppStatus = {
  connectivity: 'unknown',
  queue: { pending: 0, needsAttention: 0, oldestPendingAgeMs: null, lastSyncAt: null, lastError: null, pausedReason: null, drain: null },
  mainLoop: null,
  scanner: { state: 'none', deviceName: null, hint: null },
  disk: null,
};

/** What `app.openLogsFolder` did; the renderer shows `path` whenever the folder was not opened. */
export interface LogsFolderResult {
  /** The folder holding the log files. */
  readonly path: string;
  /** True when the OS file manager opened it; false where the host cannot open folders (browser host). */
  readonly opened: boolean;
  /** The OS's reason when it tried and failed, null otherwise. */
  readonly error: string | null;
}

export const appMethods = {
  'app.info': method({ input: z.object({}).strict(), result: returns<AppInfo>() }),
  'app.status': method({ input: z.object({}).strict(), result: returns<AppStatus>() }),
  /** Opens the logs folder in the OS file manager (for support), or answers its path where it cannot. */
  'app.openLogsFolder': method({ input: z.object({}).strict(), result: returns<LogsFolderResult>() }),
};

export const appEvents = {
  status: returns<AppStatus>(),
};
