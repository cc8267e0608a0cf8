/** Token caching, renewal before expiry, one renewal on 401, and one shared renewal for concurrent callers. */
import { afterEach, describe, expect, it } from 'vitest';
import { DealPosBadCredentialsError } from '../../../main/dealpos/errors';
import { interactive, rejectionOf, startHarness, type Harness } from './harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const tokenRequests = (harness: Harness): number => harness.sim.state.countRequests('Token/OAuth2');
const statuses = (harness: Harness, path: string): (number | string)[] =>
  harness.sim.state.requestLog.filter((e) => e.path === path).map((e) => e.status);

describe('token', () => {
  it('is fetched once and reused', async () => {
    h = await startHarness();
    for (let i = 0; i < 5; i++) await h.client.listTaxes(interactive);
    expect(tokenRequests(h)).toBe(1);
    const info = await h.client.getToken(interactive);
    expect(info.expiresAt).toBeGreaterThan(Date.now() + 3_000_000);
    expect(tokenRequests(h)).toBe(1);
  });

  it('is fetched once for 20 concurrent first callers', async () => {
    h = await startHarness();
    await Promise.all(Array.from({ length: 20 }, () => h?.client.listPaymentMethods(interactive)));
    expect(tokenRequests(h)).toBe(1);
    expect(statuses(h, 'PaymentMethod')).toEqual(Array.from({ length: 20 }, () => 200));
  });

  it('is renewed before it expires, so no call meets a 401', async () => {
    let offset = 0;
    h = await startHarness({ client: { now: () => Date.now() + offset } });
    await h.client.listTaxes(interactive);
    // 30 s before expiry: inside the renewal margin.
    offset = 3600_000 - 30_000;
    await h.client.listTaxes(interactive);
    expect(tokenRequests(h)).toBe(2);
    expect(statuses(h, 'Tax')).toEqual([200, 200]);
  });

  it('is renewed once on a 401 and the call retried', async () => {
    h = await startHarness();
    await h.client.listTaxes(interactive);
    h.sim.faults.expireTokens();
    const taxes = await h.client.listTaxes(interactive);
    expect(taxes.length).toBeGreaterThan(0);
    expect(tokenRequests(h)).toBe(2);
    expect(statuses(h, 'Tax')).toEqual([200, 401, 200]);
  });

  it('is renewed once for 20 concurrent callers that all met a 401', async () => {
    h = await startHarness();
    await h.client.listTaxes(interactive);
    h.sim.faults.expireTokens();
    await Promise.all(Array.from({ length: 20 }, () => h?.client.listOutlets({}, interactive)));
    expect(tokenRequests(h)).toBe(2);
    const outletStatuses = statuses(h, 'Outlet');
    expect(outletStatuses.filter((s) => s === 200)).toHaveLength(20);
    expect(outletStatuses.filter((s) => s === 401).length).toBeGreaterThan(0);
  });

  it('gives bad_credentials after one retry when a fresh token is refused too', async () => {
    // A zero-lifetime token is refused at once by the simulator, while the answer carries no
    // usable expiry, so the client believes it is valid: every call meets a 401.
    h = await startHarness({ sim: { tokenTtlSeconds: 0 } });
    const error = await rejectionOf(h.client.listTaxes(interactive));
    expect(error).toBeInstanceOf(DealPosBadCredentialsError);
    expect(statuses(h, 'Tax')).toEqual([401, 401]);
    expect(tokenRequests(h)).toBe(2);
  });

  it('forceRefresh fetches a new token even when the cached one is valid', async () => {
    h = await startHarness();
    await h.client.getToken(interactive);
    await h.client.getToken({ ...interactive, forceRefresh: true });
    expect(tokenRequests(h)).toBe(2);
  });
});
