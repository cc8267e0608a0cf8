/**
 * The counter's total and the invoice DealPOS computes must agree (issue 12): sales rung up
 * through the sale contract against a live simulator (over HTTP, real SQLite, real keychain), with
 * points, line and sale discounts, and tax inclusive and exclusive; each synced invoice's
 * SalesNTax and Tax are compared with what the counter charged.
 * (`bash scripts/withKeyring.sh npx vitest run test/integration/sale/totalsAgree.test.ts`)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { QueueEntry } from '../../../shared/contract/queue';
import { SIMULATOR_ASSUMPTIONS } from '../../../main/dealpos/assumptions';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { ringDiscountedBasket, type ContractCall, type DiscountedBasket } from '../../support/checkout';
import { connectedCounter, type ConnectedCounter } from '../../support/connectedCounter';
import { until } from '../store/harness';

const { indomie, tehBotol, cardiganL, bakery } = DEMO_FIXTURES.variants;
let counter: ConnectedCounter;
let sim: Simulator;
let call: ContractCall;

beforeAll(async () => {
  // The store's point value as DealPOS is configured (RedeemPointValue has no read endpoint).
  counter = await connectedCounter('totals-agree', {
    outlet: 'Outlet1',
    register: 'Counter 1',
    paymentMethods: ['Cash'],
    loyaltyPointValue: SIMULATOR_ASSUMPTIONS.redeemPointValue,
  });
  ({ sim, call } = counter);
});
afterAll(() => counter.close());

interface Case extends DiscountedBasket {
  readonly name: string;
  readonly tax: string;
}

const CASES: readonly Case[] = [
  {
    name: 'line and sale discounts, tax added on top',
    tax: DEMO_FIXTURES.taxes.ppnExclusive,
    items: [
      { code: indomie.code, quantity: 3, discount: { kind: 'percent', basisPoints: 1_250 } },
      { code: cardiganL.code, quantity: 1, discount: { kind: 'amount', amount: 17_333 } },
      { code: bakery.code, quantity: 2 },
    ],
    saleDiscount: { kind: 'percent', basisPoints: 725 },
  },
  {
    name: 'line and sale discounts, tax included in prices',
    tax: DEMO_FIXTURES.taxes.ppnInclusive,
    items: [
      { code: tehBotol.code, quantity: 7, discount: { kind: 'percent', basisPoints: 333 } },
      { code: cardiganL.code, quantity: 2 },
    ],
    saleDiscount: { kind: 'amount', amount: 12_345 },
  },
  {
    name: 'points with a line discount, tax added on top',
    tax: DEMO_FIXTURES.taxes.ppnExclusive,
    items: [
      { code: indomie.code, quantity: 5, discount: { kind: 'percent', basisPoints: 1_000 } },
      { code: bakery.code, quantity: 1 },
    ],
    points: { customer: 'tafta', points: 40 },
  },
  {
    name: 'points with line and sale discounts, tax included',
    tax: DEMO_FIXTURES.taxes.ppnInclusive,
    items: [
      { code: tehBotol.code, quantity: 3, discount: { kind: 'amount', amount: 1_111 } },
      { code: cardiganL.code, quantity: 1, discount: { kind: 'percent', basisPoints: 1_500 } },
      { code: indomie.code, quantity: 9 },
    ],
    saleDiscount: { kind: 'percent', basisPoints: 550 },
    points: { customer: 'hendry', points: 77 },
  },
  {
    name: 'no discounts, no tax',
    tax: DEMO_FIXTURES.taxes.none,
    items: [{ code: cardiganL.code, quantity: 1 }],
  },
];

async function ring(sale: Case): Promise<{ number: string; total: number; tax: number }> {
  await call('settings.update', { taxType: sale.tax });
  let view = await ringDiscountedBasket(call, sale);
  view = await call('sale.addPayment', { draftId: view.draftId, method: 'Cash', amount: view.totals.due });
  const { recorded } = await call('sale.complete', { draftId: view.draftId });
  return { number: recorded.invoiceNumber, total: recorded.totals.total, tax: recorded.totals.tax };
}

it('charges at the counter exactly what DealPOS invoices, for every mix of discounts, points and tax', async () => {
  // Catalog items must be cached before addItem can price them.
  await until(() => sim.state.countRequests('Variant') > 0, 'the catalog sync to start');
  for (const item of [indomie, tehBotol, cardiganL, bakery]) await call('catalog.resolve', { code: item.code });

  const rung: Array<{ name: string; number: string; total: number; tax: number }> = [];
  for (const sale of CASES) rung.push({ name: sale.name, ...(await ring(sale)) });
  await until(() => rung.every((r) => sim.state.findInvoice('Outlet1', r.number) !== null), 'every invoice to reach DealPOS');
  const comparison = rung.map((r) => {
    const invoice = sim.state.findInvoice('Outlet1', r.number);
    return { name: r.name, counter: { total: r.total, tax: r.tax }, dealpos: { total: invoice?.SalesNTax, tax: invoice?.Tax }, paid: invoice?.PaymentState };
  });
  expect(comparison).toEqual(comparison.map((c) => ({ ...c, dealpos: c.counter, paid: 'Paid' })));
  const synced = (await call('queue.list', { state: 'synced', limit: 20 })) as QueueEntry[];
  expect(synced).toHaveLength(CASES.length);
});
