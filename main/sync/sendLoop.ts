/**
 * Decides WHEN the outbox worker sends; the worker decides WHAT. Modeled on Replicache's
 * ConnectionLoop: a kick (new sale, "sync now") is debounced, progress runs again at once, a
 * failure backs off exponentially with full jitter, and a watchdog re-checks now and then. While
 * backing off, a new sale or any answer from DealPOS brings the next try forward (bounded).
 * Clock and randomness are injected so tests drive it without real time.
 */
import { fullJitterDelay, type BackoffPolicy } from './backoff';

export type SendResult =
  /** Sent something; there may be more, so run again at once (the request budget paces it). */
  | { readonly kind: 'progress' }
  /** Nothing due now; `nextDueAt` (epoch ms) is when the earliest waiting entry becomes due. */
  | { readonly kind: 'idle'; readonly nextDueAt: number | null }
  /** Transient failure (offline, 5xx, 429): back off, at least `retryAfterMs`. */
  | { readonly kind: 'failed'; readonly retryAfterMs?: number }
  /** Cannot send until something outside changes (credentials); only the watchdog or a kick retries. */
  | { readonly kind: 'paused' };

export interface LoopClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: LoopClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending retry must not keep a test process or a closing app alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface SendLoopOptions {
  readonly send: () => Promise<SendResult>;
  readonly clock?: LoopClock;
  readonly random?: () => number;
  /** Coalesces bursts of kicks (a cashier completing sales back to back). */
  readonly debounceMs?: number;
  readonly backoff?: BackoffPolicy;
  /** Longest sleep while idle or paused before checking again. */
  readonly watchdogMs?: number;
  /** Called when `send` throws instead of returning a result (a bug); the loop treats it as a failure. */
  readonly onError?: (error: unknown) => void;
  /**
   * While backing off, a kick (a new sale) or a sign that DealPOS answers again brings the next try
   * forward, but never sooner than this after the last try began: an outage costs at most one try
   * per interval however fast sales come, and offline tries never reach DealPOS's quota anyway.
   */
  readonly probeIntervalMs?: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 5 * 60_000 };
export const DEFAULT_PROBE_INTERVAL_MS = 3_000;

export class SendLoop {
  private readonly clock: LoopClock;
  private readonly random: () => number;
  private readonly debounceMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly watchdogMs: number;
  private readonly probeIntervalMs: number;
  private lastRunAt = Number.NEGATIVE_INFINITY;
  private timer: unknown = null;
  private timerAt: number | null = null;
  private running: Promise<void> | null = null;
  private kickedWhileRunning = false;
  private nowRequested = false;
  private failures = 0;
  private started = false;
  private stopped = false;

  constructor(private readonly options: SendLoopOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.debounceMs = options.debounceMs ?? 50;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.watchdogMs = options.watchdogMs ?? 60_000;
    this.probeIntervalMs = options.probeIntervalMs ?? DEFAULT_PROBE_INTERVAL_MS;
  }

  /** Consecutive failed runs; 0 after any success. */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /** When the next run is scheduled (epoch ms), null when none is. */
  get nextRunAt(): number | null {
    return this.timerAt;
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.schedule(0);
  }

  /** Something new to send: run soon; while backing off, try again within `probeIntervalMs` of the last try. */
  kick(): void {
    if (!this.started || this.stopped) return;
    if (this.running) {
      this.kickedWhileRunning = true;
      return;
    }
    this.scheduleNoLaterThan(this.failures > 0 ? this.probeDelay() : this.debounceMs);
  }

  /**
   * DealPOS answered a request of someone else's (a lookup, the catalog): the outage is over, so
   * the backoff ends — bounded like a kick, so a server failing only our requests is not hammered.
   */
  reachable(): void {
    if (!this.started || this.stopped || this.running || this.failures === 0) return;
    this.failures = 0;
    this.scheduleNoLaterThan(this.probeDelay());
  }

  private probeDelay(): number {
    return Math.max(this.debounceMs, this.lastRunAt + this.probeIntervalMs - this.clock.now());
  }

  /** Run now and forget the backoff ("sync now", credentials fixed). */
  kickNow(): void {
    if (!this.started || this.stopped) return;
    this.failures = 0;
    if (this.running) {
      this.kickedWhileRunning = true;
      this.nowRequested = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops scheduling and waits for a run in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    await this.running;
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = null;
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    if (this.stopped) return;
    const delay = Math.max(0, Math.round(delayMs));
    this.timerAt = this.clock.now() + delay;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.timerAt = null;
      this.running = this.run().finally(() => {
        this.running = null;
      });
    }, delay);
  }

  private scheduleNoLaterThan(delayMs: number): void {
    const at = this.clock.now() + delayMs;
    if (this.timerAt !== null && this.timerAt <= at) return;
    this.schedule(delayMs);
  }

  private async run(): Promise<void> {
    this.lastRunAt = this.clock.now();
    this.kickedWhileRunning = false;
    this.nowRequested = false;
    let result: SendResult;
    try {
      result = await this.options.send();
    } catch (error) {
      this.options.onError?.(error);
      result = { kind: 'failed' };
    }
    if (this.stopped) return;
    const kicked = this.kickedWhileRunning;
    const now = this.nowRequested;
    this.kickedWhileRunning = false;
    this.nowRequested = false;
    switch (result.kind) {
      case 'progress':
        this.failures = 0;
        this.schedule(0);
        return;
      case 'idle': {
        this.failures = 0;
        if (kicked) return this.schedule(this.debounceMs);
        const untilDue = result.nextDueAt === null ? this.watchdogMs : result.nextDueAt - this.clock.now();
        return this.schedule(Math.min(Math.max(untilDue, 0), this.watchdogMs));
      }
      case 'failed': {
        if (now) return this.schedule(0);
        this.failures += 1;
        const delay = Math.max(result.retryAfterMs ?? 0, fullJitterDelay(this.failures, this.backoff, this.random));
        // A sale made during the run brings the next try forward as a kick would (a server's
        // retry-after still holds: the request budget makes that request wait anyway).
        return this.schedule(kicked && result.retryAfterMs === undefined ? Math.min(delay, this.probeDelay()) : delay);
      }
      case 'paused':
        this.failures = 0;
        return this.schedule(kicked ? this.debounceMs : this.watchdogMs);
    }
  }
}
