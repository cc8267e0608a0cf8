/** Reading one Invoice/MultipleOutlet listing for invoices whose send had an unknown outcome. */
import { describe, expect, it } from 'vitest';
import type { InvoiceListRow } from '../../../main/dealpos/schemas';
import { allListed, listingRequest, pageMayContinue, settleFromListing, shiftDay, type UncertainInvoice } from '../../../main/sync/settleByListing';

const entry = (invoiceNumber: string, date = '2026-11-22', outlet = 'Outlet1', tag = 'Offline'): UncertainInvoice => ({
  invoiceNumber,
  outlet,
  payload: { Date: date, Tag: tag },
});

const row = (number: string, id = `id-${number}`, outlet = 'Outlet1'): InvoiceListRow => ({
  ID: id,
  Outlet: outlet,
  Number: number,
  ReferenceNumber: null,
  CustomerID: null,
  Customer: null,
  Date: '2026-11-22T00:00:00',
  Due: null,
  Amount: 1000,
  Payment: 'Paid',
  Delivery: 'Sent',
  Fulfillment: 'Sent',
  Created: null,
  Tag: 'Offline',
  SalesOrderType: null,
});

describe('listingRequest', () => {
  it('asks for the invoices’ outlets and tags, their days widened by one each side, any status, 500 a page', () => {
    const request = listingRequest(
      [entry('A', '2026-12-31'), entry('B', '2026-12-01', 'outlet1'), entry('C', '2026-12-15', 'Outlet2', 'Shopee')],
      2,
    );
    expect(request).toEqual({
      PageNumber: 2,
      PageSize: 500,
      Outlet: ['Outlet1', 'Outlet2'],
      Tag: ['Offline', 'Shopee'],
      From: '2026-11-30',
      To: '2027-01-01',
      Status: 'Any',
    });
  });

  it('shifts days across months, years and leap days', () => {
    expect(shiftDay('2028-03-01', -1)).toBe('2028-02-29');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(() => shiftDay('22/11/2026', 1)).toThrow(RangeError);
  });
});

describe('settleFromListing', () => {
  it('a complete listing settles every invoice: listed = sent with its ID, missing = not sent', () => {
    const [a, b, c] = [entry('A'), entry('B'), entry('C')];
    const verdict = settleFromListing([a, b, c], [row('A'), row('X'), row('C', 'id-c', 'OUTLET1')], true);
    expect(verdict.found).toEqual([
      { entry: a, id: 'id-A' },
      { entry: c, id: 'id-c' },
    ]);
    expect(verdict.absent).toEqual([b]);
    expect(verdict.unsettled).toEqual([]);
  });

  it('an incomplete listing never says "not sent"', () => {
    const [a, b] = [entry('A'), entry('B')];
    const verdict = settleFromListing([a, b], [row('A')], false);
    expect(verdict.found.map((f) => f.entry)).toEqual([a]);
    expect(verdict.absent).toEqual([]);
    expect(verdict.unsettled).toEqual([b]);
  });

  it('a number in another outlet, another case, or listed without one usable ID is left to a lookup', () => {
    const entries = [entry('A'), entry('b-1'), entry('C'), entry('D')];
    const rows = [row('A', 'id-A', 'Outlet2'), row('B-1'), row('C', '00000000-0000-0000-0000-000000000000'), row('D', 'id-1'), row('D', 'id-2')];
    const verdict = settleFromListing(entries, rows, true);
    expect(verdict.found).toEqual([]);
    // A and b-1 are not in this outlet's listing at all; C and D are there but ambiguous.
    expect(verdict.absent.map((e) => e.invoiceNumber)).toEqual(['A', 'b-1']);
    expect(verdict.unsettled.map((e) => e.invoiceNumber)).toEqual(['C', 'D']);
  });

  it('the same row on two pages is one invoice', () => {
    const a = entry('A');
    expect(settleFromListing([a], [row('A'), row('A')], true).found).toEqual([{ entry: a, id: 'id-A' }]);
  });
});

describe('paging', () => {
  it('a page short of 500 is the last; a full or over-full one may continue', () => {
    expect(pageMayContinue(499)).toBe(false);
    expect(pageMayContinue(500)).toBe(true);
    expect(pageMayContinue(800)).toBe(true);
  });

  it('stops early once every invoice is listed', () => {
    expect(allListed([entry('A'), entry('B')], [row('B'), row('A')])).toBe(true);
    expect(allListed([entry('A'), entry('B')], [row('A')])).toBe(false);
  });
});
