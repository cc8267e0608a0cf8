import { describe, expect, it } from 'vitest';
import { DrainProgress } from '../../../main/sync/drainProgress';

const QUOTA = { limit: 50, windowSeconds: 180, reserve: 10 };

describe('DrainProgress', () => {
  it('shows nothing until the outbox spends a request on a backlog', () => {
    expect(new DrainProgress().view(20_000, 25, QUOTA)).toBeNull();
  });

  it('counts what went and what it cost, and projects the rest at the requests sync may use per window', () => {
    const drain = new DrainProgress();
    for (let i = 0; i < 4; i++) drain.requestMade();
    for (let i = 0; i < 100; i++) drain.invoiceSettled();
    // 19,900 left in batches of 25 = 796 requests; 40 a window of 180 s → 59.7 windows.
    expect(drain.view(19_900, 25, QUOTA)).toEqual({
      sent: 100,
      total: 20_000,
      requests: 4,
      requestsLeft: 796,
      timeLeftMs: Math.round((796 / 40) * 180_000),
      interactiveShare: { reserved: 10, limit: 50, windowSeconds: 180 },
    });
  });

  it('says the time left is unknown without a quota, and starts over once the queue is empty', () => {
    const drain = new DrainProgress();
    drain.requestMade();
    drain.invoiceSettled();
    expect(drain.view(3, 25, null)).toMatchObject({ sent: 1, total: 4, requestsLeft: 1, timeLeftMs: null, interactiveShare: null });
    expect(drain.view(0, 25, QUOTA)).toBeNull();
    // The next backlog counts from zero; an invoice settled outside a drain is not counted.
    drain.invoiceSettled();
    drain.requestMade();
    expect(drain.view(10, 25, QUOTA)).toMatchObject({ sent: 0, total: 10, requests: 1 });
  });
});
