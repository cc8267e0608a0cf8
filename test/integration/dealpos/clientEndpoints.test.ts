/** Every client method against the real simulator over HTTP: shapes, values and the transport used. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSPORT } from '../../../main/dealpos/assumptions';
import { DealPosBadResponseError, DealPosNotFoundError } from '../../../main/dealpos/errors';
import type { InvoiceInput } from '../../../main/dealpos/schemas';
import { DEMO_FIXTURES } from '../../../main/simulator/simulatorServer';
import { background, interactive, rejectionOf, startHarness, sync, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const F = DEMO_FIXTURES;

function sale(number: string, overrides: Partial<InvoiceInput> = {}): InvoiceInput {
  return {
    Outlet: F.outlets.main,
    Number: number,
    Date: '2026-11-22',
    Tag: F.tag,
    TaxType: F.taxes.ppnExclusive,
    Register: 'Register 1',
    Variants: [
      { Code: F.variants.indomie.code, Quantity: 2, Price: F.variants.indomie.price },
      { Code: F.variants.aqua.code, Quantity: 1, Price: F.variants.aqua.price },
    ],
    Payments: [{ Amount: 11655, Method: F.paymentMethods.cash }],
    ...overrides,
  };
}

describe('customers', () => {
  it('finds the documented customer by email (older shape), code, mobile phone and detail', async () => {
    const byEmail = await h.client.customerByEmail('tafta@dealpos.com', interactive);
    expect(byEmail).toMatchObject({ Name: 'Tafta tata', Code: 'HW008', Mobile: '081588818888', Gender: true, LoyaltyPoint: 88 });
    const byCode = await h.client.customerByCode('HW008', interactive);
    expect(byCode).toMatchObject({ ID: F.customers.tafta.id, MobilePhone: '081588818888', Group: 'Gold' });
    const byMobile = await h.client.customerByMobilePhone('081588818888', interactive);
    expect(byMobile.ID).toBe(F.customers.tafta.id);
    const detail = await h.client.customerDetail({ Code: 'HW021' }, interactive);
    expect(detail).toMatchObject({ Name: 'Hendry Wijaya', ID: F.customers.hendry.id });
  });

  it('reads a customer PIN by ID', async () => {
    expect(await h.client.customerPin(F.customers.tafta.id, interactive)).toEqual({ PIN: F.customers.tafta.pin });
  });
});

describe('variants', () => {
  it('maps codes to IDs, leaving unknown codes out', async () => {
    const ids = await h.client.variantIdsByCodes(['1000', '1001', '1002', F.unknownEan], sync);
    expect(ids).toEqual([
      { ID: 'e156a0a9-1552-49d4-b597-d4ca09c3ed54', ProductID: '418c0cde-1e5f-4c77-a9f4-312bc96939cb', Code: '1000' },
      { ID: 'd2dfbf1a-da61-48e4-9d4d-a921ebfcb8f5', ProductID: '6126764d-57aa-425d-ade6-bc3a847da98a', Code: '1001' },
      { ID: '1587b105-b8a9-404f-907a-f63326003558', ProductID: '7d27dc9f-06f7-4765-bfd3-437903b020fa', Code: '1002' },
    ]);
  });

  it('reports discontinued flags, filtered by the Discontinued argument', async () => {
    const all = await h.client.variantIdsByCodesDiscontinued({ ListCode: ['1342L', '1342M'], Discontinued: 'All' }, sync);
    expect(all.map((v) => [v.Code, v.Discontinued])).toEqual([
      ['1342L', false],
      ['1342M', true],
    ]);
    const onlyDiscontinued = await h.client.variantIdsByCodesDiscontinued({ ListCode: ['1342L', '1342M'], Discontinued: true }, sync);
    expect(onlyDiscontinued.map((v) => v.Code)).toEqual(['1342M']);
  });

  it('reads variant detail by code and by id, with outlet prices', async () => {
    const byCode = await h.client.variantDetail({ code: F.variants.silverQueen.code }, interactive);
    expect(byCode).toMatchObject({ Name: F.variants.silverQueen.name, UnitPrice: F.variants.silverQueen.price, Discontinued: false });
    expect(byCode.OutletPrice).toEqual([{ Outlet: 'Pluit', Price: F.variants.silverQueen.pluitPrice, ExtraCost: 0 }]);
    const byId = await h.client.variantDetail({ id: byCode.ID }, interactive);
    expect(byId.Code).toBe(F.variants.silverQueen.code);
  });

  it('pages through the whole catalog; the last page is short', async () => {
    const total = h.sim.state.catalog.size;
    const pageSize = 100;
    const codes = new Set<string>();
    for (let page = 1; ; page++) {
      const rows = await h.client.listVariants({ pageNumber: page, pageSize }, background);
      for (const row of rows) codes.add(String(row.Code));
      if (rows.length < pageSize) break;
    }
    expect(codes.size).toBe(total);
    const generated = await h.client.listVariants({ pageNumber: 1, pageSize: 3, category: 'Makanan/Mi Instan' }, background);
    expect(generated.every((row) => row.Category === 'Makanan/Mi Instan')).toBe(true);
  });

  it('counts the variants the list pages through, in all and in one category', async () => {
    expect(await h.client.variantCount({}, background)).toBe(h.sim.state.catalog.size);
    const category = 'Makanan/Mi Instan';
    const listed = await h.client.listVariants({ pageNumber: 1, pageSize: 500, category }, background);
    expect(listed.length).toBeGreaterThan(0);
    expect(await h.client.variantCount({ category }, background)).toBe(listed.length);
    const sent = h.sim.state.requestLog.filter((e) => e.path === 'Variant/Count').at(-1);
    expect(sent).toMatchObject({ method: 'POST', contentType: 'application/json', status: 200 });
  });

  it('reads a bare-integer count as well as {Count}; any other shape is bad_response naming Count; 404 is not_found', async () => {
    h.sim.faults.mutateNext(1, () => 7, { path: 'Variant/Count' });
    expect(await h.client.variantCount({}, background)).toBe(7);
    for (const drifted of [{ Total: 7 }, { Count: -1 }, { Count: 2.5 }, -3]) {
      h.sim.faults.mutateNext(1, () => drifted, { path: 'Variant/Count' });
      const error = await rejectionOf(h.client.variantCount({}, background));
      expect(error, JSON.stringify(drifted)).toBeInstanceOf(DealPosBadResponseError);
      expect((error as DealPosBadResponseError).details).toMatchObject({ endpoint: 'Variant/Count', field: 'Count' });
    }
    h.sim.faults.mutateNext(1, () => 'many', { path: 'Variant/Count' });
    expect(await rejectionOf(h.client.variantCount({}, background))).toBeInstanceOf(DealPosBadResponseError);
    h.sim.faults.failNext(1, { path: 'Variant/Count', status: 404 });
    expect(await rejectionOf(h.client.variantCount({}, background))).toBeInstanceOf(DealPosNotFoundError);
  });
});

describe('invoices', () => {
  it('create → find id by number → detail → list → update → delete, state kept in between', async () => {
    const created = await h.client.createInvoice(sale('REG1-000001'), sync);
    expect(created.Number).toBe('REG1-000001');
    expect(h.sim.state.findInvoice(F.outlets.main, 'REG1-000001')?.ID).toBe(created.ID);

    expect(await h.client.invoiceIdByNumber({ outlet: F.outlets.main, number: 'REG1-000001' }, sync)).toBe(created.ID);
    expect(await h.client.invoiceIdByNumber({ outletId: F.outletIds.main, number: 'REG1-000001' }, sync)).toBe(created.ID);

    const detail = await h.client.invoiceByNumber({ outlet: F.outlets.main, number: 'REG1-000001' }, interactive);
    expect(detail).toMatchObject({ ID: created.ID, Gross: 10500, Tax: 1155, SalesNTax: 11655, TaxType: 'PPN 11%', PaymentState: 'Paid' });
    expect(detail?.Variants?.map((v) => v.Code)).toEqual([F.variants.indomie.code, F.variants.aqua.code]);

    const listed = await h.client.listInvoicesMultipleOutlet({ PageNumber: 1, PageSize: 50, Outlet: [F.outlets.main], Tag: [F.tag] }, background);
    expect(listed.map((row) => row.Number)).toContain('REG1-000001');
    expect(listed.find((row) => row.Number === 'REG1-000001')).toMatchObject({ Amount: 11655, Payment: 'Paid', Outlet: F.outlets.main });

    const updated = await h.client.updateInvoice(sale('REG1-000001', { Note: 'corrected' }), sync);
    expect(updated.ID).toBe(created.ID);
    expect(h.sim.state.findInvoice(F.outlets.main, 'REG1-000001')?.Note).toBe('corrected');

    expect(await h.client.deleteInvoice({ Outlet: F.outlets.main, Number: 'REG1-000001' }, sync)).toBe('Invoice has been delete!{}');
    expect(await h.client.invoiceIdByNumber({ outlet: F.outlets.main, number: 'REG1-000001' }, sync)).toBeNull();
    expect(await h.client.invoiceByNumber({ outlet: F.outlets.main, number: 'REG1-000001' }, sync)).toBeNull();
  });

  it('Invoice/List answers per invoice: created ones with ID, refused ones with the Message', async () => {
    const results = await h.client.createInvoices(
      [
        sale('REG1-000010'),
        sale('REG1-000011', { Variants: [{ Code: F.unknownEan, Quantity: 1, Price: 1000 }] }),
        sale('REG1-000010'),
      ],
      sync,
    );
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({ Number: 'REG1-000010' });
    expect(results[0]?.ID).toBeTruthy();
    expect(results[1]?.Message).toContain(F.unknownEan);
    expect(results[2]?.Message).toMatch(/already exists/);
    expect(h.sim.state.findInvoice(F.outlets.main, 'REG1-000011')).toBeNull();
  });

  it('takes a weighed Quantity in kg with up to 3 decimals, valued once per line, and refuses a finer one (WEIGHED_QUANTITY)', async () => {
    const beef = F.variants.beefPerKg;
    const results = await h.client.createInvoices(
      [
        sale('REG1-000090', { TaxType: F.taxes.none, Variants: [{ Code: beef.code, Quantity: 1.235, Price: beef.price }], Payments: [] }),
        sale('REG1-000091', { TaxType: F.taxes.none, Variants: [{ Code: beef.code, Quantity: 1.2345, Price: beef.price }], Payments: [] }),
      ],
      sync,
    );
    expect(results[1]?.Message).toMatch(/more than 3 decimals/);
    // 149,900 × 1.235 = 185,126.5 → 185,127, as the counter rounds.
    const detail = await h.client.invoiceByNumber({ outlet: F.outlets.main, number: 'REG1-000090' }, interactive);
    expect(detail).toMatchObject({ Gross: 185_127, SalesNTax: 185_127 });
  });

  it('computes inclusive tax inside the price (seeded Pluit invoice)', async () => {
    const detail = await h.client.invoiceByNumber({ outlet: F.outlets.pluit, number: 'PL-0001' }, interactive);
    expect(detail).toMatchObject({ TaxType: F.taxes.ppnInclusive, Sales: 14900, Tax: 1477, SalesNTax: 14900, PaymentState: 'Paid' });
  });

  it('redeems points with a registered customer', async () => {
    await h.client.createInvoice(
      sale('REG1-000020', {
        Customer: { Code: F.customers.hendry.code },
        PointUsed: 5,
        Payments: [{ Amount: 11155, Method: F.paymentMethods.qris }],
      }),
      sync,
    );
    const stored = h.sim.state.findInvoice(F.outlets.main, 'REG1-000020');
    expect(stored).toMatchObject({ PointUsed: 5, DiscountAmount: 500, CustomerID: F.customers.hendry.id });
  });
});

describe('sales order, barcodes, outlets, payment methods, taxes', () => {
  it('updates a sales order reference number', async () => {
    const answer = await h.client.updateSalesOrderReference(
      { outlet: F.salesOrder.outlet, number: F.salesOrder.number, referenceNumber: 'TKPD-001', logisticServiceCode: 'JNE123' },
      interactive,
    );
    expect(answer.Message).toBe(`reference number for sales order ${F.salesOrder.number} has been updated`);
  });

  it('lists barcode lines of a bill and of a delivery', async () => {
    const bill = await h.client.barcodesByBillNumber(F.bill, background);
    expect(bill.map((l) => [l.Code, l.Quantity, l.UnitPrice])).toEqual([
      ['1315L', 10, 280000],
      ['200536', 15, 540000],
      ['1315XL', 20, 280000],
    ]);
    expect(bill[0]?.VariantID).toBe('6f96d108-1af5-45de-a593-74719a0ee8e2');
    const delivery = await h.client.barcodesByOutletDeliveryNumber(F.delivery, background);
    expect(delivery.map((l) => l.Name)).toEqual(['Cardigan (L)', 'Boots (36)']);
  });

  it('lists outlets, payment methods and taxes', async () => {
    const outlets = await h.client.listOutlets({}, interactive);
    expect(outlets.map((o) => o.Name)).toEqual(expect.arrayContaining([F.outlets.main, F.outlets.pluit]));
    expect(outlets.map((o) => o.Name)).not.toContain(F.outlets.suspended);
    const all = await h.client.listOutlets({ SuspendedStatus: 'All' }, interactive);
    expect(all.map((o) => o.Name)).toContain(F.outlets.suspended);
    const methods = await h.client.listPaymentMethods(interactive);
    expect(methods.map((m) => m.Name)).toEqual(expect.arrayContaining(['Cash', 'Debit Card', 'QRIS', 'GoPay']));
    const taxes = await h.client.listTaxes(interactive);
    expect(taxes.map((t) => [t.Name, t.Rate, t.Type])).toEqual([
      ['No Tax', 0, 'Exclusive'],
      ['PPN 11%', 11, 'Exclusive'],
      ['PPN 11% Inclusive', 11, 'Inclusive'],
    ]);
  });
});

describe('transport', () => {
  it('uses POST for exactly the GET-with-body endpoints listed in the assumptions module', async () => {
    const start = h.sim.state.requestLog.length;
    await h.client.customerByEmail('tafta@dealpos.com', interactive);
    await h.client.customerByCode('HW008', interactive);
    await h.client.customerByMobilePhone('081588818888', interactive);
    await h.client.customerDetail({ Code: 'HW008' }, interactive);
    await h.client.customerPin(F.customers.tafta.id, interactive);
    await h.client.variantIdsByCodes(['1000'], interactive);
    await h.client.variantIdsByCodesDiscontinued({ ListCode: ['1000'], Discontinued: 'All' }, interactive);
    await h.client.variantDetail({ code: '1000' }, interactive);
    await h.client.listVariants({ pageNumber: 1, pageSize: 1 }, interactive);
    await h.client.variantCount({}, interactive);
    await h.client.invoiceIdByNumber({ outlet: 'Outlet1', number: 'LM3002' }, interactive);
    await h.client.invoiceByNumber({ outlet: 'Outlet1', number: 'LM3002' }, interactive);
    await h.client.listInvoicesMultipleOutlet({ PageNumber: 1, PageSize: 1 }, interactive);
    await h.client.barcodesByBillNumber(F.bill, interactive);
    await h.client.barcodesByOutletDeliveryNumber(F.delivery, interactive);
    await h.client.listOutlets({}, interactive);
    await h.client.listPaymentMethods(interactive);
    await h.client.listTaxes(interactive);
    const reads = h.sim.state.requestLog.slice(start).filter((e) => e.path !== 'Token/OAuth2');
    const posted = reads.filter((e) => e.method === 'POST').map((e) => e.path);
    expect([...posted].sort()).toEqual([...TRANSPORT.postAliasEndpoints].sort());
    expect(reads.filter((e) => e.method === 'GET').every((e) => e.contentType === null)).toBe(true);
  });

  it('accepts the API root as base URL as well as the bare host', async () => {
    const client = h.makeClient({ baseUrl: `${h.sim.url}/api/v3/` });
    expect((await client.listTaxes(interactive)).length).toBe(3);
  });

  it('POSTs documented GET-with-body endpoints and sends bodyless GETs without Content-Type', async () => {
    const start = h.sim.state.requestLog.length;
    await h.client.customerByCode('HW008', interactive);
    await h.client.variantIdsByCodes(['1000'], interactive);
    await h.client.listTaxes(interactive);
    await h.client.customerPin(F.customers.tafta.id, interactive);
    await h.client.invoiceIdByNumber({ outlet: 'Outlet1', number: 'LM3002' }, interactive);
    const log = h.sim.state.requestLog.slice(start).filter((e) => e.path !== 'Token/OAuth2');
    const byPath = Object.fromEntries(log.map((e) => [e.path, e]));
    expect(byPath['Customer/Code']).toMatchObject({ method: 'POST', contentType: 'application/json', status: 200 });
    expect(byPath['Variant/GetIDByListCode']).toMatchObject({ method: 'POST', contentType: 'application/json', status: 200 });
    for (const path of ['Tax', 'Customer/PIN', 'Invoice/IDByNumber']) {
      expect(byPath[path]).toMatchObject({ method: 'GET', contentType: null, status: 200 });
    }
  });
});
