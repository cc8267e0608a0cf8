/**
 * Held sales (issue 16) through the real dispatcher, against the demo store (embedded simulator over
 * HTTP, real SQLite): park with a note and serve the next customer, keep several across a restart of
 * the services, resume with the quoted prices, customer, discounts and approvals, ask before
 * resuming into a cart with items, and flag (never drop) old ones. "Time passing" and "the catalog
 * changed since" are written straight into the real database file, as a sync or a day would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SaleView } from '../../../shared/contract/sale';
import { createServices, type Services } from '../../../main/services';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import { contractCaller, refusal, type ContractCall } from '../../support/checkout';

const { indomie, tehBotol, aqua } = DEMO_FIXTURES.variants;
const MANAGER_PIN = '482916';
let dir = '';
let services: Services;
let call: ContractCall;

async function start(): Promise<void> {
  services = await createServices({ dataDir: dir, version: 'test', host: 'browser', logToStderr: false });
  call = contractCaller(services.dispatch);
  await call('account.startDemo', {});
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-held-'));
  await start();
  await call('settings.options', {});
  await call('settings.update', {
    outlet: DEMO_FIXTURES.outlets.main,
    register: 'Kasir 1',
    taxType: 'No Tax',
    paymentMethods: ['Cash'],
    maxLineDiscountPercent: 10,
  });
  await call('manager.set', { name: 'Bu Sari', pin: MANAGER_PIN });
});
afterAll(async () => {
  await services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function scan(view: SaleView, ...codes: string[]): Promise<SaleView> {
  let next = view;
  for (const code of codes) {
    const outcome = await call('sale.scan', { draftId: next.draftId, code });
    if (outcome.status !== 'added') throw new Error(`scanning ${code} answered ${outcome.status}`);
    next = outcome.sale;
  }
  return next;
}

/** Writes to one of the demo's files as another connection (a catalog sync, the clock moving on). */
function inDatabase(work: (db: Database.Database) => void, file = 'demo.db'): void {
  const db = new Database(path.join(dir, file));
  try {
    work(db);
  } finally {
    db.close();
  }
}

describe('held sales', () => {
  let parkedView: SaleView;

  it('parks a sale with its note, approved discount and quoted prices, and starts the next one empty', async () => {
    let view = await scan((await call('sale.current', {})).sale, indomie.code, indomie.code, tehBotol.code);
    const request = { action: 'line_discount' as const, draftId: view.draftId, lineId: view.lines[0]?.lineId ?? '', discount: { kind: 'percent' as const, basisPoints: 5_000 } };
    const { approvalId } = await call('manager.approve', { request, pin: MANAGER_PIN });
    view = await call('sale.setLineDiscount', { draftId: view.draftId, lineId: request.lineId, discount: request.discount, approvalId });
    parkedView = view;

    const { sale: next, held } = await call('held.park', { draftId: view.draftId, note: '  Ibu in blue, fetching her wallet ' });
    expect(next.lines).toEqual([]);
    expect(next.draftId).not.toBe(view.draftId);
    expect(held).toMatchObject({
      note: 'Ibu in blue, fetching her wallet',
      cashier: 'Kasir 1',
      total: view.totals.total,
      stale: false,
      lines: [
        { name: indomie.name, quantity: 2 },
        { name: tehBotol.name, quantity: 1 },
      ],
    });
    // The next customer is served at once: the open sale is the new, empty one.
    expect((await call('sale.current', {})).sale.draftId).toBe(next.draftId);
  });

  it('refuses to park an empty sale, or one with payments on it, changing nothing', async () => {
    const { sale: empty } = await call('sale.current', {});
    expect(await refusal(call('held.park', { draftId: empty.draftId, note: '' }))).toMatchObject({ code: 'validation', message: expect.stringContaining('no items') });
    let paid = await scan(empty, aqua.code);
    paid = await call('sale.addPayment', { draftId: paid.draftId, method: 'Cash', amount: 1_000 });
    expect(await refusal(call('held.park', { draftId: paid.draftId, note: '' }))).toMatchObject({ code: 'validation', issues: [{ path: 'payments' }] });
    expect((await call('held.list', {})).held).toHaveLength(1);
    await call('sale.void', { draftId: paid.draftId });
  });

  it('keeps several held sales across a restart, oldest first', async () => {
    const second = await scan((await call('sale.current', {})).sale, aqua.code);
    await call('held.park', { draftId: second.draftId, note: '' });
    await services.close();
    await start();
    const { held, staleAfterHours } = await call('held.list', {});
    expect(staleAfterHours).toBe(24);
    expect(held.map((h) => h.note)).toEqual(['Ibu in blue, fetching her wallet', '']);
    expect(held.map((h) => h.heldId)).toEqual([parkedView.draftId, second.draftId]);
  });

  it('asks before resuming into a cart with items; parking that cart first keeps both', async () => {
    const busy = await scan((await call('sale.current', {})).sale, tehBotol.code);
    const asked = await refusal(call('held.resume', { draftId: busy.draftId, heldId: parkedView.draftId }));
    expect(asked).toMatchObject({ code: 'conflict', details: { cartNotEmpty: true } });
    expect((await call('sale.current', {})).sale.draftId).toBe(busy.draftId);
    expect((await call('held.list', {})).held).toHaveLength(2);

    const resumed = await call('held.resume', { draftId: busy.draftId, heldId: parkedView.draftId, parkCurrent: true });
    expect(resumed.parkedCurrent).toBe(busy.draftId);
    const notes = (await call('held.list', {})).held.map((h) => h.heldId);
    expect(notes).toContain(busy.draftId);
    expect(notes).not.toContain(parkedView.draftId);
    // The customer gets back exactly what was quoted: lines, prices, the approved discount, the total.
    expect(resumed.sale.draftId).toBe(parkedView.draftId);
    expect(resumed.sale.lines).toEqual(parkedView.lines);
    expect(resumed.sale.totals).toEqual(parkedView.totals);
    expect(resumed.discontinued).toEqual([]);
    // Resumed once: a second screen resuming it again is told it is gone, and nothing changes.
    const again = await refusal(call('held.resume', { draftId: resumed.sale.draftId, heldId: parkedView.draftId, parkCurrent: true }));
    expect(again.code).toBe('not_found');
    expect((await call('sale.current', {})).sale.lines).toEqual(parkedView.lines);
    await call('held.park', { draftId: resumed.sale.draftId, note: 'again' });
  });

  it('keeps the quoted price when the catalog price rose, and warns about an item discontinued since', async () => {
    inDatabase((db) => db.prepare('UPDATE variant SET unit_price = unit_price * 2, discontinued = 1 WHERE code = ?').run(aqua.code), 'demo.catalog.db');
    const { held } = await call('held.list', {});
    const withAqua = held.find((h) => h.lines.some((l) => l.name === aqua.name));
    if (!withAqua) throw new Error('the Aqua sale is not held');
    const { sale: open } = await call('sale.current', {});
    const resumed = await call('held.resume', { draftId: open.draftId, heldId: withAqua.heldId });
    expect(resumed.sale.lines[0]).toMatchObject({ variantCode: aqua.code, unitPrice: aqua.price });
    expect(resumed.sale.totals.total).toBe(withAqua.total);
    expect(resumed.discontinued).toMatchObject([{ code: aqua.code, discontinued: true }]);
    await call('held.park', { draftId: resumed.sale.draftId, note: '' });
  });

  it('flags a sale held longer than the setting, and never drops it', async () => {
    const before = (await call('held.list', {})).held;
    inDatabase((db) => db.prepare('UPDATE held_sale SET held_at_ms = held_at_ms - ? WHERE id = ?').run(25 * 3_600_000, before[0]?.heldId ?? ''));
    const after = (await call('held.list', {})).held;
    expect(after.map((h) => h.stale)).toEqual(before.map((_, i) => i === 0));
    await call('settings.update', { heldSaleStaleHours: 48 });
    expect((await call('held.list', {})).held.every((h) => !h.stale)).toBe(true);
  });
});
