/**
 * The `shift.*` contract (issue 15): a cashier's shift at this register. Main decides everything:
 * who may open (the cashier list in the shift settings), the float, cash movements (a cash out
 * only with a manager's approval of that amount and reason), the X report (the expected cash hidden
 * from a blind count), the close (another cashier's shift only with a manager's approval) and the
 * numbered, immutable Z report. The open and the close go to DealPOS through the outbox.
 */
import { randomUUID } from 'node:crypto';
import type { ContractHandlers } from '../../shared/contract';
import {
  DEFAULT_SHIFT_SETTINGS,
  shiftSettingsSchema,
  type OpenShift,
  type RemoteShift,
  type ShiftListing,
  type ShiftSettings,
  type XReport,
  type ZReport,
} from '../../shared/contract/shift';
import { ServiceError } from '../../shared/errors';
import { DAY_MS, localTime } from '../../shared/invoice/localTime';
import { countDrawer, shiftTotals, type ShiftTotals } from '../../shared/shift/shiftReport';
import type { ApprovalConsumer } from '../approval/approvalService';
import type { ShiftListRow } from '../dealpos/schemas';
import { SHIFT_SEMANTICS } from '../dealpos/assumptions';
import type { Logger } from '../logging/logger';
import type { SaleShift } from '../sale/checkoutService';
import { noOpenShift, secondShift, type ShiftRow, type ShiftStore, type StoredZReport } from '../store/shiftStore';
import type { ShiftApi } from '../sync/shiftSync';

type ShiftMethod = Extract<keyof ContractHandlers, `shift.${string}`>;
export type ShiftHandlers = Pick<ContractHandlers, ShiftMethod>;

/** Where the shift settings live: the session's app state (demo and live keep their own). */
export interface ShiftSettingsStore {
  get(): ShiftSettings | null;
  set(value: ShiftSettings): void;
}

export interface ShiftServiceOptions {
  readonly store: ShiftStore;
  readonly settings: ShiftSettingsStore;
  /** The counter's settings a shift needs. */
  readonly counter: () => { readonly outlet: string | null; readonly register: string | null; readonly currencyDecimals: number };
  readonly approvals: () => ApprovalConsumer;
  /** Opens the cash drawer through the receipt printer; false when no printer drawer is set up. */
  readonly openDrawer: (reference: { readonly id: string; readonly label: string }) => boolean;
  /** Prints a Z report on the receipt printer; answers what it printed to. */
  readonly printZ: (report: StoredZReport) => Promise<string>;
  /** The DealPOS client for the manager's list; null while not connected. */
  readonly remote: () => Pick<ShiftApi, 'listShifts'> | null;
  /** A shift event was queued: wake the outbox worker. */
  readonly queued: () => void;
  readonly logger: Logger;
  readonly now?: () => number;
  readonly newId?: () => string;
  /** The register's UTC offset in minutes at an instant; defaults to the machine's. */
  readonly offsetMinutes?: (epochMs: number) => number;
}

export interface ShiftService {
  readonly handlers: ShiftHandlers;
  /** For the checkout (CheckoutServiceOptions.shiftOfSale). */
  saleShift(): SaleShift;
}

const NO_SHIFT: SaleShift = { cashier: null, attach: () => undefined };

function needsApproval(message: string): ServiceError {
  return new ServiceError('forbidden', message, { issues: [{ path: 'approvalId', message: "A manager's approval is needed" }], details: { needsApproval: true } });
}

export function createShiftService(options: ShiftServiceOptions): ShiftService {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? randomUUID;
  const offset = options.offsetMinutes ?? ((ms: number) => -new Date(ms).getTimezoneOffset());
  const iso = (ms: number): string => localTime(ms, offset(ms)).iso;
  const { store, logger } = options;
  const settings = (): ShiftSettings => options.settings.get() ?? DEFAULT_SHIFT_SETTINGS;

  const viewOf = (shift: ShiftRow): OpenShift => ({
    id: shift.id,
    cashier: shift.cashier,
    register: shift.register,
    openingFloat: shift.openingFloat,
    openedAt: shift.openedAt,
    movements: store.movements(shift.id),
  });

  /** The open shift a call names; a stale screen never changes a closed or another shift. */
  const openShift = (shiftId: string): ShiftRow => {
    const shift = store.shift(shiftId);
    if (!shift || shift.closed) throw noOpenShift(shiftId);
    return shift;
  };

  const totalsOf = (shift: ShiftRow): ShiftTotals =>
    shiftTotals({ openingFloat: shift.openingFloat, ...store.figures(shift.id), movements: store.movements(shift.id) });

  const zReport = (stored: StoredZReport): ZReport => ({ ...stored, sync: store.syncOf(stored.shiftId) });

  const zByNumber = (number: number): StoredZReport => {
    const stored = store.zReport(number);
    if (!stored) throw new ServiceError('not_found', `There is no Z report ${number} on this register`, { issues: [{ path: 'number', message: `No Z report ${number}` }] });
    return stored;
  };

  const remoteShifts = async (): Promise<{ remote: ShiftListing['remote']; remoteError: string | null }> => {
    const client = options.remote();
    const outlet = options.counter().outlet;
    if (!client || !outlet) return { remote: null, remoteError: client ? 'Choose this counter’s outlet in Settings' : 'Not connected to DealPOS' };
    // DealPOS names days in the store's zone, which can be a day ahead of this PC's (a counter left on
    // UTC, after 17:00 in Jakarta): asking through tomorrow never misses the shift open there now,
    // and no shift opens in the future.
    const at = now();
    const zone = offset(at);
    const to = localTime(at + DAY_MS, zone).date;
    const from = localTime(at - 30 * DAY_MS, zone).date;
    try {
      const rows = await client.listShifts({ outlet, from, to, pageNumber: 1, pageSize: SHIFT_SEMANTICS.listPageSize }, { priority: 'interactive' });
      return { remote: rows.map(remoteRow).reverse(), remoteError: null };
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      return { remote: null, remoteError: error.message };
    }
  };

  const handlers: ShiftHandlers = {
    'shift.getSettings': async () => settings(),
    'shift.updateSettings': async (input) => {
      const next = shiftSettingsSchema.parse(input);
      options.settings.set(next);
      logger.info(`Shifts: settings saved (${next.cashiers.length} cashier(s), open shift ${next.requireOpenShift ? 'required' : 'optional'}, blind count ${next.blindCount ? 'on' : 'off'})`);
      return next;
    },

    'shift.current': async () => {
      const { register } = options.counter();
      const shift = register ? store.openShift(register) : store.anyOpenShift();
      return shift ? viewOf(shift) : null;
    },

    'shift.open': async ({ cashier, openingFloat }) => {
      const { cashiers } = settings();
      const known = cashiers.find((name) => name.toLowerCase() === cashier.toLowerCase());
      if (!known) {
        const message = cashiers.length === 0 ? 'Add the cashiers in Settings → Shifts first' : `${cashier} is not in this register's cashier list`;
        throw new ServiceError('validation', message, { issues: [{ path: 'cashier', message }] });
      }
      const { register, outlet } = options.counter();
      if (!register) throw new ServiceError('not_configured', 'Choose this counter’s register in Settings before opening a shift', { issues: [{ path: 'register', message: 'No register chosen' }] });
      if (store.openShift(register)) throw secondShift(register);
      const at = now();
      const opened = store.open({ id: newId(), register, outlet, cashier: known, openingFloat, openedAtMs: at, openedAt: iso(at) }, at);
      logger.info(`Shifts: ${known} opened a shift on ${register} with a float of ${openingFloat}`);
      options.queued();
      return viewOf(opened);
    },

    'shift.moveCash': async ({ shiftId, kind, amount, reason, approvalId }) => {
      const shift = openShift(shiftId);
      let approvedBy: string | null = null;
      if (kind === 'cash_out') {
        if (approvalId === undefined) throw needsApproval("Taking cash out of the drawer needs a manager's approval");
        approvedBy = options.approvals().consume(approvalId, { action: 'shift_cash_out', shiftId, amount, reason }).approvedBy;
      }
      const at = now();
      store.addMovement({ id: newId(), shiftId, kind, amount, reason, approvedBy, at: iso(at), atMs: at });
      logger.info(`Shifts: ${kind === 'cash_in' ? 'cash in' : 'cash out'} of ${amount} on ${shift.register}${approvedBy ? `, approved by ${approvedBy}` : ''}`);
      return viewOf(shift);
    },

    'shift.noSale': async ({ shiftId, reason }) => {
      const shift = openShift(shiftId);
      const at = now();
      const id = newId();
      store.addMovement({ id, shiftId, kind: 'no_sale', amount: 0, reason, approvedBy: null, at: iso(at), atMs: at });
      const opened = options.openDrawer({ id, label: 'No sale' });
      logger.info(`Shifts: no-sale drawer opening on ${shift.register} by ${shift.cashier}${opened ? '' : ' (no printer drawer set up)'}`);
      return { shift: viewOf(shift), drawer: opened ? 'opened' : 'no_drawer' };
    },

    'shift.xReport': async ({ shiftId }): Promise<XReport> => {
      const shift = openShift(shiftId);
      const totals = totalsOf(shift);
      return { shift: viewOf(shift), totals: { ...totals, expectedCash: settings().blindCount ? null : totals.expectedCash }, at: iso(now()) };
    },

    'shift.close': async ({ shiftId, closedBy, count, approvalId }) => {
      const shift = openShift(shiftId);
      const closer = settings().cashiers.find((name) => name.toLowerCase() === closedBy.toLowerCase()) ?? null;
      if (!closer) {
        const message = `${closedBy} is not in this register's cashier list`;
        throw new ServiceError('validation', message, { issues: [{ path: 'closedBy', message }] });
      }
      let approvedBy: string | null = null;
      if (closer !== shift.cashier) {
        if (approvalId === undefined) throw needsApproval(`Closing ${shift.cashier}'s shift needs a manager's approval`);
        approvedBy = options.approvals().consume(approvalId, { action: 'shift_close', shiftId }).approvedBy;
      }
      const at = now();
      const { blindCount } = settings();
      const { outlet, currencyDecimals } = options.counter();
      const stored = store.close(shiftId, at, (number, queuedAtClose) => {
        const totals = totalsOf(shift);
        return {
          number,
          shiftId,
          outlet: shift.outlet ?? outlet,
          register: shift.register,
          cashier: shift.cashier,
          closedBy: closer,
          openedAt: shift.openedAt,
          closedAt: iso(at),
          totals,
          count: countDrawer(count, totals.expectedCash, currencyDecimals),
          blindCount,
          queuedAtClose,
          movements: store.movements(shiftId),
        };
      });
      logger.info(
        `Shifts: Z ${stored.number} — ${shift.cashier}'s shift on ${shift.register} closed by ${closer}${approvedBy ? ` (approved by ${approvedBy})` : ''}; ` +
          `expected ${stored.count.expected}, counted ${stored.count.counted}, variance ${stored.count.variance}, ${stored.queuedAtClose} invoice(s) still queued`,
      );
      options.queued();
      return zReport(stored);
    },

    'shift.zReport': async ({ number }) => zReport(zByNumber(number)),

    'shift.list': async ({ limit }): Promise<ShiftListing> => ({ local: store.recent(limit), ...(await remoteShifts()) }),

    'shift.printZ': async ({ number }) => {
      const report = zByNumber(number);
      const target = await options.printZ(report);
      logger.info(`Shifts: Z ${number} printed on ${target}`);
      return { target };
    },
  };

  return {
    handlers,
    saleShift() {
      const { register } = options.counter();
      const shift = register ? store.openShift(register) : null;
      if (shift) return { cashier: shift.cashier, attach: (localId) => store.attachSale(localId, shift.id) };
      if (!settings().requireOpenShift) return NO_SHIFT;
      const message = 'Open a shift before completing a sale (Shift screen); a manager can switch this rule off in Settings → Shifts';
      throw new ServiceError('conflict', message, { issues: [{ path: 'shift', message }], details: { needsShift: true } });
    },
  };
}

function remoteRow(row: ShiftListRow): RemoteShift {
  return {
    number: row.Number ?? '',
    register: row.Register ?? null,
    cashier: row.Cashier ?? null,
    open: row.Open ?? null,
    close: row.Close ?? null,
    salesNTax: row.SalesNTax ?? null,
    totalInvoice: row.TotalInvoice ?? null,
  };
}
