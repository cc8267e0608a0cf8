/**
 * Every fault the simulator injects, against one register over real HTTP: afterwards every sale is
 * on the simulator exactly once (a second create of the same number would be refused by the
 * simulator and show up here as a rejected entry).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { expectExactlyOnce, newClient, startRegister, startTestSimulator, waitFor, type Register } from './harness';

let sim: Simulator;
let register: Register;

beforeEach(async () => {
  sim = await startTestSimulator();
});
afterEach(async () => {
  await register.close();
  await sim.close();
});

const queue = () => register.status.get().queue;
const drained = (needsAttention = 0) =>
  waitFor('the queue to drain', () => queue().pending === 0 && queue().needsAttention === needsAttention);
const creates = () => sim.state.countRequests('Invoice', 'POST') + sim.state.countRequests('Invoice/List', 'POST');

describe('outbox against simulator faults', () => {
  it('sells offline, shows it, then drains the backlog in batches once DealPOS is back', async () => {
    sim.faults.offline = true;
    register = startRegister(sim);
    const sales = register.sell(30);
    await waitFor('offline to be noticed', () => register.status.get().connectivity === 'offline');
    expect(queue().pending).toBe(30);
    expect(queue().oldestPendingAgeMs).not.toBeNull();
    expect(queue().lastError).toMatch(/Cannot reach DealPOS/);

    sim.faults.offline = false;
    register.outbox.worker.syncNow();
    await drained();
    expect(expectExactlyOnce(sim, register, sales)).toEqual([]);
    expect(register.status.get().connectivity).toBe('online');
    expect(queue().lastSyncAt).not.toBeNull();
    expect(queue().lastError).toBeNull();
    // The probe that died offline is looked up once; the rest go 25 per request.
    expect(sim.state.countRequests('Invoice/List', 'POST')).toBeLessThanOrEqual(3);
  });

  it('commit, then drop the response on a batch: one listing confirms the whole batch instead of sending it again', async () => {
    register = startRegister(sim);
    const warmup = register.sell(1);
    await drained();
    sim.faults.dropResponseNext(1);
    const sales = register.sell(12);
    await drained();
    expect(expectExactlyOnce(sim, register, [...warmup, ...sales])).toEqual([]);
    expect(sim.state.countRequests('Invoice/MultipleOutlet')).toBe(1);
    expect(sim.state.countRequests('Invoice/IDByNumber')).toBe(0);
    // The warm-up and the dropped batch; nothing sent again.
    expect(creates()).toBe(2);
  });

  it('commit, then drop the response on a single send', async () => {
    register = startRegister(sim);
    sim.faults.dropResponseNext(1);
    const sales = register.sell(1);
    await drained();
    expect(expectExactlyOnce(sim, register, sales)).toEqual([]);
    expect(sim.state.countRequests('Invoice/IDByNumber')).toBe(1);
    expect(creates()).toBe(1);
  });

  it('a refusal after an unknown outcome is checked by number: "already exists" means synced, not needs-attention', async () => {
    register = startRegister(sim);
    sim.faults.dropResponseNext(1);
    // The first lookup wrongly says "absent" (404), so the invoice is sent again and refused as a duplicate.
    sim.faults.failNext(1, { path: 'Invoice/IDByNumber', status: 404 });
    const sales = register.sell(1);
    await drained();
    expect(expectExactlyOnce(sim, register, sales)).toEqual([]);
    expect(sim.state.countRequests('Invoice/IDByNumber')).toBe(2);
    expect(creates()).toBe(2);
  });

  it('5xx and connection resets: retried with backoff, each checked by number first', async () => {
    register = startRegister(sim);
    register.sell(1);
    await drained();
    sim.faults.failNext(3, { path: /^invoice(\/list)?$/i, status: 500 });
    sim.faults.resetNext(2, { path: /^invoice(\/list)?$/i });
    sim.faults.failNext(1, { path: 'Invoice/IDByNumber', status: 503 });
    const sales = register.sell(8);
    await drained();
    expect(expectExactlyOnce(sim, register, sales)).toEqual([]);
  });

  it('a response slower than the timeout is an unknown outcome, never a duplicate', async () => {
    register = startRegister(sim, { timeoutMs: 300 });
    register.sell(1);
    await drained();
    sim.faults.delayNext(1, 600, { path: /^invoice(\/list)?$/i });
    const sales = register.sell(5);
    await drained();
    expect(expectExactlyOnce(sim, register, sales)).toEqual([]);
  });

  it('429 from the server: waits and sends, nothing lost', async () => {
    register = startRegister(sim);
    sim.faults.rateLimitNext(1, { path: /^invoice(\/list)?$/i });
    const sales = register.sell(3);
    await drained();
    expect(expectExactlyOnce(sim, register, sales)).toEqual([]);
  });

  it('an expired token is renewed transparently', async () => {
    register = startRegister(sim);
    register.sell(1);
    await drained();
    sim.faults.expireTokens();
    const sales = register.sell(4);
    await drained();
    expect(expectExactlyOnce(sim, register, sales)).toEqual([]);
    expect(queue().pausedReason).toBeNull();
  });

  it('a 400 inside a batch rejects only that invoice; a manager fixes and resends it, or voids one with a kept reason', async () => {
    register = startRegister(sim);
    register.sell(1);
    await drained();
    const rejected: string[] = [];
    register.events.on('invoiceRejected', (e) => rejected.push(e.invoiceNumber));
    sim.faults.rejectNextInvoice('Variant code 1315L is not found');
    const sales = register.sell(6);
    await drained(1);
    expect(rejected).toHaveLength(1);
    const [bad] = register.outbox.store.list('rejected', 10);
    expect(bad?.lastError).toBe('Variant code 1315L is not found');
    expect(sim.state.findInvoice('Outlet1', bad?.invoiceNumber ?? '')).toBeNull();

    const { handlers } = register.outbox;
    await handlers['queue.edit']({ localId: bad?.localId ?? '', patch: { variants: [{ action: 'replace', index: 0, code: 'ROTI-001' }] } });
    await handlers['queue.retry']({ localId: bad?.localId ?? '' });
    await drained(0);
    expect(expectExactlyOnce(sim, register, sales)).toEqual([]);
    expect(sim.state.findInvoice('Outlet1', bad?.invoiceNumber ?? '')?.Variants?.[0]?.Code).toBe('ROTI-001');

    sim.faults.rejectNextInvoice('Outlet Kelapa Gading (closed) is suspended');
    const [doomed] = register.sell(1);
    await drained(1);
    await register.approvals.set('Budi', '4821', undefined);
    const { approvalId } = await register.approvals.approve({ action: 'queue_void', localId: doomed?.localId ?? '' }, '4821');
    const voided = await handlers['queue.void']({ localId: doomed?.localId ?? '', reason: 'Outlet closed for good; entered by hand', approvalId });
    expect(voided).toMatchObject({ state: 'voided', voidReason: 'Outlet closed for good; entered by hand', voidedBy: 'Budi' });
    expect(queue().needsAttention).toBe(0);
    expect(await handlers['queue.list']({ state: 'voided', limit: 10 })).toHaveLength(1);
  });

  it('a whole-batch refusal falls back to single sends; a too-large batch is halved; a missing Invoice/List means single sends', async () => {
    register = startRegister(sim);
    register.sell(1);
    await drained();
    sim.faults.failNext(1, { path: 'Invoice/List', status: 400 });
    const first = register.sell(5);
    await drained();
    expect(expectExactlyOnce(sim, register, first)).toEqual([]);

    sim.faults.failNext(1, { path: 'Invoice/List', status: 413 });
    const second = register.sell(8);
    await drained();
    expect(expectExactlyOnce(sim, register, [...first, ...second])).toEqual([]);
    expect(sim.state.countRequests('Invoice/IDByNumber')).toBe(0);

    sim.faults.failNext(1, { path: 'Invoice/List', status: 404 });
    const third = register.sell(5);
    await drained();
    expect(expectExactlyOnce(sim, register, [...first, ...second, ...third])).toEqual([]);
  });

  it('bad credentials pause the worker visibly; nothing is lost; a fixed client resumes it', async () => {
    register = startRegister(sim);
    register.client = newClient(sim, register.budget, { secret: 'ffffffff-ffff-4fff-8fff-ffffffffffff' });
    const sales = register.sell(4);
    await waitFor('the pause', () => queue().pausedReason !== null);
    expect(queue().pausedReason).toMatch(/refused the client id or secret/);
    expect(queue().pending).toBe(4);
    expect(register.outbox.store.due(Date.now(), 10)).toHaveLength(4);

    register.client = newClient(sim, register.budget);
    register.outbox.worker.credentialsChanged();
    await drained();
    expect(queue().pausedReason).toBeNull();
    expect(expectExactlyOnce(sim, register, sales)).toEqual([]);
  });

  it('a missing role (403) pauses too, until "sync now" after the role is granted', async () => {
    register = startRegister(sim);
    sim.faults.forbidRole('Sell CREATE');
    const sales = register.sell(2);
    await waitFor('the pause', () => queue().pausedReason !== null);
    expect(queue().pausedReason).toMatch(/Sell CREATE/);
    sim.faults.allowRole('Sell CREATE');
    await register.outbox.handlers['queue.syncNow']({});
    await drained();
    expect(expectExactlyOnce(sim, register, sales)).toEqual([]);
  });

  it('not connected: the queue waits with a visible reason and sends once an account appears', async () => {
    register = startRegister(sim);
    const client = register.client;
    register.client = null;
    const sales = register.sell(2);
    await waitFor('the pause', () => queue().pausedReason !== null);
    expect(queue().pausedReason).toMatch(/Not connected/);
    register.client = client;
    register.outbox.worker.credentialsChanged();
    await drained();
    expect(expectExactlyOnce(sim, register, sales)).toEqual([]);
  });
});
