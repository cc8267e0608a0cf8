import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createCustomerService,
  PIN_LOCKOUT_MS,
  PIN_MAX_FAILURES,
  PIN_PROOF_TTL_MS,
  type CustomerServiceOptions,
} from '../../../main/customer/customerService';
import { CustomerStore } from '../../../main/store/customerStore';
import { openDatabase, type OpenedDatabase } from '../../../main/store/database';
import { ServiceError } from '../../../shared/errors';
import type { SaleCustomer } from '../../../shared/sale/sale';
import { startHarness, type Harness } from '../dealpos/harness';

// HW008 is DealPOS's documented example customer, seeded in the simulator with PIN 123654.
const HW008_ID = '5acffe34-346f-4888-afd8-0a551e556681';
const HW008: SaleCustomer = {
  id: HW008_ID,
  code: 'HW008',
  name: 'Tafta tata',
  email: 'Tafta@dealpos.com',
  mobile: '081588818888',
  group: 'Gold',
  loyaltyPoints: 88,
};
const SEEN_AT_MS = Date.parse('2026-11-22T10:15:00.000Z');
const SEEN_AT = '2026-11-22T17:15:00.000+07:00';

let harness: Harness;
let dir: string;
let database: OpenedDatabase;
let cache: CustomerStore;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  // A real SQLite file with the real migrations, fresh for every test.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-customers-'));
  database = openDatabase({ file: path.join(dir, 'counter.db') });
  cache = new CustomerStore(database.db);
});
afterEach(() => {
  database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function serviceWith(options: Partial<CustomerServiceOptions> = {}): ReturnType<typeof createCustomerService> {
  return createCustomerService({ client: () => harness.client, cache: () => cache, now: () => SEEN_AT_MS, iso: () => SEEN_AT, ...options });
}

/** Runs `check` while every request to the simulator has its connection destroyed (DealPOS unreachable). */
async function whileUnreachable(check: () => Promise<void>): Promise<void> {
  harness.sim.faults.offline = true;
  try {
    await check();
  } finally {
    harness.sim.faults.offline = false;
  }
}

describe('customer service against the simulator', () => {
  it('finds the same customer by member code, mobile number and email, with id, group and points', async () => {
    const service = serviceWith();
    const byCode = await service.lookup('code', 'HW008');
    expect(byCode).toEqual({ customer: HW008, source: 'dealpos' });
    expect(await service.lookup('mobile', '081588818888')).toEqual(byCode);
    // Customer/Email answers without an ID; the service fills it in so the PIN can be checked.
    expect(await service.lookup('email', 'Tafta@dealpos.com')).toEqual(byCode);
  });

  it('finds a customer by mobile number whichever form was typed and whichever DealPOS holds, asking at most three times', async () => {
    const service = serviceWith();
    for (const typed of ['+6281588818888', '6281588818888', '0815 8881 8888', '0815-8881-8888']) {
      expect((await service.lookup('mobile', typed))?.customer.code).toBe('HW008');
    }
    // DealPOS holds this customer's number as +62…: the national form misses, the next one finds them.
    const stored = harness.sim.state.customerBy('Code', 'HW008');
    if (!stored) throw new Error('HW008 missing from the simulator');
    stored.MobilePhone = '+6281588818888';
    try {
      const before = harness.sim.state.countRequests('Customer/MobilePhone');
      expect((await service.lookup('mobile', '0815 8881 8888'))?.customer.code).toBe('HW008');
      expect(harness.sim.state.countRequests('Customer/MobilePhone') - before).toBe(2);
      const missing = harness.sim.state.countRequests('Customer/MobilePhone');
      expect(await service.lookup('mobile', '0899 0000 0000')).toBeNull();
      expect(harness.sim.state.countRequests('Customer/MobilePhone') - missing).toBe(3);
    } finally {
      stored.MobilePhone = '081588818888';
    }
  });

  it('answers null for nobody, and not_configured without an account', async () => {
    const service = serviceWith();
    expect(await service.lookup('code', 'NOBODY-999')).toBeNull();
    const unconfigured = serviceWith({ client: () => null });
    await expect(unconfigured.lookup('code', 'HW008')).rejects.toMatchObject({ code: 'not_configured' });
  });

  it('checks the PIN in main and never returns it', async () => {
    const service = serviceWith();
    const right = await service.verifyPin(HW008_ID, '123654');
    expect(right).toEqual({ verified: true, proof: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(JSON.stringify(right)).not.toContain('123654');
    expect(await service.verifyPin(HW008_ID, '123655')).toEqual({ verified: false, proof: null });
    expect(await service.verifyPin(HW008_ID, '12365')).toEqual({ verified: false, proof: null });
    await expect(service.verifyPin('00000000-0000-0000-0000-000000000000', '1')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('pauses PIN checks for a customer after repeated wrong PINs', async () => {
    let now = 1_000_000;
    const service = serviceWith({ now: () => now });
    for (let i = 0; i < PIN_MAX_FAILURES; i++) expect((await service.verifyPin(HW008_ID, '000000')).verified).toBe(false);
    const locked = await service.verifyPin(HW008_ID, '123654').catch((error: unknown) => error);
    expect(locked).toBeInstanceOf(ServiceError);
    expect(locked).toMatchObject({ code: 'rate_limited' });
    now += PIN_LOCKOUT_MS + 1;
    expect((await service.verifyPin(HW008_ID, '123654')).verified).toBe(true);
  });

  it('gives a PIN proof that is good once, for that customer, for a few minutes', async () => {
    let now = 1_000_000;
    const service = serviceWith({ now: () => now });
    const proof = (await service.verifyPin(HW008_ID, '123654')).proof ?? '';
    expect(service.consumeProof(proof, 'another-customer')).toBe(false);
    const second = (await service.verifyPin(HW008_ID, '123654')).proof ?? '';
    expect(service.consumeProof(second, HW008_ID)).toBe(true);
    expect(service.consumeProof(second, HW008_ID)).toBe(false);
    const late = (await service.verifyPin(HW008_ID, '123654')).proof ?? '';
    now += PIN_PROOF_TTL_MS;
    expect(service.consumeProof(late, HW008_ID)).toBe(false);
  });

  it('reports an unreachable DealPOS as a network error, not as "not found"', async () => {
    const offline = await startHarness();
    await offline.sim.close();
    const service = serviceWith({ client: () => offline.client });
    await expect(service.lookup('code', 'HW008')).rejects.toMatchObject({ code: 'network' });
    offline.budget.close();
  });
});

describe('offline customer cache', () => {
  it('remembers every customer DealPOS returns, with when it was seen', async () => {
    expect(cache.find('code', 'HW008')).toBeNull();
    await serviceWith().lookup('code', 'HW008');
    expect(cache.find('code', 'HW008')).toEqual({ customer: HW008, seenAt: SEEN_AT });
    // The row is in the file, not just in memory: a second handle on the same file sees it.
    const again = openDatabase({ file: database.file });
    try {
      expect(new CustomerStore(again.db).find('email', 'tafta@dealpos.com')?.customer).toEqual(HW008);
    } finally {
      again.close();
    }
  });

  it("still answers DealPOS's customer when the local disk refuses to keep it, and says so", async () => {
    const failures: string[] = [];
    database.db.pragma('query_only = ON');
    const found = await serviceWith({ onCacheWriteFailed: (error) => failures.push(error.code) }).lookup('code', 'HW008');
    expect(found).toEqual({ customer: HW008, source: 'dealpos' });
    expect(failures).toEqual(['storage']);
    database.db.pragma('query_only = OFF');
    expect(cache.find('code', 'HW008')).toBeNull();
  });

  it('answers from the cache, marked as such, only while DealPOS is unreachable', async () => {
    const service = serviceWith();
    await service.lookup('code', 'HW008');
    await whileUnreachable(async () => {
      expect(await service.lookup('code', 'hw008')).toEqual({ customer: HW008, source: 'cache', seenAt: SEEN_AT });
    });
    // Reachable again: DealPOS answers, not the cache.
    expect(await service.lookup('code', 'HW008')).toEqual({ customer: HW008, source: 'dealpos' });
  });

  it('keeps the last details DealPOS gave and replaces them on the next live answer', async () => {
    const service = serviceWith();
    await service.lookup('code', 'HW008');
    const tafta = harness.sim.state.customers.find((c) => c.Code === 'HW008');
    if (!tafta) throw new Error('the simulator lost HW008');
    const points = tafta.LoyaltyPoint;
    try {
      tafta.LoyaltyPoint = 120;
      const later = serviceWith({ now: () => SEEN_AT_MS + 60_000, iso: () => '2026-11-22T17:16:00.000+07:00' });
      await later.lookup('code', 'HW008');
      await whileUnreachable(async () => {
        expect(await later.lookup('code', 'HW008')).toEqual({
          customer: { ...HW008, loyaltyPoints: 120 },
          source: 'cache',
          seenAt: '2026-11-22T17:16:00.000+07:00',
        });
      });
    } finally {
      tafta.LoyaltyPoint = points;
    }
  });

  it('still fails with the network error when DealPOS is unreachable and the cache has nobody', async () => {
    const service = serviceWith();
    await service.lookup('code', 'HW008');
    await whileUnreachable(async () => {
      const error = await service.lookup('code', 'NOBODY-999').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ServiceError);
      expect(error).toMatchObject({ code: 'network' });
    });
  });

  it('answers null when DealPOS says nobody, even if the cache remembers someone', async () => {
    // A customer DealPOS once returned and has since deleted.
    cache.upsert({ ...HW008, id: 'deleted-at-dealpos', code: 'GONE-1', mobile: '0811000111', email: 'gone@example.com' }, SEEN_AT, SEEN_AT_MS);
    const service = serviceWith();
    expect(await service.lookup('code', 'GONE-1')).toBeNull();
    expect(await service.lookup('mobile', '0811000111')).toBeNull();
    expect(await service.lookup('email', 'gone@example.com')).toBeNull();
  });

  it('does not fall back to the cache when DealPOS refuses rather than being unreachable', async () => {
    // Its own simulator and budget: a 429 makes the budget hold requests back for the whole window.
    const limited = await startHarness();
    try {
      const service = serviceWith({ client: () => limited.client });
      await service.lookup('code', 'HW008');
      limited.sim.faults.rateLimitNext(1, { path: /^customer\/code$/i });
      await expect(service.lookup('code', 'HW008')).rejects.toMatchObject({ code: 'rate_limited' });
    } finally {
      await limited.close();
    }
  });

  it('finds a cached customer by mobile number in its +62, 62 and 0 forms', async () => {
    const service = serviceWith();
    await service.lookup('mobile', '081588818888');
    await whileUnreachable(async () => {
      for (const typed of ['+6281588818888', '62 815 8881 8888', '0815-8881-8888']) {
        expect(await service.lookup('mobile', typed)).toEqual({ customer: HW008, source: 'cache', seenAt: SEEN_AT });
      }
    });
  });

  it('finds a cached customer by email regardless of case and surrounding spaces', async () => {
    const service = serviceWith();
    await service.lookup('email', 'Tafta@dealpos.com');
    await whileUnreachable(async () => {
      expect(await service.lookup('email', '  TAFTA@DealPOS.com ')).toEqual({ customer: HW008, source: 'cache', seenAt: SEEN_AT });
    });
  });
});
