/**
 * A cashier's shift (issue 15): opened with a cashier and a float, cash in and out with a reason,
 * no-sale drawer openings, an X report at any time, and a close with a counted drawer that makes a
 * numbered, immutable Z report. Main keeps the shift in SQLite and sends its open and close to
 * DealPOS (`POST /Shift`, `PUT /Shift`) through the invoice outbox, in order.
 */
import { z } from 'zod';
import { MAX_UNIT_PRICE } from '../sale/sale';
import { IDR_DENOMINATIONS, type CountResult, type ShiftTotals } from '../shift/shiftReport';
import { text } from '../text/text';
import { method, returns } from './define';

const id = text({ max: 64 });
/** A whole, non-negative amount of minor units (a negative or fractional float or count is refused here, naming the field). */
const money = z.number().int('Enter a whole amount').nonnegative('The amount must not be negative').max(MAX_UNIT_PRICE);
export const cashierNameSchema = text({ max: 60 });
const reason = text({ max: 200 });

export const MAX_CASHIERS = 50;

export const shiftSettingsSchema = z
  .object({
    /** The people who open shifts at this register; the cashier becomes the invoice's SalesPerson. */
    cashiers: z
      .array(cashierNameSchema)
      .max(MAX_CASHIERS)
      .refine((list) => new Set(list.map((n) => n.toLowerCase())).size === list.length, 'Cashier names must not repeat'),
    /** No sale completes without an open shift. Off by default so a counter keeps selling until the manager sets shifts up. */
    requireOpenShift: z.boolean(),
    /** Blind count: the expected cash is hidden from the cashier until the count is saved. */
    blindCount: z.boolean(),
  })
  .strict();
export type ShiftSettings = z.infer<typeof shiftSettingsSchema>;

export const DEFAULT_SHIFT_SETTINGS: ShiftSettings = { cashiers: [], requireOpenShift: false, blindCount: false };

export const drawerCountSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('denominations'),
      counts: z
        .array(
          z
            .object({
              value: z.literal(IDR_DENOMINATIONS, 'Not an IDR note or coin (100.000 down to 100)'),
              count: z.number().int('Enter a whole number of notes or coins').nonnegative('A count must not be negative').max(1_000_000),
            })
            .strict(),
        )
        .max(IDR_DENOMINATIONS.length),
    })
    .strict(),
  z.object({ kind: z.literal('total'), amount: money }).strict(),
]);

export type ShiftSyncState = 'pending' | 'sending' | 'synced' | 'rejected';

export interface CashMovement {
  readonly id: string;
  readonly kind: 'cash_in' | 'cash_out' | 'no_sale';
  readonly amount: number;
  readonly reason: string;
  /** The manager who approved a cash out. */
  readonly approvedBy: string | null;
  /** ISO 8601 with the register's offset. */
  readonly at: string;
}

/** An open shift as the counter shows it. */
export interface OpenShift {
  readonly id: string;
  readonly cashier: string;
  readonly register: string;
  readonly openingFloat: number;
  readonly openedAt: string;
  readonly movements: readonly CashMovement[];
}

/** The X report: the shift so far. `totals.expectedCash` is hidden (null) from a blind count. */
export interface XReport {
  readonly shift: OpenShift;
  readonly totals: Omit<ShiftTotals, 'expectedCash'> & { readonly expectedCash: number | null };
  /** ISO 8601 with the register's offset. */
  readonly at: string;
}

/** What DealPOS answered to the close (`PUT /Shift`), once it arrived. */
export interface DealPosShiftClose {
  readonly number: string | null;
  /** Null when the close was confirmed from the shift list (which carries only SalesNTax). */
  readonly sales: number | null;
  readonly tax: number | null;
  readonly salesNTax: number | null;
  readonly start: string | null;
  readonly end: string | null;
}

/** The numbered, immutable Z report, plus how far its shift got to DealPOS. */
export interface ZReport {
  readonly number: number;
  readonly shiftId: string;
  readonly outlet: string | null;
  readonly register: string;
  readonly cashier: string;
  readonly closedBy: string;
  readonly openedAt: string;
  readonly closedAt: string;
  readonly totals: ShiftTotals;
  readonly count: CountResult;
  readonly blindCount: boolean;
  /** Invoices of this shift still waiting in the queue when it was closed. */
  readonly queuedAtClose: number;
  readonly movements: readonly CashMovement[];
  /** Not part of the immutable report: the state of the close at DealPOS now. */
  readonly sync: { readonly open: ShiftSyncState; readonly close: ShiftSyncState; readonly lastError: string | null; readonly dealpos: DealPosShiftClose | null };
}

/** One row of the manager's shift list. */
export interface ShiftSummary {
  readonly shiftId: string;
  readonly zNumber: number | null;
  readonly cashier: string;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly expectedCash: number | null;
  readonly counted: number | null;
  readonly variance: number | null;
  readonly sync: ZReport['sync'];
}

/** A shift as DealPOS lists it (`GET /Shift`). */
export interface RemoteShift {
  readonly number: string;
  readonly register: string | null;
  readonly cashier: string | null;
  readonly open: string | null;
  readonly close: string | null;
  readonly salesNTax: number | null;
  readonly totalInvoice: number | null;
}

export interface ShiftListing {
  readonly local: readonly ShiftSummary[];
  /** DealPOS's shifts of this outlet in the same period; null when it could not be asked. */
  readonly remote: readonly RemoteShift[] | null;
  /** Why DealPOS was not asked or did not answer. */
  readonly remoteError: string | null;
}

export const shiftMethods = {
  'shift.getSettings': method({ input: z.object({}).strict(), result: returns<ShiftSettings>() }),
  'shift.updateSettings': method({ input: shiftSettingsSchema, result: returns<ShiftSettings>() }),
  /** This register's open shift, or null. */
  'shift.current': method({ input: z.object({}).strict(), result: returns<OpenShift | null>() }),
  /**
   * Opens a shift. Errors: `validation` naming `cashier` (not in the list) or `openingFloat`;
   * `conflict` naming `register` when this register already has an open shift; `not_configured`
   * when no register is chosen in Settings.
   */
  'shift.open': method({ input: z.object({ cashier: cashierNameSchema, openingFloat: money }).strict(), result: returns<OpenShift>() }),
  /** Cash put in or taken out, with a reason. A cash out needs a manager's approval (`shift_cash_out`). */
  'shift.moveCash': method({
    input: z
      .object({
        shiftId: id,
        kind: z.enum(['cash_in', 'cash_out']),
        amount: money.refine((n) => n > 0, 'The amount must be more than 0'),
        reason,
        approvalId: id.optional(),
      })
      .strict(),
    result: returns<OpenShift>(),
  }),
  /** Records a no-sale drawer opening and, with a receipt printer whose drawer is set up, opens the drawer. */
  'shift.noSale': method({
    input: z.object({ shiftId: id, reason: text({ max: 200, min: 0 }) }).strict(),
    result: returns<{ readonly shift: OpenShift; readonly drawer: 'opened' | 'no_drawer' }>(),
  }),
  'shift.xReport': method({ input: z.object({ shiftId: id }).strict(), result: returns<XReport>() }),
  /**
   * Closes the shift with the counted drawer and answers its Z report. `closedBy` is the cashier
   * closing it; closing another cashier's shift needs a manager's approval (`shift_close`).
   * Errors: `conflict` naming `shiftId` when there is no such open shift.
   */
  'shift.close': method({
    input: z.object({ shiftId: id, closedBy: cashierNameSchema, count: drawerCountSchema, approvalId: id.optional() }).strict(),
    result: returns<ZReport>(),
  }),
  'shift.zReport': method({ input: z.object({ number: z.number().int().min(1) }).strict(), result: returns<ZReport>() }),
  /** Local shifts, newest first, and DealPOS's list for the same period when online. */
  'shift.list': method({ input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(), result: returns<ShiftListing>() }),
  /** Prints a Z report (any earlier one too) on the receipt printer. `not_configured` with the system transport. */
  'shift.printZ': method({ input: z.object({ number: z.number().int().min(1) }).strict(), result: returns<{ readonly target: string }>() }),
};
