/**
 * Exponential backoff with full jitter: a uniformly random wait in [0, min(cap, base·2^(n-1))).
 * Randomising the whole interval spreads registers that failed together (e.g. after an outage)
 * instead of having them retry in lock-step.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export function fullJitterDelay(failures: number, policy: BackoffPolicy, random: () => number): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.floor(Math.min(Math.max(random(), 0), 0.999_999) * ceiling);
}
