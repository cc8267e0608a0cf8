import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from '../../../main/sync/backoff';
import { SendLoop, type SendResult } from '../../../main/sync/sendLoop';
import { FakeClock, flush } from './fakeClock';

function harness(results: SendResult[], options: { random?: () => number; backoff?: { baseMs: number; maxMs: number } } = {}) {
  const clock = new FakeClock();
  const calls: number[] = [];
  const loop = new SendLoop({
    clock,
    random: options.random ?? (() => 0.5),
    debounceMs: 50,
    backoff: options.backoff ?? { baseMs: 1_000, maxMs: 8_000 },
    watchdogMs: 60_000,
    probeIntervalMs: 3_000,
    send: async () => {
      calls.push(clock.now());
      return results.shift() ?? { kind: 'idle', nextDueAt: null };
    },
  });
  return { clock, calls, loop };
}

describe('fullJitterDelay', () => {
  it('is uniform below min(cap, base·2^(n-1))', () => {
    const policy = { baseMs: 1_000, maxMs: 8_000 };
    expect(fullJitterDelay(0, policy, () => 0.9)).toBe(0);
    expect(fullJitterDelay(1, policy, () => 0.5)).toBe(500);
    expect(fullJitterDelay(3, policy, () => 0.5)).toBe(2_000);
    expect(fullJitterDelay(10, policy, () => 0.5)).toBe(4_000);
    expect(fullJitterDelay(10, policy, () => 1)).toBeLessThan(8_000);
    expect(fullJitterDelay(1_000, policy, () => 0)).toBe(0);
  });
});

describe('SendLoop', () => {
  it('runs at start, then sleeps until the watchdog when idle', async () => {
    const { clock, calls, loop } = harness([]);
    loop.start();
    await clock.advance(0);
    expect(calls).toHaveLength(1);
    await clock.advance(59_999);
    expect(calls).toHaveLength(1);
    await clock.advance(1);
    expect(calls).toHaveLength(2);
    await loop.stop();
  });

  it('debounces a burst of kicks into one run', async () => {
    const { clock, calls, loop } = harness([]);
    loop.start();
    await clock.advance(0);
    loop.kick();
    await clock.advance(20);
    loop.kick();
    loop.kick();
    await clock.advance(29);
    expect(calls).toHaveLength(1);
    await clock.advance(1);
    expect(calls).toHaveLength(2);
    await loop.stop();
  });

  it('runs again at once after progress and wakes when the next entry is due', async () => {
    const { clock, calls, loop } = harness([{ kind: 'progress' }, { kind: 'progress' }, { kind: 'idle', nextDueAt: 1_000_000 + 5_000 }]);
    loop.start();
    await clock.advance(0);
    expect(calls).toHaveLength(3);
    expect(loop.nextRunAt).toBe(1_000_000 + 5_000);
    await clock.advance(5_000);
    expect(calls).toHaveLength(4);
    await loop.stop();
  });

  it('backs off exponentially with full jitter, capped, and resets on success', async () => {
    const failed: SendResult = { kind: 'failed' };
    const { clock, calls, loop } = harness([failed, failed, failed, failed, failed, failed, { kind: 'progress' }, failed]);
    loop.start();
    await clock.advance(0);
    const gaps: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = calls.length;
      const at = loop.nextRunAt ?? Number.NaN;
      gaps.push(at - clock.now());
      await clock.advance(at - clock.now());
      expect(calls.length).toBe(before + 1);
    }
    // random = 0.5 → half of 1 s, 2 s, 4 s, 8 s (cap), 8 s.
    expect(gaps).toEqual([500, 1_000, 2_000, 4_000, 4_000]);
    // The 7th run succeeds (progress), the 8th, right after it, fails: backoff starts over.
    await clock.advance((loop.nextRunAt ?? 0) - clock.now());
    expect(calls).toHaveLength(8);
    expect(loop.consecutiveFailures).toBe(1);
    expect((loop.nextRunAt ?? 0) - clock.now()).toBe(500);
    await loop.stop();
  });

  it('honours a server retry-after above the jittered delay', async () => {
    const { clock, loop } = harness([{ kind: 'failed', retryAfterMs: 30_000 }]);
    loop.start();
    await clock.advance(0);
    expect((loop.nextRunAt ?? 0) - clock.now()).toBe(30_000);
    await loop.stop();
  });

  it('a new sale during a long backoff brings the next try forward, but never sooner than the probe interval after the last try', async () => {
    const failing = Array.from({ length: 40 }, (): SendResult => ({ kind: 'failed' }));
    const { clock, calls, loop } = harness(failing, { random: () => 0.99, backoff: { baseMs: 60_000, maxMs: 300_000 } });
    const t0 = clock.now();
    const at = (): number[] => calls.map((c) => c - t0);
    loop.start();
    await clock.advance(0);
    // Backing off for 59.4 s after the first failure.
    expect((loop.nextRunAt ?? 0) - clock.now()).toBe(59_400);
    await clock.advance(100);
    loop.kick();
    expect(loop.nextRunAt).toBe(t0 + 3_000);
    await clock.advance(2_899);
    expect(calls).toHaveLength(1);
    await clock.advance(1);
    expect(at()).toEqual([0, 3_000]);
    // A cashier selling every 100 ms through a 30 s outage: one try per 3 s, not a flood.
    for (let t = 0; t < 300; t++) {
      loop.kick();
      await clock.advance(100);
    }
    expect(calls.length).toBeLessThanOrEqual(12);
    expect(calls.length).toBeGreaterThanOrEqual(10);
    for (let i = 1; i < calls.length; i++) expect((calls[i] ?? 0) - (calls[i - 1] ?? 0)).toBeGreaterThanOrEqual(3_000);
    await loop.stop();
  });

  it('ends the backoff when DealPOS answers someone else, bounded like a kick; "sync now" goes at once', async () => {
    const { clock, calls, loop } = harness([{ kind: 'failed' }, { kind: 'failed' }, { kind: 'failed' }], { random: () => 0.99, backoff: { baseMs: 60_000, maxMs: 300_000 } });
    const t0 = clock.now();
    const at = (): number[] => calls.map((c) => c - t0);
    loop.start();
    await clock.advance(0);
    await clock.advance(5_000);
    expect(calls).toHaveLength(1);
    loop.reachable();
    await clock.advance(50);
    expect(at()).toEqual([0, 5_050]);
    // Failed again: the backoff starts over from the first step (failures were reset).
    expect((loop.nextRunAt ?? 0) - clock.now()).toBe(59_400);
    loop.reachable();
    expect(loop.nextRunAt).toBe(t0 + 8_050);
    loop.kickNow();
    await clock.advance(0);
    expect(at()).toEqual([0, 5_050, 5_050]);
    await loop.stop();
  });

  it('ignores an answer while nothing is failing', async () => {
    const { clock, calls, loop } = harness([]);
    loop.start();
    await clock.advance(0);
    loop.reachable();
    await clock.advance(10_000);
    expect(calls).toHaveLength(1);
    await loop.stop();
  });

  it('sleeps while paused until kicked', async () => {
    const { clock, calls, loop } = harness([{ kind: 'paused' }, { kind: 'paused' }]);
    loop.start();
    await clock.advance(10_000);
    expect(calls).toHaveLength(1);
    loop.kick();
    await clock.advance(50);
    expect(calls).toHaveLength(2);
    await loop.stop();
  });

  it('treats a throwing send as a failure and reports it', async () => {
    const clock = new FakeClock();
    const errors: unknown[] = [];
    const loop = new SendLoop({
      clock,
      random: () => 0.5,
      send: async () => {
        throw new Error('bug');
      },
      onError: (error) => errors.push(error),
    });
    loop.start();
    await clock.advance(0);
    expect(errors).toHaveLength(1);
    expect(loop.consecutiveFailures).toBe(1);
    await loop.stop();
  });

  it('stop waits for the run in flight and schedules nothing after it', async () => {
    const clock = new FakeClock();
    let release: () => void = () => undefined;
    let runs = 0;
    const loop = new SendLoop({
      clock,
      send: () =>
        new Promise<SendResult>((resolve) => {
          runs++;
          release = () => resolve({ kind: 'progress' });
        }),
    });
    loop.start();
    await clock.advance(0);
    let stopped = false;
    const stopping = loop.stop().then(() => {
      stopped = true;
    });
    await flush();
    expect(stopped).toBe(false);
    release();
    await stopping;
    await clock.advance(100_000);
    expect(runs).toBe(1);
    expect(clock.pendingTimers).toBe(0);
  });
});
