/**
 * Watches the disk holding the data folder. Any write that fails because the disk is full
 * (`noteFailure`) puts the app in the disk-full state: the space reserve is released so in-flight
 * sends can still be recorded, new sales are refused with `storage_full`, sync pauses, and status
 * says where to free space. While full it polls the free space; once there is room for the reserve
 * and some headroom it takes the reserve back and tells its listeners, with no restart. While there
 * is space it still looks now and then, so a disk filled by another program shows before a sale
 * meets it.
 */
import path from 'node:path';
import type { DiskFullStatus } from '../../shared/contract/app';
import type { Logger } from '../logging/logger';
import { isDiskFull } from './diskFull';
import { freeBytes as statFreeBytes } from './freeSpace';
import { createReserve, releaseReserve, RESERVE_FILE } from './spaceReserve';

/** What the outbox, the checkout and the catalog sync need to know about the disk. */
export interface StorageHealth {
  /**
   * Null while there is space; what to show while the disk is full. Asking checks the free space
   * (one statfs call): below the low-water mark the disk counts as full before any write fails.
   */
  full(): DiskFullStatus | null;
  /**
   * Tells the guard a write failed. Returns true when it was the disk being full; the first such
   * failure releases the reserve, so the caller may retry a write that records an outcome once.
   */
  noteFailure(error: unknown): boolean;
  /** Called once space is back (the reserve taken again); returns the unsubscribe. */
  onRecovered(listener: () => void): () => void;
}

export interface StorageGuardOptions {
  /** The data folder; the reserve lives in it and its file system is the one watched. */
  readonly dir: string;
  /** Size of the reserve file. */
  readonly reserveBytes?: number;
  /** Free space needed beyond the reserve before the app calls the disk usable again. */
  readonly headroomBytes?: number;
  /** Below this much free space the disk counts as full (new sales stop while the reserve is whole). */
  readonly lowWaterBytes?: number;
  /** How often free space is checked while the disk is full. */
  readonly pollMs?: number;
  /** How often free space is checked while there is space (one statfs call). */
  readonly watchMs?: number;
  readonly logger: Logger;
  /** The disk-full view changed (entered, free space moved, recovered with null). */
  readonly onChange: (full: DiskFullStatus | null) => void;
  readonly freeBytes?: (dir: string) => number;
  readonly now?: () => Date;
}

export const DEFAULT_RESERVE_BYTES = 8 * 1024 * 1024;
export const DEFAULT_HEADROOM_BYTES = 32 * 1024 * 1024;
export const DEFAULT_LOW_WATER_BYTES = 2 * 1024 * 1024;
const DEFAULT_POLL_MS = 2_000;
const DEFAULT_WATCH_MS = 15_000;

/** The message a refused sale carries while the disk is full. */
export function saleRefusedMessage(folder: string): string {
  return `The disk is full: this sale was NOT saved. Free space on ${folder}, then complete the sale again.`;
}

export class StorageGuard implements StorageHealth {
  private readonly file: string;
  private readonly reserveBytes: number;
  private readonly headroomBytes: number;
  private readonly lowWaterBytes: number;
  private readonly pollMs: number;
  private readonly watchMs: number;
  private readonly statFree: (dir: string) => number;
  private readonly now: () => Date;
  private state: DiskFullStatus | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: StorageGuardOptions) {
    this.file = path.join(options.dir, RESERVE_FILE);
    this.reserveBytes = options.reserveBytes ?? DEFAULT_RESERVE_BYTES;
    this.headroomBytes = options.headroomBytes ?? DEFAULT_HEADROOM_BYTES;
    this.lowWaterBytes = options.lowWaterBytes ?? DEFAULT_LOW_WATER_BYTES;
    this.pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    this.watchMs = options.watchMs ?? DEFAULT_WATCH_MS;
    this.statFree = options.freeBytes ?? statFreeBytes;
    this.now = options.now ?? (() => new Date());
  }

  /** Takes the reserve; a disk too full for it starts the app in the disk-full state. */
  start(): void {
    try {
      createReserve(this.file, this.reserveBytes);
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      this.enter();
      return;
    }
    this.schedule();
  }

  full(): DiskFullStatus | null {
    if (!this.state && !this.closed && this.free() < this.lowWaterBytes) this.enter();
    return this.state;
  }

  noteFailure(error: unknown): boolean {
    if (!isDiskFull(error)) return false;
    if (!this.state) this.enter();
    return true;
  }

  onRecovered(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private free(): number {
    try {
      return this.statFree(this.options.dir);
    } catch {
      // statfs itself failing (folder gone) says nothing about space: treat as none left.
      return 0;
    }
  }

  private enter(): void {
    const released = releaseReserve(this.file);
    this.state = { folder: this.options.dir, freeBytes: this.free(), since: this.now().toISOString() };
    this.options.logger.error(
      `Disk full: free space on ${this.options.dir}. New sales are refused and sync is paused until there is room` +
        (released > 0 ? ` (released the ${released}-byte reserve to record invoices in flight)` : ''),
    );
    this.options.onChange(this.state);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed) return;
    this.timer = setTimeout(() => this.poll(), this.state ? this.pollMs : this.watchMs);
    this.timer.unref();
  }

  private poll(): void {
    this.timer = null;
    if (this.closed) return;
    const current = this.state;
    if (!current) {
      // full() enters (and reschedules) when the space ran low meanwhile.
      if (!this.full()) this.schedule();
      return;
    }
    const free = this.free();
    if (free >= this.reserveBytes + this.headroomBytes) {
      try {
        createReserve(this.file, this.reserveBytes);
        this.state = null;
        this.options.logger.info(`Disk space is back on ${this.options.dir} (${free} bytes free): sales and sync resume`);
        this.options.onChange(null);
        this.schedule();
        for (const listener of this.listeners) {
          try {
            listener();
          } catch (error) {
            this.options.logger.error('Resuming after the disk was full failed', error);
          }
        }
        return;
      } catch (error) {
        if (!isDiskFull(error)) this.options.logger.warn('Could not take the disk space reserve back; checking again', error);
      }
    }
    if (free !== current.freeBytes) {
      this.state = { ...current, freeBytes: free };
      this.options.onChange(this.state);
    }
    this.schedule();
  }
}
