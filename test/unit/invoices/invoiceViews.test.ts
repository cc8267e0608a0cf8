import { describe, expect, it } from 'vitest';
import { dealPosDate, invoiceDetailView, listingRequestFor, updateBody } from '../../../main/invoices/invoiceViews';
import type { InvoiceDetail } from '../../../main/dealpos/schemas';
import type { InvoiceFilters } from '../../../shared/contract/invoices';

const NONE: InvoiceFilters = { outlets: [], tags: [], bin: false };

describe('dealPosDate', () => {
  it.each([
    ['2020-05-27T00:00:00', '2020-05-27'],
    ['2020-05-27T11:10:50.57', '2020-05-27'],
    ['0001-01-01T00:00:00', null],
    ['', null],
    [null, null],
    ['27 May 2020', null],
  ])('%s → %s', (input, expected) => {
    expect(dealPosDate(input)).toBe(expected);
  });
});

describe('listingRequestFor', () => {
  it.each<[string, Partial<InvoiceFilters>, Record<string, unknown>]>([
    ['no filters: the outlets given, Bin false, no Tag', {}, { Outlet: ['A'], Bin: false }],
    ['tags', { tags: ['Shopee', 'Tokopedia'] }, { Tag: ['Shopee', 'Tokopedia'] }],
    ['an email', { customer: 'ani@example.com' }, { Email: 'ani@example.com' }],
    ['a mobile number', { customer: '0811000111' }, { Mobile: '0811000111' }],
    ['payment and fulfilment', { paymentState: 'Unpaid', fulfillment: 'Unsent' }, { PaymentState: 'Unpaid', Fulfillment: 'Unsent' }],
    ['note, bin, dates', { note: 'gift', bin: true, from: '2026-11-01', to: '2026-11-30' }, { Note: 'gift', Bin: true, From: '2026-11-01', To: '2026-11-30' }],
  ])('%s', (_, filters, expected) => {
    const request = listingRequestFor({ ...NONE, ...filters }, ['A'], { number: 2, size: 500 });
    expect(request).toMatchObject({ PageNumber: 2, PageSize: 500, ...expected });
    if (!filters.tags) expect(request).not.toHaveProperty('Tag');
    if (!filters.customer) expect(request).not.toHaveProperty('Email');
    if (!filters.customer) expect(request).not.toHaveProperty('Mobile');
  });
});

const DETAIL: InvoiceDetail = {
  ID: 'id-1',
  Outlet: 'Pluit',
  Number: 'PL-1',
  Date: '2026-11-22T00:00:00',
  DueDate: '0001-01-01T00:00:00',
  Tag: 'Offline',
  TaxType: 'No Tax',
  Customer: { Code: 'HW008', Name: 'Tafta', Email: null, Mobile: '0815', Phone: '021' },
  Gross: 14900,
  Sales: 14900,
  SalesNTax: 14900,
  Surcharge: 0,
  DiscountAmount: 500,
  PointUsed: 0,
  FulfillmentOutlet: 'Pluit',
  Recipient: { Name: 'Budi' },
  Variants: [{ Code: '1315L', Name: 'Cardigan', Quantity: 1, Price: 14900, Discount: 0, Note: null }],
  Payments: [{ Date: '2026-11-22T00:00:00', Amount: 14900, Method: 'QRIS', Code: null, Note: null }],
};

describe('updateBody', () => {
  const edit = invoiceDetailView(DETAIL, 0).edit;

  it('carries lines, payments, recipient and customer code; an empty fulfilment outlet is the invoice outlet', () => {
    const body = updateBody(DETAIL, { ...edit, note: 'fixed' }, 0);
    expect(body).toMatchObject({
      Outlet: 'Pluit',
      Number: 'PL-1',
      Date: '2026-11-22',
      Tag: 'Offline',
      TaxType: 'No Tax',
      Note: 'fixed',
      DiscountAmount: 500,
      FulfillmentOutlet: 'Pluit',
      Recipient: { Name: 'Budi' },
      Customer: { Code: 'HW008', Name: 'Tafta', Mobile: '0815', Phone: '021' },
      Variants: [{ Code: '1315L', Quantity: 1, Price: 14900, Discount: 0 }],
      Payments: [{ Amount: 14900, Method: 'QRIS' }],
    });
    expect(body).not.toHaveProperty('DueDate');
    expect(body).not.toHaveProperty('PointUsed');
  });

  it('with redeemed points sends PointUsed, not a DiscountAmount DealPOS would replace', () => {
    const body = updateBody({ ...DETAIL, PointUsed: 5 }, edit, 0);
    expect(body.PointUsed).toBe(5);
    expect(body).not.toHaveProperty('DiscountAmount');
  });

  it('money in minor units goes out in major units', () => {
    expect(updateBody(DETAIL, { ...edit, surcharge: 150, discountAmount: 1000 }, 2)).toMatchObject({ Surcharge: 1.5, DiscountAmount: 10 });
  });
});
