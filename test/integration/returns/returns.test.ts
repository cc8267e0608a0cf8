/**
 * Returns (issue 16) through the real dispatcher against a live simulator (over HTTP, real SQLite,
 * real keychain): a discounted, taxed sale, then two partial returns, then an over-return refused
 * with nothing stored; every return invoice reaches DealPOS once, referencing the original, with
 * DealPOS's totals equal to the counter's refund. Unknown and voided originals are refused by name.
 * (`bash scripts/withKeyring.sh npx vitest run test/integration/returns/returns.test.ts`)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedSale } from '../../../shared/contract/sale';
import { key } from '../../../main/simulator/simulatorState';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import type { Simulator } from '../../../main/simulator/simulatorServer';
import { refusal, type ContractCall } from '../../support/checkout';
import { connectedCounter, type ConnectedCounter } from '../../support/connectedCounter';
import { until } from '../store/harness';

const { indomie, cardiganL, bakery } = DEMO_FIXTURES.variants;
const OUTLET = 'Outlet1';
let counter: ConnectedCounter;
let sim: Simulator;
let call: ContractCall;

beforeAll(async () => {
  counter = await connectedCounter('returns', { outlet: OUTLET, register: 'Counter 1', paymentMethods: ['Cash', 'Debit Card'], taxType: DEMO_FIXTURES.taxes.ppnExclusive }, [indomie.code, cardiganL.code, bakery.code]);
  ({ sim, call } = counter);
});
afterAll(() => counter.close());

/** The counter's recorded amounts next to what DealPOS computed for the same invoice. */
function agreement(recorded: RecordedSale, sign: 1 | -1): { counter: { total: number; tax: number }; dealpos: { total?: number; tax?: number | null } } {
  const invoice = sim.state.findInvoice(OUTLET, recorded.invoiceNumber);
  return { counter: { total: sign * recorded.totals.total, tax: sign * recorded.totals.tax }, dealpos: { total: invoice?.SalesNTax, tax: invoice?.Tax } };
}

async function queued(): Promise<number> {
  return (await call('queue.list', { limit: 200 })).length;
}

describe('returns against a sale of this register', () => {
  let original: RecordedSale;
  const returns: RecordedSale[] = [];

  it('rings up a discounted sale paid by card', async () => {
    let view = (await call('sale.current', {})).sale;
    const indomieLine = await call('sale.addItem', { draftId: view.draftId, code: indomie.code, quantity: 4 });
    view = await call('sale.setLineDiscount', { draftId: view.draftId, lineId: indomieLine.lineId, discount: { kind: 'percent', basisPoints: 1_250 } });
    view = (await call('sale.addItem', { draftId: view.draftId, code: cardiganL.code, quantity: 1 })).sale;
    view = (await call('sale.addItem', { draftId: view.draftId, code: bakery.code, quantity: 3 })).sale;
    view = await call('sale.setSaleDiscount', { draftId: view.draftId, discount: { kind: 'percent', basisPoints: 725 } });
    view = await call('sale.addPayment', { draftId: view.draftId, method: 'Debit Card', amount: view.totals.due });
    original = (await call('sale.complete', { draftId: view.draftId })).recorded;
  });

  it('finds it by number with every line returnable and the card as the refund method', async () => {
    const found = await call('returns.find', { number: original.invoiceNumber });
    expect(found).toMatchObject({ invoiceNumber: original.invoiceNumber, source: 'local', refundMethod: 'Debit Card' });
    expect(found.lines.map((l) => [l.variantCode, l.sold, l.returnedBefore])).toEqual([
      [indomie.code, 4, 0],
      [cardiganL.code, 1, 0],
      [bakery.code, 3, 0],
    ]);
  });

  it('takes two partial returns, each a return invoice DealPOS totals exactly as the counter', async () => {
    const first = await call('returns.complete', {
      returnId: 'return-1',
      number: original.invoiceNumber,
      lines: [
        { line: 0, quantity: 1 },
        { line: 1, quantity: 1 },
      ],
      refundMethod: 'Debit Card',
      found: 'scanned',
    });
    // A retry of the same return (a lost answer) is the same return, not a second one.
    const retried = await call('returns.complete', { returnId: 'return-1', number: original.invoiceNumber, lines: [{ line: 0, quantity: 1 }], refundMethod: 'Cash', found: 'scanned' });
    expect(retried.recorded.invoiceNumber).toBe(first.recorded.invoiceNumber);
    const second = await call('returns.complete', {
      returnId: 'return-2',
      number: original.invoiceNumber,
      lines: [
        { line: 0, quantity: 2 },
        { line: 2, quantity: 3 },
      ],
      refundMethod: 'Cash',
      found: 'scanned',
    });
    returns.push(first.recorded, second.recorded);
    expect(first.recorded.returnOf).toBe(original.invoiceNumber);
    expect(first.recorded.sale.payments).toEqual([{ method: 'Debit Card', amount: first.recorded.totals.total, cash: false }]);
    expect(first.recorded.receipt.returnOf).toBe(original.invoiceNumber);

    await until(() => [original, ...returns].every((r) => sim.state.findInvoice(OUTLET, r.invoiceNumber) !== null), 'the sale and both returns to reach DealPOS');
    expect(agreement(original, 1)).toEqual({ counter: agreement(original, 1).counter, dealpos: agreement(original, 1).counter });
    for (const recorded of returns) {
      const { counter, dealpos } = agreement(recorded, -1);
      expect(dealpos).toEqual(counter);
      expect(sim.state.findInvoice(OUTLET, recorded.invoiceNumber)?.ReferenceInvoiceNumber).toBe(original.invoiceNumber);
    }
    // Exactly once: three invoices for three recorded documents.
    expect([...sim.state.invoices.values()].filter((i) => [original, ...returns].some((r) => r.invoiceNumber === i.Number))).toHaveLength(3);
    // Never more back than the line's worth: the Indomie returned so far (3 of 4) is at most three quarters of its net.
    const found = await call('returns.find', { number: original.invoiceNumber });
    expect(found.lines.map((l) => l.returnedBefore)).toEqual([3, 1, 3]);
  });

  it('refuses a return of more than was sold minus earlier returns, naming the line, and stores nothing', async () => {
    const before = await queued();
    const error = await refusal(
      call('returns.complete', { returnId: 'return-3', number: original.invoiceNumber, lines: [{ line: 0, quantity: 2 }], refundMethod: 'Cash', found: 'scanned' }),
    );
    expect(error).toMatchObject({ code: 'validation', issues: [{ path: 'lines.0.quantity', message: expect.stringContaining('3 already returned') }] });
    expect(await queued()).toBe(before);
    // DealPOS refuses the same over-return on its own (the simulator honours RETURN_INVOICE).
    const overReturn = {
      Outlet: OUTLET,
      Number: 'OVER-0001',
      Date: '2026-12-01',
      Tag: 'Offline',
      TaxType: DEMO_FIXTURES.taxes.ppnExclusive,
      ReferenceInvoiceNumber: original.invoiceNumber,
      Variants: [{ Code: indomie.code, Quantity: -2, Price: indomie.price }],
      Payments: [],
    };
    expect(() => sim.state.createInvoice(overReturn, { writeOff: false })).toThrow(/Cannot return 2 of .* 3 were returned before/);
  });

  it('needs a manager to take a return without the receipt', async () => {
    const error = await refusal(
      call('returns.complete', { returnId: 'return-4', number: original.invoiceNumber, lines: [{ line: 0, quantity: 1 }], refundMethod: 'Cash', found: 'typed' }),
    );
    expect(error).toMatchObject({ code: 'forbidden', details: { needsApproval: true } });
    await call('manager.set', { name: 'Bu Sari', pin: '482916' });
    const { approvalId } = await call('manager.approve', {
      request: { action: 'return_without_receipt', returnId: 'return-4', invoiceNumber: original.invoiceNumber },
      pin: '482916',
    });
    const { recorded } = await call('returns.complete', {
      returnId: 'return-4',
      number: original.invoiceNumber,
      lines: [{ line: 0, quantity: 1 }],
      refundMethod: 'Cash',
      found: 'typed',
      approvalId,
    });
    expect(recorded.approvals).toMatchObject([{ action: 'return_without_receipt', approvedBy: 'Bu Sari' }]);
  });
});

describe('originals this register does not have', () => {
  it('refuses an unknown invoice by name, storing nothing', async () => {
    const before = await queued();
    const error = await refusal(call('returns.find', { number: 'NOPE-0001' }));
    expect(error).toMatchObject({ code: 'not_found', message: expect.stringContaining('NOPE-0001') });
    const completing = await refusal(call('returns.complete', { returnId: 'return-x', number: 'NOPE-0001', lines: [{ line: 0, quantity: 1 }], refundMethod: 'Cash', found: 'scanned' }));
    expect(completing.code).toBe('not_found');
    expect(await queued()).toBe(before);
  });

  it('finds a sale of another register in DealPOS and returns part of it; a voided one is refused', async () => {
    sim.state.createInvoice(
      { Outlet: OUTLET, Number: 'R2-0001', Date: '2026-12-01', Tag: 'Offline', TaxType: DEMO_FIXTURES.taxes.ppnExclusive, Variants: [{ Code: bakery.code, Quantity: 2, Price: bakery.price }], Payments: [{ Amount: 1, Method: 'Cash' }] },
      { writeOff: false },
    );
    const found = await call('returns.find', { number: 'R2-0001' });
    expect(found).toMatchObject({ source: 'dealpos', lines: [{ variantCode: bakery.code, sold: 2, returnedBefore: 0 }] });
    const { recorded } = await call('returns.complete', { returnId: 'return-r2', number: 'R2-0001', lines: [{ line: 0, quantity: 1 }], refundMethod: 'Cash', found: 'scanned' });
    await until(() => sim.state.findInvoice(OUTLET, recorded.invoiceNumber) !== null, 'the return to reach DealPOS');
    const { counter, dealpos } = agreement(recorded, -1);
    expect(dealpos).toEqual(counter);

    // Voided in DealPOS's back office (the simulator has no void endpoint: its record is marked directly).
    const k = key(OUTLET, 'R2-0001');
    const stored = sim.state.invoices.get(k);
    if (!stored) throw new Error('R2-0001 is not in the simulator');
    sim.state.invoices.set(k, { ...stored, Status: 'Cancelled' });
    const before = await queued();
    const voided = await refusal(call('returns.complete', { returnId: 'return-v', number: 'R2-0001', lines: [{ line: 0, quantity: 1 }], refundMethod: 'Cash', found: 'scanned' }));
    expect(voided).toMatchObject({ code: 'validation', message: expect.stringContaining('voided') });
    expect(await queued()).toBe(before);
  });
});

describe('exchanges', () => {
  it('credits the return to the new items, so only the difference is paid, and both invoices reach DealPOS', async () => {
    let view = (await call('sale.current', {})).sale;
    view = (await call('sale.addItem', { draftId: view.draftId, code: bakery.code, quantity: 2 })).sale;
    view = await call('sale.addPayment', { draftId: view.draftId, method: 'Cash', amount: view.totals.due });
    const original = (await call('sale.complete', { draftId: view.draftId })).recorded;

    // The new items first; an exchange without them is refused and stores nothing.
    const empty = (await call('sale.current', {})).sale;
    const before = await queued();
    const noItems = await refusal(
      call('returns.complete', { returnId: 'exchange-0', number: original.invoiceNumber, lines: [{ line: 0, quantity: 1 }], refundMethod: 'Cash', found: 'scanned', exchangeDraftId: empty.draftId }),
    );
    expect(noItems).toMatchObject({ code: 'validation', issues: [{ path: 'exchangeDraftId' }] });
    expect(await queued()).toBe(before);

    const cart = (await call('sale.addItem', { draftId: empty.draftId, code: cardiganL.code, quantity: 1 })).sale;
    const { recorded, exchange } = await call('returns.complete', {
      returnId: 'exchange-1',
      number: original.invoiceNumber,
      lines: [{ line: 0, quantity: 1 }],
      refundMethod: 'Cash',
      found: 'scanned',
      exchangeDraftId: cart.draftId,
    });
    const refund = recorded.totals.total;
    expect(exchange?.draftId).toBe(cart.draftId);
    expect(exchange?.payments).toEqual([{ method: 'Cash', amount: refund, cash: true }]);
    expect(exchange?.totals.due).toBe(cart.totals.total - refund);

    const paid = await call('sale.addPayment', { draftId: cart.draftId, method: 'Cash', amount: exchange?.totals.due ?? 0 });
    const sale = (await call('sale.complete', { draftId: paid.draftId })).recorded;
    await until(() => [original, recorded, sale].every((r) => sim.state.findInvoice(OUTLET, r.invoiceNumber) !== null), 'the exchange to reach DealPOS');
    // What the customer paid at the counter is what DealPOS books across the two invoices.
    const booked = (sim.state.findInvoice(OUTLET, sale.invoiceNumber)?.SalesNTax ?? 0) + (sim.state.findInvoice(OUTLET, recorded.invoiceNumber)?.SalesNTax ?? 0);
    expect(booked).toBe(cart.totals.total - refund);
  });
});
