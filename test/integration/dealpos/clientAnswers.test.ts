/**
 * What the client tells the rest of the app about DealPOS answering (issue 20), against the simulator:
 * - every normal answer (below 500, not 429), whoever asked and whatever it said, reaches the
 *   `onAnswered` listeners — the outbox ends its backoff on it; a 5xx, a 429 or no answer does not;
 * - a request that never left (connection refused) gives its budget slot back at once, so tries
 *   while DealPOS is unreachable do not use up the window.
 */
import net from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { DealPosClient } from '../../../main/dealpos/dealPosClient';
import { RequestBudget } from '../../../main/dealpos/requestBudget';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_FIXTURES } from '../../../main/simulator/simulatorServer';
import { interactive, rejectionOf, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => h.sim.faults.clear());
afterAll(async () => h.close());

it('tells its listeners of every normal answer, a 404 included, and not of a 5xx or a refusal', async () => {
  const client = h.makeClient();
  let answers = 0;
  const unsubscribe = client.onAnswered(() => {
    answers += 1;
  });
  await client.listTaxes(interactive);
  // The token and the list.
  expect(answers).toBe(2);
  await rejectionOf(client.customerByCode('NOPE-404', interactive));
  expect(answers).toBe(3);
  h.sim.faults.failNext(1, { status: 503 });
  await rejectionOf(client.listTaxes(interactive));
  expect(answers).toBe(3);
  h.sim.faults.offline = true;
  await rejectionOf(client.listTaxes(interactive));
  h.sim.faults.offline = false;
  expect(answers).toBe(3);
  unsubscribe();
  await client.listTaxes(interactive);
  expect(answers).toBe(3);
});

it('gives the slot of a request that never reached DealPOS back at once', async () => {
  // A port nobody listens on: the connection is refused, so DealPOS cannot have counted the request.
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const budget = new RequestBudget({ limit: 5, windowSeconds: 180, probeFirst: false });
  const client = new DealPosClient({ baseUrl: `http://127.0.0.1:${port}`, clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, budget, timeoutMs: 2_000 });
  for (let i = 0; i < 12; i++) await rejectionOf(client.variantDetail({ code: DEMO_FIXTURES.variants.indomie.code }, interactive));
  expect(budget.remaining('interactive')).toBe(5);
});
