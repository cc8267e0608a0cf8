import { describe, expect, it } from 'vitest';
import { roleFor } from '../../../main/invoices/dealPosRoles';
import { InvoicePageCache } from '../../../main/invoices/invoicePageCache';
import type { InvoicePage } from '../../../shared/contract/invoices';

const page = (n: number): InvoicePage => ({ rows: [], page: n, pageSize: 20, mayHaveMore: false, cached: false, fetchedAt: '2026-12-06T00:00:00.000Z', quota: null });

describe('InvoicePageCache', () => {
  it('reuses a page until it is older than its age limit', () => {
    let now = 0;
    const cache = new InvoicePageCache(60_000, 10, () => now);
    cache.set('a', page(1));
    now = 60_000;
    expect(cache.get('a')).toEqual(page(1));
    now = 60_001;
    expect(cache.get('a')).toBeNull();
  });

  it('keeps at most its page count, dropping the page stored longest ago; clear drops all', () => {
    const cache = new InvoicePageCache(60_000, 2, () => 0);
    cache.set('a', page(1));
    cache.set('b', page(2));
    cache.set('a', page(3));
    cache.set('c', page(4));
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([page(3), null, page(4)]);
    cache.clear();
    expect(cache.get('c')).toBeNull();
  });
});

describe('roleFor', () => {
  it.each([
    ['PUT', 'Invoice', 'Orders EDIT', 'Orders EDIT (or Global EDIT)'],
    ['DELETE', 'Invoice', null, 'Orders DELETE'],
    ['GET', 'Invoice/MultipleOutlet', 'Reports VIEW', 'Reports VIEW'],
    ['GET', 'Invoice/MultipleOutlet', null, 'Orders VIEW'],
    ['PUT', 'SalesOrder/ReferenceNumber', null, 'Orders EDIT'],
  ])('%s %s (DealPOS named %s) → %s', (method, endpoint, named, expected) => {
    expect(roleFor(method, endpoint, named)).toBe(expected);
  });
});
