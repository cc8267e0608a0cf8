import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomerService, PIN_LOCKOUT_MS, PIN_MAX_FAILURES } from '../../../main/customer/customerService';
import { ServiceError } from '../../../shared/errors';
import { startHarness, type Harness } from '../dealpos/harness';

// HW008 is DealPOS's documented example customer, seeded in the simulator with PIN 123654.
const HW008_ID = '5acffe34-346f-4888-afd8-0a551e556681';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.close();
});

describe('customer service against the simulator', () => {
  it('finds the same customer by member code, mobile number and email, with id, group and points', async () => {
    const service = createCustomerService({ client: () => harness.client });
    const byCode = await service.lookup('code', 'HW008');
    expect(byCode).toEqual({
      id: HW008_ID,
      code: 'HW008',
      name: 'Tafta tata',
      email: 'Tafta@dealpos.com',
      mobile: '081588818888',
      group: 'Gold',
      loyaltyPoints: 88,
    });
    expect(await service.lookup('mobile', '081588818888')).toEqual(byCode);
    // Customer/Email answers without an ID; the service fills it in so the PIN can be checked.
    expect(await service.lookup('email', 'Tafta@dealpos.com')).toEqual(byCode);
  });

  it('answers null for nobody, and not_configured without an account', async () => {
    const service = createCustomerService({ client: () => harness.client });
    expect(await service.lookup('code', 'NOBODY-999')).toBeNull();
    const unconfigured = createCustomerService({ client: () => null });
    await expect(unconfigured.lookup('code', 'HW008')).rejects.toMatchObject({ code: 'not_configured' });
  });

  it('checks the PIN in main and never returns it', async () => {
    const service = createCustomerService({ client: () => harness.client });
    expect(await service.verifyPin(HW008_ID, '123654')).toEqual({ verified: true });
    expect(await service.verifyPin(HW008_ID, '123655')).toEqual({ verified: false });
    expect(await service.verifyPin(HW008_ID, '12365')).toEqual({ verified: false });
    await expect(service.verifyPin('00000000-0000-0000-0000-000000000000', '1')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('pauses PIN checks for a customer after repeated wrong PINs', async () => {
    let now = 1_000_000;
    const service = createCustomerService({ client: () => harness.client, now: () => now });
    for (let i = 0; i < PIN_MAX_FAILURES; i++) expect((await service.verifyPin(HW008_ID, '000000')).verified).toBe(false);
    const locked = await service.verifyPin(HW008_ID, '123654').catch((error: unknown) => error);
    expect(locked).toBeInstanceOf(ServiceError);
    expect(locked).toMatchObject({ code: 'rate_limited' });
    now += PIN_LOCKOUT_MS + 1;
    expect(await service.verifyPin(HW008_ID, '123654')).toEqual({ verified: true });
  });

  it('reports an unreachable DealPOS as a network error, not as "not found"', async () => {
    const offline = await startHarness();
    await offline.sim.close();
    const service = createCustomerService({ client: () => offline.client });
    await expect(service.lookup('code', 'HW008')).rejects.toMatchObject({ code: 'network' });
    offline.budget.close();
  });
});
