/**
 * Main is the authority over what a sale is worth (issue 12). Each case is a call a buggy or
 * hostile screen could make through the real dispatcher, against the demo store (embedded
 * simulator over HTTP, real SQLite): it is refused with a typed error naming the field, the sale
 * in progress is unchanged, and nothing is recorded or sent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../../shared/contract/sale';
import { createServices, type Services } from '../../../main/services';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import { contractCaller, refusal, type ContractCall } from '../../support/checkout';

const { indomie, tehBotol } = DEMO_FIXTURES.variants;
const MANAGER_PIN = '482916';
let dir = '';
let services: Services;
let call: ContractCall;
let sale: SaleView;
let recordedBefore = 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-bypasses-'));
  services = await createServices({ dataDir: dir, version: 'test', host: 'browser', logToStderr: false });
  call = contractCaller(services.dispatch);
  await call('account.startDemo', {});
  await call('settings.options', {});
  await call('settings.update', {
    outlet: DEMO_FIXTURES.outlets.main,
    register: 'Kasir 1',
    taxType: 'No Tax',
    paymentMethods: ['Cash', 'Debit Card'],
    maxLineDiscountPercent: 10,
    maxSaleDiscountPercent: 10,
    loyaltyPointValue: 1,
  });
  await call('manager.set', { name: 'Bu Sari', pin: MANAGER_PIN });
});
afterAll(async () => {
  await services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh sale with one Indomie (3,500) and one Teh Botol (5,000), priced by main. */
beforeEach(async () => {
  const { sale: current } = await call('sale.current', {});
  let view = await call('sale.void', { draftId: current.draftId });
  for (const code of [indomie.code, tehBotol.code]) {
    const scanned = await call('sale.scan', { draftId: view.draftId, code });
    if (scanned.status !== 'added') throw new Error(`could not scan ${code}: ${scanned.status}`);
    view = scanned.sale;
  }
  sale = view;
  recordedBefore = (await call('queue.list', { limit: 50 })).length;
});

/** The sale main holds is the one before the refused call, and no sale was recorded. */
async function nothingChanged(): Promise<void> {
  expect((await call('sale.current', {})).sale).toEqual(sale);
  expect(await call('queue.list', { limit: 50 })).toHaveLength(recordedBefore);
}

const lineId = (index: number): string => sale.lines[index]?.lineId ?? '';

describe('refused bypasses', () => {
  it('prices every line itself: the scanned items carry main’s catalog prices', () => {
    expect(sale.lines.map((l) => [l.variantCode, l.unitPrice])).toEqual([
      [indomie.code, indomie.price],
      [tehBotol.code, tehBotol.price],
    ]);
    expect(sale.totals.total).toBe(indomie.price + tehBotol.price);
  });

  it('a 100% line discount with the limit at 10% needs a manager', async () => {
    const error = await refusal(call('sale.setLineDiscount', { draftId: sale.draftId, lineId: lineId(0), discount: { kind: 'percent', basisPoints: 10_000 } }));
    expect(error).toMatchObject({ code: 'forbidden', details: { needsApproval: true }, issues: [{ path: 'discount' }] });
    await nothingChanged();
  });

  it('a sale discount of 1,000,000,000 with the limit at 10% is refused', async () => {
    const error = await refusal(call('sale.setSaleDiscount', { draftId: sale.draftId, discount: { kind: 'amount', amount: 1_000_000_000 } }));
    expect(error).toMatchObject({ code: 'validation', issues: [{ path: 'discount' }] });
    await nothingChanged();
  });

  it('a unit price of 1 for a Rp 3.500 item cannot be sent with a scan, nor set without a manager', async () => {
    const smuggled = await refusal(call('sale.scan', { draftId: sale.draftId, code: indomie.code, unitPrice: 1 } as never));
    expect(smuggled).toMatchObject({ code: 'validation' });
    const override = await refusal(call('sale.overridePrice', { draftId: sale.draftId, lineId: lineId(0), unitPrice: 1, approvalId: 'made-up' }));
    expect(override).toMatchObject({ code: 'forbidden', issues: [{ path: 'approvalId' }] });
    await nothingChanged();
  });

  it('a customer main never looked up is refused', async () => {
    const error = await refusal(call('sale.setCustomer', { draftId: sale.draftId, customerId: DEMO_FIXTURES.customers.tafta.id }));
    expect(error).toMatchObject({ code: 'forbidden', issues: [{ path: 'customerId' }] });
    await nothingChanged();
  });

  it('points without a PIN check, or at a point value the screen names, are refused', async () => {
    const { tafta } = DEMO_FIXTURES.customers;
    expect(await call('customer.lookup', { by: 'code', value: tafta.code })).toMatchObject({ source: 'dealpos' });
    sale = await call('sale.setCustomer', { draftId: sale.draftId, customerId: tafta.id });
    expect(sale.customer).toMatchObject({ code: tafta.code, loyaltyPoints: tafta.loyaltyPoint });
    const noPin = await refusal(call('sale.redeemPoints', { draftId: sale.draftId, points: 50 }));
    expect(noPin).toMatchObject({ code: 'forbidden', issues: [{ path: 'points' }] });
    const forged = await refusal(call('sale.acceptPinProof', { draftId: sale.draftId, proof: 'not-a-proof' }));
    expect(forged).toMatchObject({ code: 'forbidden', issues: [{ path: 'proof' }] });
    const pointValue = await refusal(call('sale.redeemPoints', { draftId: sale.draftId, points: 50, pointValue: 3_500 } as never));
    expect(pointValue).toMatchObject({ code: 'validation' });
    await nothingChanged();
  });

  it('with main’s PIN proof, points are redeemed at main’s point value, once per proof', async () => {
    const { tafta } = DEMO_FIXTURES.customers;
    await call('customer.lookup', { by: 'code', value: tafta.code });
    sale = await call('sale.setCustomer', { draftId: sale.draftId, customerId: tafta.id });
    const check = await call('customer.verifyPin', { customerId: tafta.id, pin: tafta.pin });
    expect(check.verified).toBe(true);
    const verified = await call('sale.acceptPinProof', { draftId: sale.draftId, proof: check.proof ?? '' });
    const redeemed = await call('sale.redeemPoints', { draftId: sale.draftId, points: 50 });
    expect(redeemed.totals.pointsDiscount).toBe(50);
    expect(verified.pinVerified).toBe(true);
    // The proof is used up: another sale cannot ride on it.
    const next = await call('sale.void', { draftId: sale.draftId });
    await call('sale.setCustomer', { draftId: next.draftId, customerId: tafta.id });
    expect(await refusal(call('sale.acceptPinProof', { draftId: next.draftId, proof: check.proof ?? '' }))).toMatchObject({ code: 'forbidden' });
  });

  it('a payment method that is not enabled is refused, naming the field', async () => {
    const error = await refusal(call('sale.addPayment', { draftId: sale.draftId, method: 'Voucher', amount: 8_500 }));
    expect(error).toMatchObject({ code: 'validation', issues: [{ path: 'method' }] });
    await nothingChanged();
  });

  it('a quantity × price beyond the exact range is a validation error naming the line', async () => {
    // A manager-approved price of 1,000,000,000,000 is allowed; 100,000 of them cannot be totalled exactly.
    const request = { action: 'price_override' as const, draftId: sale.draftId, lineId: lineId(1), unitPrice: 1_000_000_000_000 };
    const { approvalId } = await call('manager.approve', { request, pin: MANAGER_PIN });
    sale = await call('sale.overridePrice', { draftId: sale.draftId, lineId: lineId(1), unitPrice: request.unitPrice, approvalId });
    const huge = await refusal(call('sale.setQuantity', { draftId: sale.draftId, lineId: lineId(1), quantity: 100_000 }));
    expect(huge).toMatchObject({ code: 'validation', issues: [{ path: 'lines.1.quantity' }] });
    await nothingChanged();
  });

  it('a sale sent whole from the screen, the old way, is refused', async () => {
    const error = await refusal(
      call('sale.complete', {
        draftId: sale.draftId,
        sale: { lines: [{ variantCode: indomie.code, name: 'x', quantity: 1, unitPrice: 1, discount: null }] },
      } as never),
    );
    expect(error).toMatchObject({ code: 'validation' });
    await nothingChanged();
  });

  it('a change aimed at a sale that is no longer open is a conflict, not an edit of the next sale', async () => {
    const next = await call('sale.void', { draftId: sale.draftId });
    const stale = await refusal(call('sale.scan', { draftId: sale.draftId, code: indomie.code }));
    expect(stale).toMatchObject({ code: 'conflict', details: { currentDraftId: next.draftId } });
    expect((await call('sale.current', {})).sale.lines).toEqual([]);
  });
});

describe('manager approval', () => {
  it('applies a discount beyond the limit with an approval of exactly that discount, and records who gave it', async () => {
    const request = { action: 'line_discount' as const, draftId: sale.draftId, lineId: lineId(0), discount: { kind: 'percent' as const, basisPoints: 5_000 } };
    const wrongPin = await refusal(call('manager.approve', { request, pin: '0000' }));
    expect(wrongPin.code).toBe('forbidden');
    const { approvalId, approvedBy } = await call('manager.approve', { request, pin: MANAGER_PIN });
    expect(approvedBy).toBe('Bu Sari');
    // Approved for 50 %: it does not carry 100 %, and once used it is gone.
    const target = { draftId: sale.draftId, lineId: lineId(0) };
    const other = await refusal(call('sale.setLineDiscount', { ...target, discount: { kind: 'percent', basisPoints: 10_000 }, approvalId }));
    expect(other).toMatchObject({ code: 'forbidden', issues: [{ path: 'approvalId' }] });
    await nothingChanged();
    const { approvalId: fresh } = await call('manager.approve', { request, pin: MANAGER_PIN });
    sale = await call('sale.setLineDiscount', { ...target, discount: request.discount, approvalId: fresh });
    expect(sale.lines[0]).toMatchObject({ discount: { kind: 'percent', basisPoints: 5_000 }, discountApproval: { approvedBy: 'Bu Sari', action: 'line_discount' } });
    expect(await refusal(call('sale.setSaleDiscount', { draftId: sale.draftId, discount: { kind: 'percent', basisPoints: 2_000 }, approvalId: fresh }))).toMatchObject({
      code: 'forbidden',
    });
    sale = await call('sale.addPayment', { draftId: sale.draftId, method: 'Cash', amount: sale.totals.due });
    const { recorded } = await call('sale.complete', { draftId: sale.draftId });
    expect(recorded.approvals).toEqual([expect.objectContaining({ action: 'line_discount', approvedBy: 'Bu Sari', detail: expect.stringContaining('50% off') })]);
    expect(recorded.totals.total).toBe(indomie.price / 2 + tehBotol.price);
    const [entry] = await call('queue.list', { limit: 1 });
    expect(entry?.approvals).toEqual(recorded.approvals);
  });
});

describe('completion', () => {
  it('records the stored draft once: a retry after a lost answer returns the same sale', async () => {
    await call('sale.addPayment', { draftId: sale.draftId, method: 'Cash', amount: 10_000 });
    const first = await call('sale.complete', { draftId: sale.draftId });
    const retry = await call('sale.complete', { draftId: sale.draftId });
    expect(retry.recorded).toEqual(first.recorded);
    expect(first.recorded).toMatchObject({ localId: sale.draftId, totals: { total: 8_500, change: 1_500 } });
    expect(await call('queue.list', { limit: 50 })).toHaveLength(recordedBefore + 1);
    expect((await call('sale.current', {})).lastRecorded).toEqual(first.recorded);
  });
});
