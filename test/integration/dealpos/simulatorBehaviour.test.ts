/** The simulator's documented behaviour and quirks, over raw HTTP, plus its generated catalog. */
import { afterEach, describe, expect, it } from 'vitest';
import { isValidEan13 } from '../../../main/simulator/ean13';
import { DemoCatalog } from '../../../main/simulator/demoData';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_FIXTURES, startSimulator, type Simulator, type SimulatorOptions } from '../../../main/simulator/simulatorServer';
import { curlLike, fetchToken, rawRequest } from './rawHttp';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function start(options: Partial<SimulatorOptions> = {}): Promise<{ sim: Simulator; token: string }> {
  sim = await startSimulator({ clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, variants: 100, ...options });
  return { sim, token: await fetchToken(sim.url, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET) };
}

describe('transport', () => {
  it('answers GET-with-body and the POST alias alike, for every such endpoint', async () => {
    const { sim: s, token } = await start();
    const cases: [string, string][] = [
      ['Customer/Email', '{"Email":"tafta@dealpos.com"}'],
      ['Customer/Code', '{"Code":"HW008"}'],
      ['Customer/MobilePhone', '{"MobilePhone":"081588818888"}'],
      ['Variant/GetIDByListCode', '["1000","1315L"]'],
      ['Variant/GetIDByListCodeDiscontinued', '{"ListCode":["1342L","1342M"],"Discontinued":"All"}'],
      ['Variant', '{"PageNumber":2,"PageSize":5}'],
      ['Variant/Count', '{"Category":"Makanan/Mi Instan"}'],
      ['Invoice/MultipleOutlet', '{"PageNumber":1,"PageSize":10}'],
      ['Invoice/IDByNumber', '{"Outlet":"Outlet1","Number":"LM3002"}'],
      ['Barcode/ByBillNumber', '{"Outlet":"Pluit","Number":"2023.09.00001"}'],
      ['Barcode/ByOutletDeliveryNumber', '{"Outlet":"Pluit","Number":"2023.09.00001"}'],
    ];
    for (const [path, body] of cases) {
      const viaGet = await curlLike(s.url, token, 'GET', `/api/v3/${path}`, body);
      const viaPost = await curlLike(s.url, token, 'POST', `/api/v3/${path}`, body);
      expect(viaGet.status, path).toBe(200);
      expect(viaPost.json, path).toEqual(viaGet.json);
    }
  });

  it('binds query parameters and field names case-insensitively, like ASP.NET', async () => {
    const { sim: s, token } = await start();
    const query = await rawRequest(s.url, 'GET', '/api/v3/invoice/idbynumber?outlet=Outlet1&number=LM3002', { headers: { Authorization: `Bearer ${token}` } });
    expect(query.status).toBe(200);
    expect((query.json as { ID: string }).ID).toBe(s.state.findInvoice('Outlet1', 'LM3002')?.ID);
  });

  it('reproduces the 500 on a bodyless GET that carries Content-Type: application/json', async () => {
    const { sim: s, token } = await start();
    const answer = await rawRequest(s.url, 'GET', '/api/v3/Tax', { headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } });
    expect(answer.status).toBe(500);
    expect(Object.keys(answer.json as object).sort()).toEqual(['Message', 'StackTrace']);
  });
});

describe('status codes', () => {
  it('401 without a bearer token or with an unknown one; 401 for wrong client credentials', async () => {
    const { sim: s } = await start();
    expect((await rawRequest(s.url, 'GET', '/api/v3/Tax')).status).toBe(401);
    const unknown = await rawRequest(s.url, 'GET', '/api/v3/Tax', { headers: { Authorization: 'Bearer nope' } });
    expect(unknown.status).toBe(401);
    expect(unknown.json).toEqual({ Message: 'Authorization has been denied for this request.' });
    const wrong = await rawRequest(s.url, 'POST', '/api/v3/Token/OAuth2', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_id: DEMO_CLIENT_ID, client_secret: 'wrong' }),
    });
    expect(wrong.status).toBe(401);
  });

  it('403 naming the missing role; 404 for unknown records and routes; 405 for a wrong method; 400 {Message}', async () => {
    const { sim: s, token } = await start();
    s.faults.forbidRole('Contacts VIEW');
    const forbidden = await curlLike(s.url, token, 'POST', '/api/v3/Customer/Code', '{"Code":"HW008"}');
    expect(forbidden.status).toBe(403);
    expect(forbidden.json).toEqual({ Message: 'You must have "VIEW" role in "Contacts" Module' });
    s.faults.allowRole('Contacts VIEW');
    expect((await curlLike(s.url, token, 'POST', '/api/v3/Customer/Code', '{"Code":"NOBODY"}')).status).toBe(404);
    expect((await curlLike(s.url, token, 'GET', '/api/v3/NoSuchThing')).status).toBe(404);
    expect((await curlLike(s.url, token, 'DELETE', '/api/v3/Tax')).status).toBe(405);
    const bad = await curlLike(s.url, token, 'POST', '/api/v3/Variant', '{"PageNumber":1,"PageSize":501}');
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ Message: 'PageSize must be between 1 and 500' });
  });

  it('429 past the fixed window, with RateLimit-Limit, -Remaining and -Policy; a new window later', async () => {
    let now = 1_800_000_000_000;
    const { sim: s, token } = await start({ rateLimit: { count: 3, seconds: 60 }, now: () => now });
    // The token request counted as the first of the window.
    const second = await rawRequest(s.url, 'GET', '/api/v3/Tax', { headers: { Authorization: `Bearer ${token}` } });
    expect(second.headers['ratelimit-limit']).toBe('3');
    expect(second.headers['ratelimit-remaining']).toBe('1');
    expect(second.headers['ratelimit-policy']).toBe('3;w=60');
    await rawRequest(s.url, 'GET', '/api/v3/Tax', { headers: { Authorization: `Bearer ${token}` } });
    const limited = await rawRequest(s.url, 'GET', '/api/v3/Tax', { headers: { Authorization: `Bearer ${token}` } });
    expect(limited.status).toBe(429);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect((limited.json as { Message: string }).Message).toMatch(/Try again in \d+ seconds/);
    now += 60_000;
    expect((await rawRequest(s.url, 'GET', '/api/v3/Tax', { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});

describe('faults', () => {
  it('commit-then-drop stores the invoice and destroys the connection without an answer', async () => {
    const { sim: s, token } = await start();
    s.faults.dropResponseNext(1);
    const body = JSON.stringify({
      Outlet: 'Main Store', Number: 'DROP-1', Date: '2026-11-22', Tag: 'Offline', TaxType: 'No Tax',
      Variants: [{ Code: DEMO_FIXTURES.variants.indomie.code, Quantity: 1, Price: 3500 }],
    });
    await expect(curlLike(s.url, token, 'POST', '/api/v3/Invoice', body)).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(s.state.findInvoice('Main Store', 'DROP-1')).not.toBeNull();
    expect(s.state.requestLog.at(-1)?.status).toBe('dropped');
  });

  it('the admin fault route exists only when asked for, and drives the same knobs', async () => {
    const { sim: plain } = await start();
    expect((await rawRequest(plain.url, 'POST', '/__admin/faults', { body: '{"failNext":{"count":1}}' })).status).toBe(404);
    await plain.close();

    const { sim: s, token } = await start({ adminRoutes: true });
    const set = await rawRequest(s.url, 'POST', '/__admin/faults', { body: JSON.stringify({ failNext: { count: 1, path: 'Tax' }, latencyMs: 0 }) });
    expect(set.status).toBe(200);
    const failed = await rawRequest(s.url, 'GET', '/api/v3/Tax', { headers: { Authorization: `Bearer ${token}` } });
    expect(failed.status).toBe(500);
    expect(Object.keys(failed.json as object).sort()).toEqual(['Message', 'StackTrace']);
    const typo = await rawRequest(s.url, 'POST', '/__admin/faults', { body: '{"failnext":{"count":1}}' });
    expect(typo.status).toBe(400);
    const state = await rawRequest(s.url, 'GET', '/__admin/state');
    expect((state.json as { invoices: unknown[] }).invoices.length).toBeGreaterThan(0);
  });

  it('offline mode resets every API connection; latency delays answers', async () => {
    const { sim: s, token } = await start();
    s.faults.offline = true;
    await expect(rawRequest(s.url, 'GET', '/api/v3/Tax', { headers: { Authorization: `Bearer ${token}` } })).rejects.toThrow();
    s.faults.offline = false;
    s.faults.latencyMs = 150;
    const started = Date.now();
    await rawRequest(s.url, 'GET', '/api/v3/Tax', { headers: { Authorization: `Bearer ${token}` } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('Invoice/MultipleOutlet filters', () => {
  it('From/To take whole days inclusive of the sell date; Tag, Fulfillment or DeliveryState, Status and Bin filter as documented', async () => {
    const { sim: s, token } = await start();
    const create = (number: string, date: string, tag: string, fulfillment: string): Promise<unknown> =>
      curlLike(s.url, token, 'POST', '/api/v3/Invoice', JSON.stringify({
        Outlet: 'Main Store', Number: number, Date: date, Tag: tag, TaxType: 'No Tax', Fulfillment: fulfillment,
        Variants: [{ Code: DEMO_FIXTURES.variants.indomie.code, Quantity: 1, Price: 3500 }],
      }));
    await create('LIST-1', '2026-11-21', 'Offline', 'Sent');
    await create('LIST-2', '2026-11-23', 'Shopee', 'Unsent');
    const list = async (filters: Record<string, unknown>): Promise<string[]> => {
      const answer = await curlLike(s.url, token, 'POST', '/api/v3/Invoice/MultipleOutlet', JSON.stringify({ PageNumber: 1, PageSize: 500, Outlet: ['Main Store'], From: '2026-11-01', ...filters }));
      expect(answer.status).toBe(200);
      return (answer.json as Array<{ Number: string }>).map((row) => row.Number);
    };
    expect(await list({ From: '2026-11-21', To: '2026-11-23' })).toEqual(['LIST-1', 'LIST-2']);
    expect(await list({ From: '2026-11-21', To: '2026-11-21' })).toEqual(['LIST-1']);
    expect(await list({ From: '2026-11-22' })).toEqual(['LIST-2']);
    expect(await list({ Tag: ['shopee'] })).toEqual(['LIST-2']);
    expect(await list({ Fulfillment: 'Sent' })).toEqual(['LIST-1']);
    expect(await list({ DeliveryState: 'Unsent' })).toEqual(['LIST-2']);
    expect(await list({ Status: 'Any' })).toEqual(['LIST-1', 'LIST-2']);
    expect(await list({ Status: 'Cancelled' })).toEqual([]);
    expect(await list({ Bin: true })).toEqual([]);
    expect(await list({ Bin: false })).toEqual(['LIST-1', 'LIST-2']);
  });
});

describe('Invoice held to the seed text', () => {
  const body = (extra: Record<string, unknown>, drop: readonly string[] = []): string => {
    const invoice: Record<string, unknown> = {
      Outlet: 'Main Store', Number: 'SEED-1', Date: '2026-11-21', Tag: 'Offline', TaxType: 'No Tax',
      Variants: [{ Code: DEMO_FIXTURES.variants.indomie.code, Quantity: 2, Price: 3500 }],
      ...extra,
    };
    return JSON.stringify(Object.fromEntries(Object.entries(invoice).filter(([field]) => !drop.includes(field))));
  };

  it('POST and PUT Invoice refuse a missing Tag or TaxType with 400 naming it, and store nothing', async () => {
    const { sim: s, token } = await start();
    for (const method of ['POST', 'PUT'] as const) {
      if (method === 'PUT') expect((await curlLike(s.url, token, 'POST', '/api/v3/Invoice', body({}))).status).toBe(200);
      for (const field of ['Tag', 'TaxType']) {
        const answer = await curlLike(s.url, token, method, '/api/v3/Invoice', body({ Note: 'changed' }, [field]));
        expect(answer.status, `${method} without ${field}`).toBe(400);
        expect(answer.json).toEqual({ Message: `${field} is required` });
      }
    }
    expect(s.state.findInvoice('Main Store', 'SEED-1')?.Note).toBeNull();
    // The documented alias of Tag still counts as a Tag.
    expect((await curlLike(s.url, token, 'POST', '/api/v3/Invoice', body({ Number: 'SEED-2', SalesType: 'Shopee' }, ['Tag']))).status).toBe(200);
    expect(s.state.findInvoice('Main Store', 'SEED-2')?.Tag).toBe('Shopee');
  });

  it('PUT Invoice keeps Surcharge, FulfillmentOutlet and Recipient: sent ones are stored, left-out ones stay', async () => {
    const { sim: s, token } = await start();
    await curlLike(s.url, token, 'POST', '/api/v3/Invoice', body({}));
    const recipient = { Name: 'Budi', Address: 'Jl. Pluit 1' };
    const put = await curlLike(s.url, token, 'PUT', '/api/v3/Invoice', body({ Surcharge: 2000, FulfillmentOutlet: 'Pluit', Recipient: recipient }));
    expect(put.status).toBe(200);
    expect(s.state.findInvoice('Main Store', 'SEED-1')).toMatchObject({ Surcharge: 2000, SalesNTax: 9000, FulfillmentOutlet: 'Pluit', Recipient: recipient });
    await curlLike(s.url, token, 'PUT', '/api/v3/Invoice', body({ Note: 'only the note' }));
    expect(s.state.findInvoice('Main Store', 'SEED-1')).toMatchObject({ Note: 'only the note', Surcharge: 2000, FulfillmentOutlet: 'Pluit', Recipient: recipient });
    const detail = await curlLike(s.url, token, 'GET', '/api/v3/Invoice/Number?Outlet=Main%20Store&Number=SEED-1');
    expect(detail.json).toMatchObject({ Surcharge: 2000, FulfillmentOutlet: 'Pluit', Recipient: recipient });
    const unknown = await curlLike(s.url, token, 'PUT', '/api/v3/Invoice', body({ FulfillmentOutlet: 'Nowhere' }));
    expect(unknown.status).toBe(400);
  });

  it('DELETE Invoice moves it to the bin: listed with Bin true only, gone from lookups, a second DELETE is 404', async () => {
    const { sim: s, token } = await start();
    await curlLike(s.url, token, 'POST', '/api/v3/Invoice', body({}));
    const del = await curlLike(s.url, token, 'DELETE', '/api/v3/Invoice', '{"Outlet":"Main Store","Number":"SEED-1"}');
    expect(del.json).toBe('Invoice has been delete!{}');
    const list = async (bin: boolean): Promise<string[]> => {
      const answer = await curlLike(s.url, token, 'POST', '/api/v3/Invoice/MultipleOutlet', JSON.stringify({ PageNumber: 1, PageSize: 50, Outlet: ['Main Store'], Bin: bin }));
      return (answer.json as Array<{ Number: string }>).map((row) => row.Number);
    };
    expect(await list(true)).toEqual(['SEED-1']);
    expect(await list(false)).not.toContain('SEED-1');
    expect((await curlLike(s.url, token, 'GET', '/api/v3/Invoice/Number?Outlet=Main%20Store&Number=SEED-1')).status).toBe(404);
    expect((await curlLike(s.url, token, 'DELETE', '/api/v3/Invoice', '{"Outlet":"Main Store","Number":"SEED-1"}')).status).toBe(404);
  });
});

describe('generated catalog', () => {
  it('is deterministic for a seed, differs across seeds, and every code is a valid, unique EAN-13', () => {
    const a = new DemoCatalog(7, 3000);
    const b = new DemoCatalog(7, 3000);
    const c = new DemoCatalog(8, 3000);
    const codes = new Set<string>();
    let upc = 0;
    let discontinued = 0;
    let outletPriced = 0;
    for (let i = a.fixed.length; i < a.size; i++) {
      const v = a.at(i);
      expect(v).toEqual(b.at(i));
      if (!v) continue;
      expect(isValidEan13(v.Code), v.Code).toBe(true);
      codes.add(v.Code);
      if (v.Code.startsWith('0')) upc++;
      if (v.Discontinued) discontinued++;
      if (v.OutletPrice.length > 0) outletPriced++;
      expect(v.UnitPrice % 100).toBe(0);
      expect(a.byCode(v.Code)?.ID).toBe(v.ID);
      expect(a.byId(v.ID)?.Code).toBe(v.Code);
    }
    expect(codes.size).toBe(3000);
    expect(upc).toBeGreaterThan(30);
    expect(discontinued).toBeGreaterThan(20);
    expect(outletPriced).toBeGreaterThan(100);
    expect(c.at(a.fixed.length)?.Code).not.toBe(a.at(a.fixed.length)?.Code);
    // The curated and documented fixtures are there whatever the seed.
    expect(c.byCode(DEMO_FIXTURES.variants.indomie.code)?.Name).toBe('Indomie Goreng 85g');
    expect(c.byCode('1315L')?.ID).toBe('6f96d108-1af5-45de-a593-74719a0ee8e2');
    expect(c.byCode(DEMO_FIXTURES.unknownEan)).toBeNull();
  });

  it('serves 500,000 variants: the last one is found by code and by id, and pages reach it', async () => {
    const { sim: s, token } = await start({ variants: 500_000 });
    const last = s.state.catalog.at(s.state.catalog.size - 1);
    expect(last).not.toBeNull();
    const detail = await rawRequest(s.url, 'GET', `/api/v3/Variant/Detail?Code=${last?.Code ?? ''}`, { headers: { Authorization: `Bearer ${token}` } });
    expect((detail.json as { ID: string }).ID).toBe(last?.ID);
    const byId = await rawRequest(s.url, 'GET', `/api/v3/Variant/Detail?ID=${last?.ID ?? ''}`, { headers: { Authorization: `Bearer ${token}` } });
    expect((byId.json as { Code: string }).Code).toBe(last?.Code);
    const lastPage = Math.ceil(s.state.catalog.size / 500);
    const page = await curlLike(s.url, token, 'POST', '/api/v3/Variant', JSON.stringify({ PageNumber: lastPage, PageSize: 500 }));
    const rows = page.json as { Code: string }[];
    expect(rows.at(-1)?.Code).toBe(last?.Code);
    expect(rows.length).toBe(s.state.catalog.size - (lastPage - 1) * 500);
  });
});
