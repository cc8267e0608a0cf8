/** Each typed error the client promises, provoked for real against the simulator. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DealPosBadCredentialsError,
  DealPosBadResponseError,
  DealPosCancelledError,
  DealPosForbiddenError,
  DealPosNetworkError,
  DealPosNotFoundError,
  DealPosRateLimitedError,
  DealPosServerError,
  DealPosTimeoutError,
  DealPosValidationError,
} from '../../../main/dealpos/errors';
import { RequestBudget } from '../../../main/dealpos/requestBudget';
import { DEMO_CLIENT_SECRET, DEMO_FIXTURES, startSimulator } from '../../../main/simulator/simulatorServer';
import { interactive, rejectionOf, startHarness, sync, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterEach(() => h.sim.faults.clear());
afterAll(async () => h.close());

const F = DEMO_FIXTURES;
const invoice = (number: string) => ({
  Outlet: F.outlets.main,
  Number: number,
  Date: '2026-11-22',
  Tag: F.tag,
  TaxType: F.taxes.none,
  Variants: [{ Code: F.variants.aqua.code, Quantity: 1, Price: F.variants.aqua.price }],
  Payments: [{ Amount: F.variants.aqua.price, Method: F.paymentMethods.cash }],
});

describe('typed errors', () => {
  it('bad_credentials when the secret is wrong, without the secret in the message', async () => {
    const wrongSecret = 'ffffffff-0000-4000-8000-000000000000';
    const client = h.makeClient({ clientSecret: wrongSecret });
    const error = await rejectionOf(client.listTaxes(interactive));
    expect(error).toBeInstanceOf(DealPosBadCredentialsError);
    expect((error as DealPosBadCredentialsError).code).toBe('bad_credentials');
    expect(JSON.stringify((error as DealPosBadCredentialsError).toShape())).not.toContain(wrongSecret);
    expect(h.logLines.join('\n')).not.toContain(wrongSecret);
  });

  it('forbidden names the role the server asked for', async () => {
    h.sim.faults.forbidRole('Sell CREATE');
    const error = await rejectionOf(h.client.createInvoice(invoice('ERR-403'), sync));
    expect(error).toBeInstanceOf(DealPosForbiddenError);
    expect((error as DealPosForbiddenError).role).toBe('Sell CREATE');
    expect((error as DealPosForbiddenError).details).toMatchObject({ endpoint: 'Invoice', role: 'Sell CREATE' });
    expect(h.sim.state.findInvoice(F.outlets.main, 'ERR-403')).toBeNull();
  });

  it('not_found for an unknown customer; null for an unknown invoice number', async () => {
    const error = await rejectionOf(h.client.customerByCode('NOPE-404', interactive));
    expect(error).toBeInstanceOf(DealPosNotFoundError);
    expect((error as DealPosNotFoundError).endpoint).toBe('Customer/Code');
    expect(await h.client.invoiceIdByNumber({ outlet: F.outlets.main, number: 'NEVER-SENT' }, sync)).toBeNull();
  });

  it('server_validation carries the server Message (duplicate number, injected rejection)', async () => {
    await h.client.createInvoice(invoice('ERR-DUP'), sync);
    const duplicate = await rejectionOf(h.client.createInvoice(invoice('ERR-DUP'), sync));
    expect(duplicate).toBeInstanceOf(DealPosValidationError);
    expect((duplicate as DealPosValidationError).serverMessage).toMatch(/ERR-DUP already exists/);
    expect([...h.sim.state.invoices.values()].filter((i) => i.Number === 'ERR-DUP')).toHaveLength(1);

    h.sim.faults.rejectNextInvoice('Stock is not enough for Aqua 600ml');
    const rejected = await rejectionOf(h.client.createInvoice(invoice('ERR-400'), sync));
    expect((rejected as DealPosValidationError).serverMessage).toBe('Stock is not enough for Aqua 600ml');
  });

  it('rate_limited with the wait the server implies; nothing processed; the budget stays blocked', async () => {
    // A 429 blocks the budget it passed through for the whole wait, so this test uses its own budget.
    const budget = new RequestBudget({ limit: 100 });
    const client = h.makeClient({ budget });
    h.sim.faults.rateLimitNext(1, { path: 'Invoice' });
    const error = await rejectionOf(client.createInvoice(invoice('ERR-429'), sync));
    expect(error).toBeInstanceOf(DealPosRateLimitedError);
    expect((error as DealPosRateLimitedError).retryAfterMs).toBeGreaterThan(0);
    expect((error as DealPosRateLimitedError).details).toMatchObject({ local: false, maybeProcessed: false });
    expect(h.sim.state.findInvoice(F.outlets.main, 'ERR-429')).toBeNull();
    expect(budget.remaining()).toBe(0);
    expect(budget.snapshot().blockedUntil).toBeGreaterThan(Date.now());
    budget.close();
  });

  it('rate_limited reads the wait from the 429 Message ("Try again in N seconds"), not the window size', async () => {
    // The simulator's clock jumps 50 s into its 60 s window: "…per 60s. Try again in 10 seconds."
    let offset = 0;
    const sim = await startSimulator({
      clientId: F.clientId,
      clientSecret: DEMO_CLIENT_SECRET,
      variants: 0,
      rateLimit: { count: 1000, seconds: 60 },
      now: () => Date.now() + offset,
    });
    const budget = new RequestBudget({ limit: 100 });
    const client = h.makeClient({ baseUrl: sim.url, budget });
    await client.getToken(interactive);
    offset = 50_000;
    sim.faults.rateLimitNext(1);
    const error = await rejectionOf(client.listTaxes(interactive));
    expect((error as DealPosRateLimitedError).retryAfterMs).toBeGreaterThan(0);
    expect((error as DealPosRateLimitedError).retryAfterMs).toBeLessThanOrEqual(10_000);
    budget.close();
    await sim.close();
  });

  it('rate_limited (local) at once when the budget cannot grant a slot within maxWaitMs; nothing sent', async () => {
    const sim = await startSimulator({ clientId: F.clientId, clientSecret: DEMO_CLIENT_SECRET, variants: 0, rateLimit: { count: 2, seconds: 60 } });
    const budget = new RequestBudget();
    const client = h.makeClient({ baseUrl: sim.url, budget });
    await client.listTaxes(interactive); // token + this call: the server says 2 per 60 s, all used
    const before = sim.state.requestLog.length;
    const error = await rejectionOf(client.listTaxes({ ...interactive, maxWaitMs: 1_000 }));
    expect(error).toBeInstanceOf(DealPosRateLimitedError);
    expect((error as DealPosRateLimitedError).details).toMatchObject({ endpoint: 'Tax', local: true, maybeProcessed: false });
    expect((error as DealPosRateLimitedError).retryAfterMs).toBeGreaterThan(50_000);
    expect(sim.state.requestLog.length).toBe(before);
    budget.close();
    await sim.close();
  });

  it('server_error on 5xx', async () => {
    h.sim.faults.failNext(1, { status: 503 });
    const error = await rejectionOf(h.client.listTaxes(interactive));
    expect(error).toBeInstanceOf(DealPosServerError);
    expect((error as DealPosServerError).status).toBe(503);
    expect((error as DealPosServerError).details).toMatchObject({ serverMessage: 'An error has occurred.' });
  });

  it('network error when the connection is reset (maybe processed) or refused (not sent)', async () => {
    h.sim.faults.resetNext(1);
    const reset = await rejectionOf(h.client.listTaxes(interactive));
    expect(reset).toBeInstanceOf(DealPosNetworkError);
    expect((reset as DealPosNetworkError).maybeProcessed).toBe(true);

    h.sim.faults.offline = true;
    expect(await rejectionOf(h.client.listOutlets({}, interactive))).toBeInstanceOf(DealPosNetworkError);
    h.sim.faults.offline = false;

    await h.sim.refuseConnections();
    const refused = await rejectionOf(h.client.listTaxes(interactive));
    expect(refused).toBeInstanceOf(DealPosNetworkError);
    expect((refused as DealPosNetworkError).details).toMatchObject({ reason: 'ECONNREFUSED', maybeProcessed: false });
    await h.sim.acceptConnections();
    expect((await h.client.listTaxes(interactive)).length).toBeGreaterThan(0);
  });

  it('commit-then-drop: the client hears a network error, the invoice exists and IDByNumber finds it', async () => {
    h.sim.faults.dropResponseNext(1);
    const error = await rejectionOf(h.client.createInvoice(invoice('ERR-DROP'), sync));
    expect(error).toBeInstanceOf(DealPosNetworkError);
    expect((error as DealPosNetworkError).maybeProcessed).toBe(true);
    const stored = h.sim.state.findInvoice(F.outlets.main, 'ERR-DROP');
    expect(stored).not.toBeNull();
    expect(await h.client.invoiceIdByNumber({ outlet: F.outlets.main, number: 'ERR-DROP' }, sync)).toBe(stored?.ID);
  });

  it('timeout when the answer is late; the request may still have been processed', async () => {
    h.sim.faults.delayNext(1, 400, { path: 'Invoice' });
    const error = await rejectionOf(h.client.createInvoice(invoice('ERR-SLOW'), { ...sync, timeoutMs: 100 }));
    expect(error).toBeInstanceOf(DealPosTimeoutError);
    expect((error as DealPosTimeoutError).details).toMatchObject({ endpoint: 'Invoice', timeoutMs: 100, maybeProcessed: true });
  });

  it('cancelled through the caller AbortSignal, in flight and before sending', async () => {
    await h.client.listTaxes(interactive); // token cached, so the abort below hits the API call
    h.sim.faults.delayNext(1, 2_000);
    const controller = new AbortController();
    const logged = h.sim.state.requestLog.length;
    const pending = h.client.listTaxes({ ...interactive, signal: controller.signal });
    // Abort once the simulator has the request (it holds the answer back for 2 s).
    while (!h.sim.state.requestLog.slice(logged).some((e) => e.path === 'Tax')) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const inFlight = await rejectionOf(pending);
    expect(inFlight).toBeInstanceOf(DealPosCancelledError);
    expect((inFlight as DealPosCancelledError).details).toMatchObject({ maybeProcessed: true });

    const before = h.sim.state.countRequests('Tax');
    const early = await rejectionOf(h.client.listTaxes({ ...interactive, signal: AbortSignal.abort() }));
    expect(early).toBeInstanceOf(DealPosCancelledError);
    expect((early as DealPosCancelledError).details).toMatchObject({ maybeProcessed: false });
    expect(h.sim.state.countRequests('Tax')).toBe(before);
  });

  it('bad_response names endpoint and field when the shape drifts, and when the body is not JSON', async () => {
    h.sim.faults.mutateNext(1, (body) => ({ ...(body as object), UnitPrice: 'lima ribu' }), { path: 'Variant/Detail' });
    const drifted = await rejectionOf(h.client.variantDetail({ code: F.variants.aqua.code }, interactive));
    expect(drifted).toBeInstanceOf(DealPosBadResponseError);
    expect((drifted as DealPosBadResponseError).details).toMatchObject({ endpoint: 'Variant/Detail', field: 'UnitPrice' });

    h.sim.faults.mutateNext(1, (body) => (body as { Name: string }[]).map(({ Name: _name, ...rest }) => rest), { path: 'Tax' });
    const missing = await rejectionOf(h.client.listTaxes(interactive));
    expect((missing as DealPosBadResponseError).field).toBe('0.Name');

    h.sim.faults.garbleNext(1, '<html>Service Unavailable</html>', { path: 'Outlet' });
    const garbled = await rejectionOf(h.client.listOutlets({}, interactive));
    expect((garbled as DealPosBadResponseError).details).toMatchObject({ endpoint: 'Outlet', field: '(body)' });
  });
});

describe('secrets', () => {
  it('never writes the client secret or a token to the log or into an error', async () => {
    const client = h.makeClient();
    await client.listTaxes(interactive);
    h.sim.faults.expireTokens();
    await client.listTaxes(interactive);
    h.sim.faults.failNext(1);
    const error = await rejectionOf(client.listTaxes(interactive));
    const tokens = [...h.sim.state.tokens.keys()];
    expect(tokens.length).toBeGreaterThan(0);
    const everything = `${h.logLines.join('\n')}\n${JSON.stringify((error as DealPosServerError).toShape())}\n${String(error)}`;
    for (const secret of [DEMO_CLIENT_SECRET, ...tokens]) expect(everything).not.toContain(secret);
    expect(h.logLines.some((line) => line.includes('token renewed'))).toBe(true);
  });
});
