/**
 * Manager approval (issue 12): a discount beyond the store's limit, a price override or voiding an
 * invoice from the Queue needs a manager's PIN. Managers are set in Settings; their PINs are hashed
 * in main and never leave it (the renderer only ever sees names). `manager.approve` checks a PIN
 * against every manager (the PIN says who approves) and issues a short-lived, single-use approval
 * bound to the exact request; the method that makes the change then takes its `approvalId`.
 */
import { z } from 'zod';
import { discountSchema, MAX_UNIT_PRICE } from '../sale/sale';
import { secretText, text } from '../text/text';
import { method, returns } from './define';

const id = text({ max: 64 });
const money = z.number().int().nonnegative().max(MAX_UNIT_PRICE);

/** What a manager is asked to approve: the action and the exact value, so an approval of 20 % cannot carry 50 %. */
export const approvalRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('line_discount'), draftId: id, lineId: id, discount: discountSchema }).strict(),
  z.object({ action: z.literal('sale_discount'), draftId: id, discount: discountSchema }).strict(),
  z.object({ action: z.literal('price_override'), draftId: id, lineId: id, unitPrice: money }).strict(),
  z.object({ action: z.literal('queue_void'), localId: id }).strict(),
  // Shifts (issue 15): a cash out names its amount and reason; closing another cashier's shift names the shift.
  z.object({ action: z.literal('shift_cash_out'), shiftId: id, amount: money, reason: text({ max: 200 }) }).strict(),
  z.object({ action: z.literal('shift_close'), shiftId: id }).strict(),
  /** A return whose receipt the customer does not have (issue 16): the number was typed, not scanned. */
  z.object({ action: z.literal('return_without_receipt'), returnId: id, invoiceNumber: text({ max: 64 }) }).strict(),
]);
export type ApprovalRequest = z.output<typeof approvalRequestSchema>;
export type ApprovalAction = ApprovalRequest['action'];

/** A manager PIN: 4 to 12 digits, taken exactly as typed. */
export const managerPinSchema = secretText({ max: 12 }).regex(/^\d{4,12}$/, 'A manager PIN is 4 to 12 digits');
export const managerNameSchema = text({ max: 60 });

/** Most managers one register keeps; every approval checks the PIN against each of them. */
export const MAX_MANAGERS = 20;

export interface ManagerList {
  /** In the order they were added. Names only: PINs (even hashed) never leave main. */
  readonly managers: readonly { readonly name: string }[];
}

/** What `manager.approve` answers: hand `approvalId` to the method that makes the change. */
export interface IssuedApproval {
  readonly approvalId: string;
  /** The manager whose PIN it was. */
  readonly approvedBy: string;
  /** ISO 8601 with the register's offset; unused approvals are refused after this. */
  readonly expiresAt: string;
}

/** What a service learns when it uses up an approval (main only; stored with what was approved). */
export interface GrantedApproval {
  readonly action: ApprovalAction;
  readonly approvedBy: string;
  /** ISO 8601 with the register's offset. */
  readonly approvedAt: string;
}

export const managerMethods = {
  /** The managers of this register (this mode's database: demo managers are not live ones). */
  'manager.list': method({ input: z.object({}).strict(), result: returns<ManagerList>() }),
  /**
   * Adds a manager or changes a manager's PIN (names match ignoring case). The very first manager
   * needs no `approverPin`; after that every add or change needs an existing manager's PIN, so
   * nobody at the counter can make themselves a manager. Errors: `forbidden` (missing or wrong
   * approver PIN), `rate_limited`, `conflict` (another manager already has this PIN, or too many managers).
   */
  'manager.set': method({
    input: z.object({ name: managerNameSchema, pin: managerPinSchema, approverPin: managerPinSchema.optional() }).strict(),
    result: returns<ManagerList>(),
  }),
  /** Removes a manager; needs a manager's PIN (theirs or another's). Errors: `not_found`, `forbidden`, `rate_limited`. */
  'manager.remove': method({
    input: z.object({ name: managerNameSchema, approverPin: managerPinSchema }).strict(),
    result: returns<ManagerList>(),
  }),
  /**
   * Checks the PIN against every manager and approves `request` as the one it belongs to. The
   * approval is good once, for two minutes, for exactly this request. Errors: `not_configured` (no
   * manager yet), `forbidden` (wrong PIN; details.attemptsLeft), `rate_limited` (five wrong PINs in
   * a row lock approvals for five minutes; details.retryAt, ISO 8601).
   */
  'manager.approve': method({
    input: z.object({ request: approvalRequestSchema, pin: managerPinSchema }).strict(),
    result: returns<IssuedApproval>(),
  }),
};
