/** Time for the scanner: a monotonic clock for decoder gaps, wall time for events, and timers for reconnect polling. */
export interface ScannerClock {
  /** Monotonic milliseconds. */
  now(): number;
  /** ISO 8601 with offset. */
  iso(): string;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  schedule(fn: () => void, ms: number): () => void;
}

export const systemScannerClock: ScannerClock = {
  now: () => performance.now(),
  iso: () => new Date().toISOString(),
  schedule(fn, ms) {
    const timer = setTimeout(fn, ms);
    // A pending reconnect poll must not keep a test run or the app's shutdown alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};
