/** Reading a variant-list page on the writer thread: the same checks and prices the client applies. */
import { describe, expect, it } from 'vitest';
import { readVariantPage } from '../../../main/catalog/variantPage';
import { DealPosBadResponseError } from '../../../main/dealpos/errors';

const row = (code: string, price: number | string) => ({ ID: `id-${code}`, Name: `Item ${code}`, Code: code, UnitPrice: price, Discontinued: false, OutletPrice: [{ Outlet: 'Pluit', Price: 4500.5 }] });
const AT = '2026-12-06T10:00:00+07:00';

describe('readVariantPage', () => {
  it('prices each row in minor units and counts every listed row, kept or not', () => {
    const page = readVariantPage(JSON.stringify([row('1315L', 50000), row('  ', 1000), row('1342M', 12.25)]), 2, AT);
    expect(page.rows).toBe(3);
    expect(page.skipped).toEqual(['  ']);
    expect(page.records.map((r) => [r.code, r.unitPrice, r.outletPrices])).toEqual([
      ['1315L', 5_000_000, [{ outlet: 'Pluit', price: 450_050 }]],
      ['1342M', 1_225, [{ outlet: 'Pluit', price: 450_050 }]],
    ]);
    expect(page.records[0]?.updatedAt).toBe(AT);
  });

  it.each([
    ['a body that is not JSON', '<html>Service Unavailable</html>', /field "\(body\)" is not JSON/],
    ['a price as text', JSON.stringify([row('1000', 'lima ribu')]), /field "0\.UnitPrice"/],
    ['an object instead of a list', JSON.stringify({ Data: [] }), /field "\(body\)"/],
  ])('refuses %s as DealPOS answering wrongly, naming the field', (_what, body, message) => {
    let thrown: unknown;
    try {
      readVariantPage(body, 0, AT);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DealPosBadResponseError);
    expect((thrown as Error).message).toMatch(message);
  });

  it('reads an empty page as the end of the list', () => {
    expect(readVariantPage('[]', 0, AT)).toEqual({ records: [], rows: 0, skipped: [] });
  });
});
