/** The request budget under a manual clock: window, priorities, headroom, server hints, cancellation. */
import { describe, expect, it } from 'vitest';
import { DealPosCancelledError, DealPosRateLimitedError } from '../../../main/dealpos/errors';
import {
  readRateLimitHeaders,
  RequestBudget,
  type BudgetClock,
  type BudgetTicket,
  type RequestPriority,
} from '../../../main/dealpos/requestBudget';
import { mulberry32 } from '../../support/seededRandom';

/** A clock that only moves when told to, firing due timers in order. */
class ManualClock implements BudgetClock {
  time = 1_000_000;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;
  now(): number {
    return this.time;
  }
  setTimer(callback: () => void, ms: number): () => void {
    const id = this.nextId++;
    this.timers.push({ at: this.time + Math.max(0, ms), callback, id });
    return () => {
      this.timers = this.timers.filter((t) => t.id !== id);
    };
  }
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (;;) {
      await flush();
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.callback();
    }
    this.time = target;
    await flush();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function track(budget: RequestBudget, clock: ManualClock, priority: RequestPriority, granted: { priority: RequestPriority; at: number; ticket: BudgetTicket }[]): Promise<void> {
  return budget.acquire(priority).then((ticket) => {
    granted.push({ priority, at: clock.now(), ticket });
  });
}

describe('RequestBudget', () => {
  it('grants up to the limit at once, then one more each time a slot frees (one window after its answer)', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ probeFirst: false, limit: 3, windowSeconds: 10, clock });
    const granted: { priority: RequestPriority; at: number; ticket: BudgetTicket }[] = [];
    for (let i = 0; i < 5; i++) void track(budget, clock, 'interactive', granted);
    await flush();
    expect(granted).toHaveLength(3);
    expect(budget.remaining()).toBe(0);
    // Still in flight: nothing frees, however long we wait.
    await clock.advance(60_000);
    expect(granted).toHaveLength(3);
    const settledAt = clock.now();
    for (const g of granted) budget.settle(g.ticket);
    await clock.advance(9_999);
    expect(granted).toHaveLength(3);
    await clock.advance(1);
    expect(granted).toHaveLength(5);
    expect(granted[3]?.at).toBe(settledAt + 10_000);
  });

  it('tells background work its pace: slots per window after the reserve, and how long the next one waits', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ probeFirst: false, limit: 50, windowSeconds: 180, clock });
    // 50 a window, 10 kept for people: the catalog may use 40.
    expect(budget.backgroundPace()).toEqual({ perWindow: 40, windowMs: 180_000, waitMs: 0 });
    const granted: { priority: RequestPriority; at: number; ticket: BudgetTicket }[] = [];
    for (let i = 0; i < 40; i++) void track(budget, clock, 'background', granted);
    await flush();
    expect(granted).toHaveLength(40);
    for (const g of granted) budget.settle(g.ticket);
    await clock.advance(30_000);
    // The 41st background request waits until the first slot frees, one window after its answer.
    expect(budget.backgroundPace().waitMs).toBe(150_000);
  });

  it('never lets more than `limit` requests be in a window, under 200 concurrent callers of mixed priority', async () => {
    const clock = new ManualClock();
    const limit = 7;
    const windowMs = 5_000;
    const budget = new RequestBudget({ probeFirst: false, limit, windowSeconds: windowMs / 1000, clock, reserve: { sync: 1, background: 3 } });
    const priorities: RequestPriority[] = ['interactive', 'sync', 'background'];
    const spans: { start: number; end: number }[] = [];
    const all: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) {
      const priority = priorities[i % 3] ?? 'background';
      all.push(
        budget.acquire(priority).then(async (ticket) => {
          const start = clock.now();
          // Each request takes a while to be answered; the server may count it at any moment in between.
          await clock.advance(0);
          budget.settle(ticket);
          spans.push({ start, end: clock.now() });
        }),
      );
    }
    let guard = 0;
    while (spans.length < 200 && guard++ < 10_000) await clock.advance(250);
    await Promise.all(all);
    expect(spans).toHaveLength(200);
    // Any instant the server may count a request at lies in [start, end]. For every window-long
    // interval, count requests whose span touches it: never more than the limit.
    for (const probe of spans) {
      const from = probe.start;
      const to = from + windowMs;
      const inside = spans.filter((s) => s.end >= from && s.start < to).length;
      expect(inside).toBeLessThanOrEqual(limit);
    }
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('against a simulated fixed-window server with random latency (seed %i): no 429, nobody stuck', async (seed) => {
    const random = mulberry32(seed * 2654435761);
    const clock = new ManualClock();
    const LIMIT = 10;
    const WINDOW = 1_000;
    // The server: a fixed window that starts at the first arrival after the previous one ended.
    const server = { start: 0, count: 0, rejected: 0 };
    const arrive = (): number => {
      const now = clock.now();
      if (server.count === 0 || now >= server.start + WINDOW) {
        server.start = now;
        server.count = 0;
      }
      server.count += 1;
      if (server.count > LIMIT) server.rejected += 1;
      return Math.max(0, LIMIT - server.count);
    };
    const budget = new RequestBudget({ limit: 50, windowSeconds: 180, clock, reserve: { sync: 1, background: 3 } });
    const priorities: RequestPriority[] = ['interactive', 'sync', 'background'];
    let done = 0;
    const total = 120;
    for (let i = 0; i < total; i++) {
      const priority = priorities[Math.floor(random() * 3)] ?? 'background';
      clock.setTimer(() => {
        void budget.acquire(priority).then((ticket) => {
          // Travel to the server, be counted, travel back: each leg 0–600 ms, so a round trip can outlast the window.
          clock.setTimer(() => {
            const remaining = arrive();
            clock.setTimer(() => {
              budget.settle(ticket, { limit: LIMIT, remaining, windowSeconds: WINDOW / 1000 });
              done += 1;
            }, random() * 600);
          }, random() * 600);
        });
      }, random() * 2_000);
    }
    for (let step = 0; step < 2_000 && done < total; step++) await clock.advance(50);
    expect(server.rejected).toBe(0);
    expect(done).toBe(total);
  });

  it('serves interactive before sync before background when slots free, FIFO within a priority', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ probeFirst: false, limit: 2, windowSeconds: 1, clock, reserve: { sync: 0, background: 0 } });
    const first = await budget.acquire('interactive');
    const second = await budget.acquire('interactive');
    const order: string[] = [];
    const queue = (name: string, priority: RequestPriority): void => {
      void budget.acquire(priority).then((ticket) => {
        order.push(name);
        budget.settle(ticket);
      });
    };
    queue('bg1', 'background');
    queue('bg2', 'background');
    queue('sync1', 'sync');
    queue('int1', 'interactive');
    queue('int2', 'interactive');
    await flush();
    expect(order).toEqual([]);
    expect(budget.snapshot().queued).toEqual({ interactive: 2, sync: 1, background: 2 });
    budget.settle(first);
    budget.settle(second);
    for (let i = 0; i < 10; i++) await clock.advance(1000);
    expect(order).toEqual(['int1', 'int2', 'sync1', 'bg1', 'bg2']);
  });

  it('keeps headroom: background may not take the last slots, interactive may', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ probeFirst: false, limit: 10, windowSeconds: 60, clock, reserve: { sync: 2, background: 5 } });
    const granted: { priority: RequestPriority; at: number; ticket: BudgetTicket }[] = [];
    for (let i = 0; i < 10; i++) void track(budget, clock, 'background', granted);
    await flush();
    expect(granted.filter((g) => g.priority === 'background')).toHaveLength(5);
    expect(budget.remaining('background')).toBe(0);
    expect(budget.remaining('sync')).toBe(3);
    for (let i = 0; i < 4; i++) void track(budget, clock, 'sync', granted);
    await flush();
    expect(granted.filter((g) => g.priority === 'sync')).toHaveLength(3);
    for (let i = 0; i < 3; i++) void track(budget, clock, 'interactive', granted);
    await flush();
    expect(granted.filter((g) => g.priority === 'interactive')).toHaveLength(2);
    expect(budget.remaining('interactive')).toBe(0);
  });

  it('by default keeps a fifth of every window for people while a backlog drains, and follows a new limit', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ probeFirst: false, clock });
    expect(budget.syncReserve()).toBe(10);
    for (let i = 0; i < 40; i++) budget.settle(await budget.acquire('sync'));
    expect(budget.remaining('sync')).toBe(0);
    // A drain has used every slot sync may take: a customer lookup still goes at once, ten times a window.
    expect(budget.remaining('interactive')).toBe(10);
    budget.observe({ limit: 100, remaining: 60 });
    expect(budget.syncReserve()).toBe(20);
  });

  it('frees at once the slot of a request that never left (connection refused), so tries while offline cost no quota', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ probeFirst: false, limit: 3, windowSeconds: 180, clock, reserve: { sync: 0, background: 0 } });
    for (let i = 0; i < 10; i++) budget.release(await budget.acquire('sync'));
    expect(budget.remaining('sync')).toBe(3);
    // An answered request (or one that may have arrived) holds its slot for the window.
    budget.settle(await budget.acquire('sync'), {});
    expect(budget.remaining('sync')).toBe(2);
    // Release after settle, or twice, changes nothing.
    const ticket = await budget.acquire('sync');
    budget.settle(ticket);
    budget.release(ticket);
    expect(budget.remaining('sync')).toBe(1);
  });

  it('clamps headroom so every priority still gets a slot in a tiny window', async () => {
    const budget = new RequestBudget({ probeFirst: false, limit: 2, windowSeconds: 1, clock: new ManualClock(), reserve: { sync: 5, background: 50 } });
    expect(budget.remaining('background')).toBe(1);
    await budget.acquire('background');
    expect(budget.remaining('background')).toBe(0);
  });

  it('trusts a lower RateLimit-Remaining (other registers share the account) and learns the policy', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ probeFirst: false, limit: 50, windowSeconds: 180, clock });
    const ticket = await budget.acquire('interactive');
    budget.settle(ticket, { limit: 20, windowSeconds: 60, remaining: 3 });
    expect(budget.snapshot()).toMatchObject({ limit: 20, windowSeconds: 60, remaining: 3 });
    // Within the same server window remaining only falls: a later, higher figure is a new window.
    budget.observe({ remaining: 5 });
    expect(budget.remaining()).toBe(5);
    budget.observe({ remaining: 1 });
    expect(budget.remaining()).toBe(1);
    // Without a reset time the server figure is trusted for one window, then our own count rules.
    await clock.advance(60_000);
    expect(budget.remaining()).toBe(20);
  });

  it('probes first: while the server count is unknown only one request flies, its Remaining then rules', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ limit: 50, windowSeconds: 180, clock });
    const granted: { priority: RequestPriority; at: number; ticket: BudgetTicket }[] = [];
    for (let i = 0; i < 10; i++) void track(budget, clock, 'interactive', granted);
    await flush();
    expect(granted).toHaveLength(1);
    // An app restart: the server's window is nearly used up already.
    budget.settle(granted[0]?.ticket as BudgetTicket, { limit: 50, remaining: 3, windowSeconds: 180 });
    await flush();
    expect(granted).toHaveLength(4);
    // One window after that answer the server figure lapses, and the next request probes again.
    for (const g of granted.slice(1)) budget.settle(g.ticket, { remaining: 0 });
    await clock.advance(180_000);
    expect(granted).toHaveLength(5);
  });

  it('stops probing when answers carry no rate-limit headers; a network failure does not count as an answer', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ limit: 5, windowSeconds: 60, clock });
    const first = await budget.acquire('sync');
    budget.settle(first); // no answer
    expect(budget.remaining()).toBe(1);
    const second = await budget.acquire('sync');
    budget.settle(second, {}); // answered, no headers
    expect(budget.remaining()).toBe(3);
  });

  it('ignores a higher Remaining carried by an older request (answers overtaking each other)', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ limit: 50, windowSeconds: 180, clock, probeFirst: false });
    const a = await budget.acquire('interactive');
    const b = await budget.acquire('interactive');
    // The server counted a then b; b's answer (remaining 9) arrives first, then a's (remaining 10).
    budget.settle(b, { remaining: 9 });
    budget.settle(a, { remaining: 10 });
    // Not 10. (8, not 9: a may have been counted after b's figure was taken — we cannot tell.)
    expect(budget.remaining()).toBe(8);
    // A request sent after that seeing more is a new server window.
    const c = await budget.acquire('interactive');
    budget.settle(c, { remaining: 49 });
    expect(budget.remaining()).toBe(47);
  });

  it('uses RateLimit-Reset, when a server sends it, for when the server figure lapses', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ probeFirst: false, limit: 50, windowSeconds: 180, clock });
    budget.observe({ remaining: 0, resetSeconds: 5 });
    expect(budget.remaining()).toBe(0);
    expect(budget.windowResetsAt()).toBe(clock.now() + 5_000);
    await clock.advance(5_000);
    expect(budget.remaining()).toBe(50);
  });

  it('blocks everyone for the wait a 429 names', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ probeFirst: false, limit: 50, windowSeconds: 180, clock });
    const ticket = await budget.acquire('interactive');
    budget.settle(ticket, { retryAfterMs: 30_000 });
    expect(budget.remaining()).toBe(0);
    expect(budget.windowResetsAt()).toBe(clock.now() + 30_000);
    let granted = false;
    void budget.acquire('interactive').then(() => {
      granted = true;
    });
    await clock.advance(29_999);
    expect(granted).toBe(false);
    await clock.advance(1);
    expect(granted).toBe(true);
  });

  it('rejects a queued request with cancelled when its signal aborts, and frees its place', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ probeFirst: false, limit: 1, windowSeconds: 10, clock });
    const held = await budget.acquire('interactive');
    const controller = new AbortController();
    const waiting = budget.acquire('interactive', { signal: controller.signal, label: 'Customer/Code' });
    expect(budget.snapshot().queued.interactive).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(DealPosCancelledError);
    expect(budget.snapshot().queued.interactive).toBe(0);
    budget.settle(held);
  });

  it('fails fast with a local rate_limited error when the wait would exceed maxWaitMs', async () => {
    const clock = new ManualClock();
    const budget = new RequestBudget({ probeFirst: false, limit: 1, windowSeconds: 10, clock });
    budget.settle(await budget.acquire('interactive'));
    const error = await budget.acquire('interactive', { maxWaitMs: 2_000, label: 'Variant/Detail' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DealPosRateLimitedError);
    expect((error as DealPosRateLimitedError).details).toMatchObject({ endpoint: 'Variant/Detail', local: true, retryAfterMs: 10_000 });
    // A wait inside the allowance queues normally.
    const ok = budget.acquire('interactive', { maxWaitMs: 20_000 });
    await clock.advance(10_000);
    await expect(ok).resolves.toMatchObject({ priority: 'interactive' });
  });

  it('tells listeners about grants and answers', async () => {
    const budget = new RequestBudget({ probeFirst: false, limit: 5, windowSeconds: 10, clock: new ManualClock() });
    const seen: number[] = [];
    const stop = budget.onChange((snapshot) => seen.push(snapshot.remaining));
    const ticket = await budget.acquire('interactive');
    budget.settle(ticket, { remaining: 2 });
    stop();
    await budget.acquire('interactive');
    expect(seen).toEqual([4, 2]);
  });

  it('close() rejects every waiter', async () => {
    const budget = new RequestBudget({ probeFirst: false, limit: 1, windowSeconds: 10, clock: new ManualClock() });
    await budget.acquire('sync');
    const waiting = budget.acquire('background');
    budget.close();
    await expect(waiting).rejects.toBeInstanceOf(DealPosCancelledError);
  });
});

describe('readRateLimitHeaders', () => {
  it('reads limit, remaining, policy window and reset', () => {
    const headers = new Headers({ 'RateLimit-Limit': '50', 'RateLimit-Remaining': '49', 'RateLimit-Policy': '50;w=180', 'RateLimit-Reset': '42' });
    expect(readRateLimitHeaders(headers)).toEqual({ limit: 50, remaining: 49, windowSeconds: 180, resetSeconds: 42 });
  });
  it('takes the limit from the policy when RateLimit-Limit is absent and ignores junk', () => {
    expect(readRateLimitHeaders(new Headers({ 'RateLimit-Policy': '100;w=60', 'RateLimit-Remaining': 'lots' }))).toEqual({ limit: 100, windowSeconds: 60 });
    expect(readRateLimitHeaders(new Headers())).toEqual({});
  });
});
