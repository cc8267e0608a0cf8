/**
 * Cash rounding (issue 13) against a live simulator (over HTTP, real SQLite, real keychain): sales
 * rung up through the sale contract with the store's coin set, for tax added, tax included and no
 * tax, cash, card and card + cash, with and without redeemed points. Each synced invoice's
 * SalesNTax and Tax must equal what the counter charged, rounding included; then a rounded sale is
 * returned whole and DealPOS's refund equals what the customer paid.
 * (`bash scripts/withKeyring.sh npx vitest run test/integration/sale/cashRounding.test.ts`)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RecordedSale } from '../../../shared/contract/sale';
import { SIMULATOR_ASSUMPTIONS } from '../../../main/dealpos/assumptions';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { ringDiscountedBasket, type ContractCall, type DiscountedBasket } from '../../support/checkout';
import { connectedCounter, type ConnectedCounter } from '../../support/connectedCounter';
import { until } from '../store/harness';

const { indomie, tehBotol, cardiganL, bakery } = DEMO_FIXTURES.variants;
const OUTLET = 'Outlet1';
const CARD = DEMO_FIXTURES.paymentMethods.debit;
let counter: ConnectedCounter;
let sim: Simulator;
let call: ContractCall;

beforeAll(async () => {
  counter = await connectedCounter(
    'cash-rounding',
    { outlet: OUTLET, register: 'Counter 1', paymentMethods: ['Cash', CARD], loyaltyPointValue: SIMULATOR_ASSUMPTIONS.redeemPointValue },
    [indomie.code, tehBotol.code, cardiganL.code, bakery.code],
  );
  ({ sim, call } = counter);
});
afterAll(() => counter.close());

interface Case extends DiscountedBasket {
  readonly name: string;
  readonly tax: string;
  readonly coin: number;
  /** Paid by card before the rest is paid in cash; `'all'` pays everything by card. */
  readonly card?: number | 'all';
  /** Whether the cash part leaves something to round (the case is about rounding, so it must). */
  readonly rounds: boolean;
}

const CASES: readonly Case[] = [
  { name: 'Rp 3.885 (Indomie + 11 % added) in cash', tax: DEMO_FIXTURES.taxes.ppnExclusive, coin: 100, items: [{ code: indomie.code, quantity: 1 }], rounds: true },
  {
    name: 'tax included, a line discount, Rp 500 coin, cash',
    tax: DEMO_FIXTURES.taxes.ppnInclusive,
    coin: 500,
    items: [
      { code: tehBotol.code, quantity: 7, discount: { kind: 'percent', basisPoints: 333 } },
      { code: bakery.code, quantity: 1 },
    ],
    rounds: true,
  },
  {
    name: 'no tax, card then cash, Rp 1.000 coin',
    tax: DEMO_FIXTURES.taxes.none,
    coin: 1_000,
    items: [
      { code: indomie.code, quantity: 3 },
      { code: bakery.code, quantity: 1, discount: { kind: 'amount', amount: 1_234 } },
    ],
    card: 10_000,
    rounds: true,
  },
  {
    name: 'tax added, card then cash, Rp 50 coin',
    tax: DEMO_FIXTURES.taxes.ppnExclusive,
    coin: 50,
    items: [{ code: cardiganL.code, quantity: 1, discount: { kind: 'amount', amount: 17_333 } }],
    saleDiscount: { kind: 'percent', basisPoints: 725 },
    card: 100_000,
    rounds: true,
  },
  {
    name: 'points with a line discount, tax added, Rp 100 coin, cash',
    tax: DEMO_FIXTURES.taxes.ppnExclusive,
    coin: 100,
    items: [
      { code: indomie.code, quantity: 5, discount: { kind: 'percent', basisPoints: 1_000 } },
      { code: bakery.code, quantity: 1 },
    ],
    points: { customer: 'tafta', points: 40 },
    rounds: true,
  },
  {
    name: 'points with line and sale discounts, tax included, Rp 200 coin, cash',
    tax: DEMO_FIXTURES.taxes.ppnInclusive,
    coin: 200,
    items: [
      { code: tehBotol.code, quantity: 3, discount: { kind: 'amount', amount: 1_111 } },
      { code: cardiganL.code, quantity: 1, discount: { kind: 'percent', basisPoints: 1_500 } },
      { code: indomie.code, quantity: 9 },
    ],
    saleDiscount: { kind: 'percent', basisPoints: 550 },
    points: { customer: 'hendry', points: 77 },
    rounds: true,
  },
  { name: 'all by card: exact', tax: DEMO_FIXTURES.taxes.ppnExclusive, coin: 100, items: [{ code: indomie.code, quantity: 1 }], card: 'all', rounds: false },
];

async function ring(sale: Case): Promise<RecordedSale> {
  await call('settings.update', { taxType: sale.tax, cashRoundingCoin: sale.coin });
  let view = await ringDiscountedBasket(call, sale);
  if (sale.card !== undefined) view = await call('sale.addPayment', { draftId: view.draftId, method: CARD, amount: sale.card === 'all' ? view.totals.exactDue : sale.card });
  if (view.totals.due > 0) view = await call('sale.addPayment', { draftId: view.draftId, method: 'Cash', amount: view.totals.due });
  return (await call('sale.complete', { draftId: view.draftId })).recorded;
}

const cardPart = (recorded: RecordedSale): number => recorded.sale.payments.filter((p) => !p.cash).reduce((n, p) => n + p.amount, 0);

it('charges at the counter exactly what DealPOS invoices when cash is rounded to the store’s coin, and refunds a rounded sale as paid', async () => {
  const rung: Array<{ sale: Case; recorded: RecordedSale }> = [];
  for (const sale of CASES) rung.push({ sale, recorded: await ring(sale) });

  // What people see: the cash part is a whole number of coins, rounded down, and only when cash is paid.
  expect(rung.map(({ sale, recorded }) => ({ name: sale.name, rounded: recorded.totals.rounding > 0, cashInCoins: (recorded.totals.total - cardPart(recorded)) % sale.coin }))).toEqual(
    CASES.map((sale) => ({ name: sale.name, rounded: sale.rounds, cashInCoins: 0 })),
  );

  await until(() => rung.every(({ recorded }) => sim.state.findInvoice(OUTLET, recorded.invoiceNumber) !== null), 'every invoice to reach DealPOS');
  const comparison = rung.map(({ sale, recorded }) => {
    const invoice = sim.state.findInvoice(OUTLET, recorded.invoiceNumber);
    return { name: sale.name, counter: { total: recorded.totals.total, tax: recorded.totals.tax }, dealpos: { total: invoice?.SalesNTax, tax: invoice?.Tax }, paid: invoice?.PaymentState };
  });
  expect(comparison).toEqual(comparison.map((c) => ({ ...c, dealpos: c.counter, paid: 'Paid' })));
  // The back office can tell the rounding from a discount.
  const first = rung[0]?.recorded;
  expect(first && sim.state.findInvoice(OUTLET, first.invoiceNumber)?.Note).toBe(`Cash rounding ${first?.totals.rounding ?? 0} (${first?.totals.roundingDiscount ?? 0} before tax)`);

  // A rounded sale returned whole gives back what the customer paid, and DealPOS's return agrees.
  const original = rung[1]?.recorded;
  if (!original) throw new Error('no rounded sale to return');
  const returned = await call('returns.complete', {
    returnId: 'return-rounded',
    number: original.invoiceNumber,
    lines: original.sale.lines.map((line, index) => ({ line: index, quantity: line.quantity })),
    refundMethod: 'Cash',
    found: 'scanned',
  });
  expect(returned.recorded.totals.total).toBe(original.totals.total);
  await until(() => sim.state.findInvoice(OUTLET, returned.recorded.invoiceNumber) !== null, 'the return to reach DealPOS');
  const refund = sim.state.findInvoice(OUTLET, returned.recorded.invoiceNumber);
  expect({ total: refund?.SalesNTax, tax: refund?.Tax }).toEqual({ total: -original.totals.total, tax: -original.totals.tax });
});
