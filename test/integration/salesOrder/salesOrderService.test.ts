/**
 * Tracking numbers through the durable queue to the simulator: recorded and read back, empty fields
 * leave DealPOS's values alone, a record made offline is sent once DealPOS answers, refusals are final.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventHub } from '../../../main/events/eventHub';
import { createLogger } from '../../../main/logging/logger';
import { createSalesOrderService, type SalesOrderService } from '../../../main/salesOrder/salesOrderService';
import { key } from '../../../main/simulator/simulatorState';
import { openDatabase, type OpenedDatabase } from '../../../main/store/database';
import { SalesOrderReferenceStore } from '../../../main/store/salesOrderReferenceStore';
import type { ReferenceRecord } from '../../../shared/contract/salesOrder';
import { rejectionOf, startHarness, type Harness } from '../dealpos/harness';

// The seed's example order (SalesOrder/ReferenceNumber), present in the simulator from the start.
const OUTLET = 'Outlet1';
const ORDER = '20.06.00001';

let h: Harness;
let dir: string;
let database: OpenedDatabase;
let store: SalesOrderReferenceStore;
let service: SalesOrderService | null = null;
let events: EventHub;
let lastUsed: string | null;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-sales-orders-'));
  database = openDatabase({ file: path.join(dir, 'counter.db') });
  store = new SalesOrderReferenceStore(database.db);
  events = new EventHub();
  lastUsed = null;
  h.sim.faults.clear();
  h.sim.state.salesOrders.set(key(OUTLET, ORDER), { outlet: OUTLET, number: ORDER, referenceNumber: null, logisticServiceCode: null, note: null });
});
afterEach(async () => {
  await service?.stop();
  service = null;
  database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function start(answerWaitMs = 3_000): SalesOrderService {
  service = createSalesOrderService({
    store,
    client: () => h.client,
    accessibleOutlets: () => ['Outlet1', 'Main Store'],
    lastUsedCode: { get: () => lastUsed, set: (code) => (lastUsed = code) },
    events,
    logger: createLogger(() => undefined),
    answerWaitMs,
    // Half the jitter range: the first retry comes a second after a failure.
    random: () => 0.5,
  });
  service.start();
  return service;
}

const onServer = (): unknown => h.sim.state.salesOrders.get(key(OUTLET, ORDER));
const record = (fields: { referenceNumber?: string; logisticServiceCode?: string; note?: string }): Promise<ReferenceRecord> =>
  (service ?? start()).handlers['salesOrder.record']({ outlet: 'outlet1', number: ORDER, referenceNumber: '', logisticServiceCode: '', note: '', ...fields });
const until = async (check: () => boolean, what: string): Promise<void> => {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('salesOrder.record', () => {
  it('records the tracking number, service code and note, reads them back, and remembers the code', async () => {
    const sent = await record({ referenceNumber: 'JP1234567890', logisticServiceCode: 'JNE-R', note: 'two boxes' });
    expect(sent).toMatchObject({ state: 'sent', outlet: 'Outlet1', referenceNumber: 'JP1234567890', logisticServiceCode: 'JNE-R', note: 'two boxes', attempts: 1 });
    expect(onServer()).toMatchObject({ referenceNumber: 'JP1234567890', logisticServiceCode: 'JNE-R', note: 'two boxes' });
    expect((await service?.handlers['salesOrder.list']({ limit: 5 }))?.[0]).toEqual(sent);
    expect(await service?.handlers['salesOrder.logisticServices']({})).toMatchObject({ lastUsed: 'JNE-R' });
  });

  it('leaves DealPOS values alone for empty fields, and refuses a record with nothing to change', async () => {
    await record({ referenceNumber: 'JP-1', logisticServiceCode: 'JNE-R', note: 'first' });
    await record({ note: 'second note only' });
    expect(onServer()).toMatchObject({ referenceNumber: 'JP-1', logisticServiceCode: 'JNE-R', note: 'second note only' });
    const before = h.sim.state.countRequests('SalesOrder/ReferenceNumber');
    const empty = await rejectionOf(record({}));
    expect(empty).toMatchObject({ code: 'validation', details: { reason: 'nothing_to_change' } });
    expect(h.sim.state.countRequests('SalesOrder/ReferenceNumber')).toBe(before);
  });

  it('queues a record made offline and sends it exactly once when DealPOS answers again', async () => {
    const processed = (): number => h.sim.state.requestLog.filter((entry) => entry.path === 'SalesOrder/ReferenceNumber' && entry.status === 200).length;
    const processedBefore = processed();
    h.sim.faults.offline = true;
    const queued = await record({ referenceNumber: 'OFFLINE-1' });
    expect(queued).toMatchObject({ state: 'pending', lastErrorCode: 'network' });
    expect(onServer()).toMatchObject({ referenceNumber: null });
    const sent = new Promise<ReferenceRecord>((resolve) => events.on('salesOrderReferenceChanged', (r) => r.state === 'sent' && resolve(r)));
    h.sim.faults.offline = false;
    expect(await sent).toMatchObject({ id: queued.id, referenceNumber: 'OFFLINE-1' });
    expect(onServer()).toMatchObject({ referenceNumber: 'OFFLINE-1' });
    expect(processed() - processedBefore).toBe(1);
  });

  it('without an account (setup mode) nothing is queued for whichever account comes next', async () => {
    const setup = createSalesOrderService({
      store,
      client: () => null,
      accessibleOutlets: () => [],
      lastUsedCode: { get: () => null, set: () => undefined },
      events,
      logger: createLogger(() => undefined),
    });
    const refused = await rejectionOf(setup.handlers['salesOrder.record']({ outlet: 'Outlet1', number: ORDER, referenceNumber: 'X0', logisticServiceCode: '', note: '' }));
    expect(refused).toMatchObject({ code: 'not_configured' });
    expect(store.recent(10)).toEqual([]);
  });

  it('a record a crash left in flight is sent at the next start', async () => {
    const queued = store.add({ outlet: OUTLET, number: ORDER, referenceNumber: 'CRASHED-1', logisticServiceCode: null, note: null }, Date.now());
    expect(store.claimDue(Date.now())?.state).toBe('sending');
    start();
    await until(() => store.get(queued.id)?.state === 'sent', 'the interrupted record to be sent');
    expect(onServer()).toMatchObject({ referenceNumber: 'CRASHED-1' });
  });

  it('an unknown order and a missing role are final refusals naming what is wrong; an inaccessible outlet is refused before queueing', async () => {
    const unknown = await (service ?? start()).handlers['salesOrder.record']({ outlet: 'Outlet1', number: '99.99.99999', referenceNumber: 'X1', logisticServiceCode: '', note: '' });
    expect(unknown).toMatchObject({ state: 'rejected', problem: 'unknown_order', lastErrorCode: 'not_found' });
    h.sim.faults.forbidRole('Orders EDIT');
    expect(await record({ referenceNumber: 'X2' })).toMatchObject({ state: 'rejected', problem: 'lacks_role', role: 'Orders EDIT' });
    const outlet = await rejectionOf(service?.handlers['salesOrder.record']({ outlet: 'Pluit', number: ORDER, referenceNumber: 'X3', logisticServiceCode: '', note: '' }) ?? Promise.resolve());
    expect(outlet).toMatchObject({ code: 'validation', details: { reason: 'outlet_not_accessible', outlet: 'Pluit' } });
    expect(store.recent(10).map((r) => r.referenceNumber)).toEqual(['X2', 'X1']);
  });
});
