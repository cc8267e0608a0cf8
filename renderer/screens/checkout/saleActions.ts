/**
 * Every change to the sale is a call to main, made here. Calls run one after another (a scan, a
 * quantity key and a payment never overtake each other), each names the draft the screen shows,
 * and main's answer replaces the view. When main says the draft is no longer the open one (another
 * window completed it, or main restarted), the screen reloads main's current sale.
 */
import type { ResumedSale } from '../../../shared/contract/held';
import type { ReceiptedSale, SaleView, ScanOutcome } from '../../../shared/contract/sale';
import { PosError, type ErrorCode, type ValidationIssue } from '../../../shared/errors';
import type { Discount } from '../../../shared/sale/sale';
import { pos } from '../../api/pos';
import { errorMessage } from '../../state/errorMessage';
import { useStore } from '../../state/store';
import { useFeedbackStore } from './scanFeedbackStore';

const store = useStore.getState;

export type SaleActionResult<T = SaleView> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly code: ErrorCode | 'unreachable';
      readonly message: string;
      readonly issues: readonly ValidationIssue[];
      /** Main wants a manager's approval for exactly this change. */
      readonly needsApproval: boolean;
    };

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every earlier action has settled. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Loads main's sale in progress and its last recorded sale (at start, and after a conflict). */
export async function loadCheckout(): Promise<SaleActionResult<null>> {
  try {
    store().showCheckout(await pos.sale.current({}));
    return { ok: true, value: null };
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): Extract<SaleActionResult, { ok: false }> {
  if (error instanceof PosError) {
    return { ok: false, code: error.code, message: error.message, issues: error.issues, needsApproval: error.details?.needsApproval === true };
  }
  return { ok: false, code: 'unreachable', message: errorMessage(error), issues: [], needsApproval: false };
}

function draftId(): string | null {
  return store().sale.view?.draftId ?? null;
}

/** One change: the call gets the draft id the screen shows; main's answer is shown (with `select` as the touched line). */
function change<T>(call: (draftId: string) => Promise<T>, show: (value: T) => void): Promise<SaleActionResult<T>> {
  return serial(async () => {
    const id = draftId();
    if (id === null) return failure(new PosError({ code: 'conflict', message: 'The sale is still loading from main' }));
    try {
      const value = await call(id);
      show(value);
      // Whatever the last message said ("Unknown code …", a refusal) was about the sale before this
      // change: it goes, and a scan's own answer is shown after this by its caller.
      useFeedbackStore.getState().clear();
      return { ok: true, value };
    } catch (error) {
      const result = failure(error);
      if (result.code === 'conflict') await loadCheckout();
      return result;
    }
  });
}

const showView = (view: SaleView): void => store().showSale(view);

export function scanCode(code: string): Promise<SaleActionResult<ScanOutcome>> {
  return change(
    (id) => pos.sale.scan({ draftId: id, code }),
    (outcome) => store().showSale(outcome.sale, outcome.status === 'added' ? outcome.lineId : undefined),
  );
}

export function addItem(code: string, allowDiscontinued = false): Promise<SaleActionResult<{ lineId: string; sale: SaleView }>> {
  return change(
    (id) => pos.sale.addItem({ draftId: id, code, allowDiscontinued }),
    (added) => store().showSale(added.sale, added.lineId),
  );
}

export function setQuantity(lineId: string, quantity: number): Promise<SaleActionResult> {
  return change((id) => pos.sale.setQuantity({ draftId: id, lineId, quantity }), (view) => store().showSale(view, lineId));
}

/** +1 / −1 on the selected line; below 1 is refused (removing is its own action). */
export function changeSelectedQuantity(delta: number): Promise<SaleActionResult> | null {
  const line = store().sale.view?.lines.find((l) => l.lineId === store().sale.selectedLineId);
  if (!line || line.quantity + delta < 1) return null;
  return setQuantity(line.lineId, line.quantity + delta);
}

export function removeLine(lineId: string): Promise<SaleActionResult> {
  return change((id) => pos.sale.removeLine({ draftId: id, lineId }), showView);
}

export function removeSelectedLine(): Promise<SaleActionResult> | null {
  const lineId = store().sale.selectedLineId;
  return lineId === null ? null : removeLine(lineId);
}

export function setLineDiscount(lineId: string, discount: Discount | null, approvalId?: string): Promise<SaleActionResult> {
  return change(
    (id) => pos.sale.setLineDiscount({ draftId: id, lineId, discount, ...(approvalId ? { approvalId } : {}) }),
    (view) => store().showSale(view, lineId),
  );
}

export function setSaleDiscount(discount: Discount | null, approvalId?: string): Promise<SaleActionResult> {
  return change((id) => pos.sale.setSaleDiscount({ draftId: id, discount, ...(approvalId ? { approvalId } : {}) }), showView);
}

export function overridePrice(lineId: string, unitPrice: number, approvalId: string): Promise<SaleActionResult> {
  return change((id) => pos.sale.overridePrice({ draftId: id, lineId, unitPrice, approvalId }), (view) => store().showSale(view, lineId));
}

export function setCustomer(customerId: string | null): Promise<SaleActionResult> {
  return change((id) => pos.sale.setCustomer({ draftId: id, customerId }), showView);
}

export function acceptPinProof(proof: string): Promise<SaleActionResult> {
  return change((id) => pos.sale.acceptPinProof({ draftId: id, proof }), showView);
}

export function redeemPoints(points: number): Promise<SaleActionResult> {
  return change((id) => pos.sale.redeemPoints({ draftId: id, points }), showView);
}

export function addPayment(method: string, amount: number): Promise<SaleActionResult> {
  return change((id) => pos.sale.addPayment({ draftId: id, method, amount }), showView);
}

export function removePayment(index: number): Promise<SaleActionResult> {
  return change((id) => pos.sale.removePayment({ draftId: id, index }), showView);
}

export function voidSale(): Promise<SaleActionResult> {
  return change((id) => pos.sale.void({ draftId: id }), (view) => store().showSale(view, null));
}

/** Records the sale; a retry of the same draft (after a lost answer) gets the same sale back from main. */
export function completeSale(): Promise<SaleActionResult<{ recorded: ReceiptedSale; next: SaleView }>> {
  return change(
    (id) => pos.sale.complete({ draftId: id }),
    ({ recorded, next }) => store().showRecorded(recorded, next),
  );
}

/** Parks the sale in progress (held sales); main starts the next, empty one. */
export function parkSale(note: string): Promise<SaleActionResult<{ sale: SaleView }>> {
  return change((id) => pos.held.park({ draftId: id, note }), ({ sale }) => store().showSale(sale, null));
}

/** Resumes a held sale; with `parkCurrent` the cart on screen is parked first (main asks otherwise). */
export function resumeHeld(heldId: string, parkCurrent: boolean): Promise<SaleActionResult<ResumedSale>> {
  return change((id) => pos.held.resume({ draftId: id, heldId, parkCurrent }), ({ sale }) => store().showSale(sale, null));
}
