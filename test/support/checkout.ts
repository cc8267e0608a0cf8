/**
 * A typed contract client over a real dispatcher, and a cashier's ring-up through the sale
 * contract (scan each code, pay, complete), for tests that need recorded sales the way the
 * checkout makes them.
 */
import type { MethodInput, MethodName, MethodResult } from '../../shared/contract';
import type { RecordedSale, SaleView } from '../../shared/contract/sale';
import type { Discount } from '../../shared/sale/sale';
import { DEMO_FIXTURES } from '../../main/simulator/demoData';
import { PosError, type PosResult } from '../../shared/errors';

export type ContractCall = <K extends MethodName>(method: K, input: MethodInput<K>) => Promise<MethodResult<K>>;

/** Calls through `dispatch`; a failed call throws `PosError` (code, message, issues), as in the renderer. */
export function contractCaller(dispatch: (method: string, input: unknown) => Promise<PosResult<unknown>>): ContractCall {
  return async <K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodResult<K>> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new PosError(result.error);
    return result.value as MethodResult<K>;
  };
}

/** The error a call rejects with; fails when it resolves. */
export async function refusal(promise: Promise<unknown>): Promise<PosError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PosError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

export interface RingUp {
  /** Codes to scan, one scan each (repeats merge into one line). */
  readonly codes: readonly string[];
  /** Defaults to exactly the total in cash. */
  readonly payments?: ReadonlyArray<{ readonly method: string; readonly amount?: number }>;
}

export async function ringUp(call: ContractCall, sale: RingUp): Promise<RecordedSale> {
  let { sale: view } = await call('sale.current', {});
  for (const code of sale.codes) {
    const outcome = await call('sale.scan', { draftId: view.draftId, code });
    if (outcome.status !== 'added') throw new Error(`scanning ${code} answered ${outcome.status}`);
    view = outcome.sale;
  }
  for (const payment of sale.payments ?? [{ method: 'Cash' }]) {
    view = await call('sale.addPayment', { draftId: view.draftId, method: payment.method, amount: payment.amount ?? view.totals.due });
  }
  const { recorded } = await call('sale.complete', { draftId: view.draftId });
  return recorded;
}

/** A basket with discounts and redeemed points, as the totals tests ring it (before any payment). */
export interface DiscountedBasket {
  readonly items: ReadonlyArray<{ readonly code: string; readonly quantity: number; readonly discount?: Discount }>;
  readonly saleDiscount?: Discount;
  /** A demo customer redeeming points after their PIN was checked. */
  readonly points?: { readonly customer: keyof typeof DEMO_FIXTURES.customers; readonly points: number };
}

/** Adds the items with their line discounts, the sale discount and the points; returns the sale, unpaid. */
export async function ringDiscountedBasket(call: ContractCall, basket: DiscountedBasket): Promise<SaleView> {
  let view = (await call('sale.current', {})).sale;
  for (const item of basket.items) {
    const added = await call('sale.addItem', { draftId: view.draftId, code: item.code, quantity: item.quantity });
    view = added.sale;
    if (item.discount) view = await call('sale.setLineDiscount', { draftId: view.draftId, lineId: added.lineId, discount: item.discount });
  }
  if (basket.saleDiscount) view = await call('sale.setSaleDiscount', { draftId: view.draftId, discount: basket.saleDiscount });
  if (basket.points) {
    const customer = DEMO_FIXTURES.customers[basket.points.customer];
    await call('customer.lookup', { by: 'code', value: customer.code });
    await call('sale.setCustomer', { draftId: view.draftId, customerId: customer.id });
    const { proof } = await call('customer.verifyPin', { customerId: customer.id, pin: customer.pin });
    await call('sale.acceptPinProof', { draftId: view.draftId, proof: proof ?? '' });
    view = await call('sale.redeemPoints', { draftId: view.draftId, points: basket.points.points });
  }
  return view;
}
