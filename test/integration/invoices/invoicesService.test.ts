/** The back-office invoice handlers against the simulator over real HTTP: filters, paging, the page cache, update, delete, the bin, refusals. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RequestBudget } from '../../../main/dealpos/requestBudget';
import { createInvoicesService, type InvoicesHandlers } from '../../../main/invoices/invoicesService';
import { createLogger } from '../../../main/logging/logger';
import { DEMO_FIXTURES } from '../../../main/simulator/simulatorServer';
import type { InvoiceEdit, InvoiceFilters } from '../../../shared/contract/invoices';
import { ServiceError } from '../../../shared/errors';
import { rejectionOf, startHarness, sync, type Harness } from '../dealpos/harness';

const OUTLETS = ['Outlet1', 'Outlet2', 'Main Store', 'Pluit'];
const NO_FILTERS: InvoiceFilters = { outlets: [], tags: [], bin: false };
const indomie = DEMO_FIXTURES.variants.indomie.code;

let h: Harness;
let handlers: InvoicesHandlers;
let accessible: string[];

beforeAll(async () => {
  h = await startHarness();
  // Four invoices on 2026-11-2x across two outlets and channels, besides the demo's own.
  const sale = (outlet: string, number: string, date: string, extra: Record<string, unknown>): Promise<unknown> =>
    h.client.createInvoice(
      { Outlet: outlet, Number: number, Date: date, TaxType: 'No Tax', Tag: 'Offline', Variants: [{ Code: indomie, Quantity: 2, Price: 3500 }], ...extra },
      sync,
    );
  await sale('Main Store', 'BO-1', '2026-11-20', { Payments: [{ Amount: 7000, Method: 'Cash' }], Note: 'gift wrap' });
  await sale('Main Store', 'BO-2', '2026-11-21', { Tag: 'Shopee', Fulfillment: 'Unsent', Customer: { Name: 'Ani', Email: 'ani@example.com', Mobile: '0811000111' } });
  await sale('Pluit', 'BO-3', '2026-11-22', { Tag: 'Tokopedia', Payments: [{ Amount: 3000, Method: 'Cash' }] });
  await sale('Pluit', 'BO-4', '2026-11-23', { Payments: [{ Amount: 7000, Method: 'QRIS' }] });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  accessible = [...OUTLETS];
  h.sim.faults.clear();
  handlers = createInvoicesService({
    client: () => h.client,
    budget: () => h.budget,
    accessibleOutlets: async () => accessible,
    decimals: () => 0,
    logger: createLogger(() => undefined),
  }).handlers;
});

const numbers = async (filters: Partial<InvoiceFilters>, page = 1, pageSize = 500): Promise<string[]> => {
  const result = await handlers['invoices.list']({ filters: { ...NO_FILTERS, from: '2026-11-01', ...filters }, page, pageSize, fresh: true });
  return result.rows.map((row) => row.number);
};

describe('invoices.list', () => {
  it('narrows by each filter the seed lists', async () => {
    expect(await numbers({})).toEqual(['BO-1', 'BO-2', 'BO-3', 'BO-4']);
    expect(await numbers({ outlets: ['pluit'] })).toEqual(['BO-3', 'BO-4']);
    expect(await numbers({ outlets: ['Main Store', 'Pluit'], tags: ['Shopee', 'Tokopedia'] })).toEqual(['BO-2', 'BO-3']);
    expect(await numbers({ paymentState: 'Partial' })).toEqual(['BO-3']);
    expect(await numbers({ paymentState: 'Unpaid' })).toEqual(['BO-2']);
    expect(await numbers({ fulfillment: 'Unsent' })).toEqual(['BO-2']);
    expect(await numbers({ customer: 'ani@example.com' })).toEqual(['BO-2']);
    expect(await numbers({ customer: '0811000111' })).toEqual(['BO-2']);
    expect(await numbers({ note: 'gift' })).toEqual(['BO-1']);
    expect(await numbers({ from: '2026-11-21', to: '2026-11-22' })).toEqual(['BO-2', 'BO-3']);
  });

  it('pages, reuses a page already fetched without a request, and refuses a page beyond the end', async () => {
    const first = await handlers['invoices.list']({ filters: { ...NO_FILTERS, from: '2026-11-01' }, page: 1, pageSize: 3, fresh: false });
    expect(first.rows.map((row) => row.number)).toEqual(['BO-1', 'BO-2', 'BO-3']);
    expect(first).toMatchObject({ mayHaveMore: true, cached: false });
    expect(first.rows[0]).toMatchObject({ outlet: 'Main Store', amount: 7000, paymentState: 'Paid', date: '2026-11-20' });
    expect(first.quota).toMatchObject({ limit: 10_000 });
    expect(await numbers({}, 2, 3)).toEqual(['BO-4']);

    const before = h.sim.state.countRequests('Invoice/MultipleOutlet');
    const again = await handlers['invoices.list']({ filters: { ...NO_FILTERS, from: '2026-11-01' }, page: 1, pageSize: 3, fresh: false });
    expect(again.cached).toBe(true);
    expect(again.rows).toEqual(first.rows);
    expect(h.sim.state.countRequests('Invoice/MultipleOutlet')).toBe(before);

    const beyond = await rejectionOf(numbers({}, 3, 3));
    expect(beyond).toBeInstanceOf(ServiceError);
    expect(beyond).toMatchObject({ code: 'not_found', details: { reason: 'page_beyond_end', page: 3 } });
  });

  it('refuses an outlet the DealPOS user cannot access before sending anything', async () => {
    accessible = ['Outlet1', 'Main Store'];
    const before = h.sim.state.countRequests('Invoice/MultipleOutlet');
    const error = await rejectionOf(numbers({ outlets: ['Main Store', 'Pluit'] }));
    expect(error).toMatchObject({ code: 'validation', details: { reason: 'outlet_not_accessible', outlet: 'Pluit' } });
    expect((error as ServiceError).issues).toEqual([{ path: 'filters.outlets', message: 'No access to Pluit' }]);
    expect(h.sim.state.countRequests('Invoice/MultipleOutlet')).toBe(before);
  });

  it('when the request quota is the wait, says how long, and a page already fetched still opens', async () => {
    // Its own client and budget: the 429 blocks the budget it lands on for the server's wait.
    const budget = new RequestBudget({ limit: 10_000 });
    const client = h.makeClient({ budget });
    const own = createInvoicesService({ client: () => client, budget: () => budget, accessibleOutlets: async () => accessible, decimals: () => 0, logger: createLogger(() => undefined) }).handlers;
    const query = { filters: { ...NO_FILTERS, outlets: ['Pluit'], from: '2026-11-01' }, page: 1, pageSize: 500, fresh: false };
    await own['invoices.list'](query);
    h.sim.faults.rateLimitNext(1, { path: 'Invoice/MultipleOutlet' });
    const waited = await rejectionOf(own['invoices.list']({ ...query, fresh: true }));
    expect(waited).toMatchObject({ code: 'rate_limited' });
    expect((waited as ServiceError).details?.['retryAfterMs']).toBeGreaterThan(0);
    expect(await own['invoices.list'](query)).toMatchObject({ cached: true });
    budget.close();
  });

  it('names the role DealPOS refused', async () => {
    h.sim.faults.forbidRole('Orders VIEW');
    const error = await rejectionOf(numbers({}));
    expect(error).toMatchObject({ code: 'forbidden', message: 'Your DealPOS user lacks Orders VIEW', details: { role: 'Orders VIEW' } });
  });
});

describe('invoices.detail, update, delete', () => {
  it('opens an invoice with its lines and payments; an unknown number is not_found naming it', async () => {
    const detail = await handlers['invoices.detail']({ outlet: 'Pluit', number: 'BO-3' });
    expect(detail).toMatchObject({ outlet: 'Pluit', number: 'BO-3', total: 7000, paymentState: 'Partial' });
    expect(detail.lines).toEqual([{ code: indomie, name: expect.any(String), quantity: 2, price: 3500, discountPercent: 0, note: null }]);
    expect(detail.payments).toMatchObject([{ method: 'Cash', amount: 3000 }]);
    expect(detail.edit).toMatchObject({ date: '2026-11-22', tag: 'Tokopedia', taxType: 'No Tax', fulfillment: 'Sent', dueDate: null });

    const missing = await rejectionOf(handlers['invoices.detail']({ outlet: 'Pluit', number: 'NOPE-1' }));
    expect(missing).toMatchObject({ code: 'not_found', details: { reason: 'unknown_invoice', outlet: 'Pluit', number: 'NOPE-1' } });
  });

  it('updates the edited fields and keeps lines and payments; DealPOS answers the new values', async () => {
    const { edit } = await handlers['invoices.detail']({ outlet: 'Main Store', number: 'BO-1' });
    const changed: InvoiceEdit = { ...edit, note: 'corrected at the counter', tag: 'Whatsapp', surcharge: 1500, fulfillment: 'Unsent', fulfillmentOutlet: 'pluit', dueDate: '2026-12-01' };
    const updated = await handlers['invoices.update']({ outlet: 'Main Store', number: 'BO-1', edit: changed });
    expect(updated.edit).toMatchObject({ note: 'corrected at the counter', tag: 'Whatsapp', surcharge: 1500, fulfillment: 'Unsent', fulfillmentOutlet: 'Pluit', dueDate: '2026-12-01' });
    expect(updated.total).toBe(8500);
    expect(updated.lines).toHaveLength(1);
    expect(updated.payments).toMatchObject([{ method: 'Cash', amount: 7000 }]);
    expect(h.sim.state.findInvoice('Main Store', 'BO-1')).toMatchObject({ Note: 'corrected at the counter', Tag: 'Whatsapp', Surcharge: 1500 });
  });

  it('refuses an update without the role the seed names, and an unknown invoice, leaving DealPOS unchanged', async () => {
    const { edit } = await handlers['invoices.detail']({ outlet: 'Pluit', number: 'BO-4' });
    h.sim.faults.forbidRole('Orders EDIT');
    const forbidden = await rejectionOf(handlers['invoices.update']({ outlet: 'Pluit', number: 'BO-4', edit: { ...edit, note: 'x' } }));
    expect(forbidden).toMatchObject({ code: 'forbidden', message: 'Your DealPOS user lacks Orders EDIT (or Global EDIT)' });
    expect(h.sim.state.findInvoice('Pluit', 'BO-4')?.Note).toBeNull();
    h.sim.faults.clear();
    const unknown = await rejectionOf(handlers['invoices.update']({ outlet: 'Pluit', number: 'NOPE-2', edit }));
    expect(unknown).toMatchObject({ code: 'not_found', details: { reason: 'unknown_invoice' } });
  });

  it('deletes into the bin: gone from the live list, found with bin on; a second delete is not_found; the role is named', async () => {
    h.sim.faults.forbidRole('Orders DELETE');
    expect(await rejectionOf(handlers['invoices.delete']({ outlet: 'Pluit', number: 'BO-4' }))).toMatchObject({
      code: 'forbidden',
      message: 'Your DealPOS user lacks Orders DELETE',
    });
    h.sim.faults.clear();
    expect(await handlers['invoices.delete']({ outlet: 'Pluit', number: 'BO-4' })).toEqual({ message: 'Invoice has been delete!{}' });
    expect(await numbers({ outlets: ['Pluit'] })).toEqual(['BO-3']);
    expect(await numbers({ outlets: ['Pluit'], bin: true })).toEqual(['BO-4']);
    expect(await rejectionOf(handlers['invoices.delete']({ outlet: 'Pluit', number: 'BO-4' }))).toMatchObject({
      code: 'not_found',
      details: { reason: 'unknown_invoice' },
    });
  });
});
