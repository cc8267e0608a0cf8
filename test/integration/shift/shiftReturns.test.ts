/**
 * A return taken during a shift counts into that shift apart from its sales (issues 15 and 16),
 * through the app's own composition (createServices, demo store): the X report shows it as a
 * return, its cash refund comes out of the expected drawer, and the sales total is left alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import { contractCaller } from '../../support/checkout';

let services: Services | null = null;
let dir = '';

afterEach(async () => {
  await services?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('a return during the shift is counted apart: returns and the cash refund in the X report, sales unchanged', async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-shift-returns-'));
  services = await createServices({ dataDir: dir, version: 'test', host: 'browser', logToStderr: false });
  const call = contractCaller(services.dispatch);
  await call('account.startDemo', {});
  await call('settings.update', { outlet: 'Outlet1', register: 'Kasir 1', paymentMethods: ['Cash'] });
  await call('shift.updateSettings', { cashiers: ['Ani'], requireOpenShift: true, blindCount: false });
  const { indomie } = DEMO_FIXTURES.variants;
  await call('catalog.resolve', { code: indomie.code });

  const shift = await call('shift.open', { cashier: 'Ani', openingFloat: 100_000 });
  const { sale } = await call('sale.current', {});
  const added = await call('sale.addItem', { draftId: sale.draftId, code: indomie.code, quantity: 4 });
  const paid = await call('sale.addPayment', { draftId: sale.draftId, method: 'Cash', amount: added.sale.totals.due });
  const sold = (await call('sale.complete', { draftId: paid.draftId })).recorded;
  const before = await call('shift.xReport', { shiftId: shift.id });
  expect(before.totals.expectedCash).toBe(100_000 + sold.totals.total);

  const found = await call('returns.find', { number: sold.invoiceNumber });
  const { recorded } = await call('returns.complete', {
    returnId: randomUUID(),
    number: sold.invoiceNumber,
    lines: [{ line: 0, quantity: 1 }],
    refundMethod: found.refundMethod,
    found: 'scanned',
  });
  const refund = recorded.totals.total;
  expect(refund).toBe(sold.totals.total / 4);

  const x = await call('shift.xReport', { shiftId: shift.id });
  expect(x.totals).toMatchObject({
    saleCount: 1,
    returnCount: 1,
    returns: refund,
    cashRefunds: refund,
    expectedCash: 100_000 + sold.totals.total - refund,
  });
  // The sales figures are the sale's alone: the return is not a negative sale inside them.
  expect(x.totals.sales).toBe(before.totals.sales);
});
