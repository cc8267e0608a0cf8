/**
 * The budget against the simulator's real fixed window (shrunk to 10 requests per second so the
 * test is quick): 50 concurrent callers never earn a 429, no window-long interval holds more than
 * the limit, and interactive calls overtake background calls already queued.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RequestBudget } from '../../../main/dealpos/requestBudget';
import { background, interactive, startHarness, type Harness } from './harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const LIMIT = 10;
const WINDOW_MS = 1000;

describe('budget against the simulator window', () => {
  it('holds the window under 50 concurrent callers, and interactive overtakes queued background', async () => {
    h = await startHarness({
      sim: { rateLimit: { count: LIMIT, seconds: WINDOW_MS / 1000 } },
      budget: { limit: LIMIT, windowSeconds: WINDOW_MS / 1000, reserve: { sync: 1, background: 2 } },
    });
    const harness = h;
    const completed: string[] = [];
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      calls.push(harness.client.listOutlets({}, background).then(() => completed.push('background')));
    }
    for (let i = 0; i < 10; i++) {
      calls.push(harness.client.listTaxes(interactive).then(() => completed.push('interactive')));
    }
    await Promise.all(calls);

    const log = harness.sim.state.requestLog.filter((e) => e.path !== '');
    expect(log.filter((e) => e.status === 429)).toEqual([]);
    expect(log).toHaveLength(51); // 50 calls + one token
    // Arrival times at the server: at most LIMIT inside any window-long interval.
    const arrivals = log.map((e) => e.at).sort((a, b) => a - b);
    for (const start of arrivals) {
      expect(arrivals.filter((t) => t >= start && t < start + WINDOW_MS).length).toBeLessThanOrEqual(LIMIT);
    }
    // Background calls granted before the interactive ones were queued form the first window;
    // after that every interactive call went before the 30-odd background calls still waiting.
    const lastInteractive = completed.lastIndexOf('interactive');
    const backgroundBefore = completed.slice(0, lastInteractive).filter((c) => c === 'background').length;
    expect(backgroundBefore).toBeLessThanOrEqual(LIMIT);
    expect(completed.filter((c) => c === 'background')).toHaveLength(40);
    // ~6 s on an idle machine; each slot is held for a round trip plus the window, so a loaded
    // machine (slow round trips) stretches it.
  }, 60_000);

  it('after an app restart (fresh budget, half-used server window) it sends no more than the server has left', async () => {
    h = await startHarness({ sim: { rateLimit: { count: 10, seconds: 60 } }, budget: { limit: 10, windowSeconds: 60 } });
    const harness = h;
    for (let i = 0; i < 7; i++) await harness.client.listTaxes(interactive); // token + 7 = 8 of 10 used
    // "Restart": a new budget and client that know nothing of those 8 requests.
    const freshBudget = new RequestBudget({ limit: 10, windowSeconds: 60 });
    const fresh = harness.makeClient({ budget: freshBudget });
    const results = Array.from({ length: 5 }, () => fresh.listOutlets({}, interactive).then(() => 'ok', (e: unknown) => e));
    // The probe (the new client's token request) learns Remaining 1; one more call fits, the rest wait.
    await results[0];
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(harness.sim.state.requestLog.filter((e) => e.status === 429)).toEqual([]);
    expect(harness.sim.state.countRequests('Outlet')).toBe(1);
    expect(freshBudget.snapshot().queued.interactive).toBe(4);
    freshBudget.close();
    const settled = await Promise.all(results);
    expect(settled.filter((r) => r !== 'ok')).toHaveLength(4);
  });
});
