/**
 * `sale.complete`: re-checks the sale in main (totals recomputed, never the renderer's; tax rule
 * checked against the configured tax), then saves
 * the sale and its invoice outbox entry in one durable transaction before answering.
 */
import type { CompletedSale, SaleApproval } from '../../shared/contract/sale';
import { ServiceError, type ValidationIssue } from '../../shared/errors';
import { numberDay } from '../../shared/invoice/invoiceNumber';
import { invoicePayloadSchema, toInvoicePayload, toReturnPayload, type InvoicePayload } from '../../shared/invoice/invoicePayload';
import { localTime } from '../../shared/invoice/localTime';
import { formatMoney, IDR } from '../../shared/money';
import type { TaxOption } from '../../shared/contract/settings';
import type { SaleDraft, TaxRule } from '../../shared/sale/sale';
import { taxRuleFor } from '../../shared/sale/saleRules';
import { computeTotals, saleProblems, type SaleProblem } from '../../shared/sale/totals';
import type { NewSale, OutboxStore, SaleReturnOf } from '../store/outboxStore';
import { saleRefusedMessage, type StorageHealth } from '../storage/storageGuard';
import { timeOrderedId } from '../store/timeOrderedId';

/** The settings a sale needs; a structural subset of shared/contract/settings.ts `Settings`. */
export interface SaleSettings {
  readonly outlet: string | null;
  readonly register: string | null;
  readonly salesTag: string;
  readonly currencyDecimals: number;
  readonly invoiceNumberPrefix: string;
  readonly taxType: string | null;
}

export interface SaleServiceOptions {
  readonly store: OutboxStore;
  readonly settings: () => SaleSettings;
  /** The DealPOS tax list settings.options cached (null when never fetched): the sale's tax is checked against it. */
  readonly taxes?: () => readonly TaxOption[] | null;
  /** Told after each commit (wakes the outbox worker). */
  readonly onRecorded?: () => void;
  readonly now?: () => number;
  /** The register's UTC offset in minutes at an instant; defaults to the machine's. */
  readonly offsetMinutes?: (epochMs: number) => number;
  readonly newId?: () => string;
  /** The disk's state: no sale is taken while it is full (the space reserve is for sales already made). */
  readonly storage?: Pick<StorageHealth, 'full' | 'noteFailure'>;
}

export interface RecordExtras {
  readonly localId?: string;
  readonly approvals?: readonly SaleApproval[];
  readonly alsoInTransaction?: () => void;
  /** The cashier of the open shift: the invoice's DealPOS `SalesPerson` (issue 15). */
  readonly salesPerson?: string | null;
  /** A return (issue 16): valued under the original's tax, sent as a return invoice after the original. */
  readonly returnOf?: SaleReturnOf;
}

export class SaleValidationError extends ServiceError {
  constructor(issues: readonly ValidationIssue[]) {
    super('validation', `The sale cannot be completed: ${issues.map((i) => i.message).join('; ')}`, { issues });
  }
}

function describeProblem(problem: SaleProblem, decimals: number): ValidationIssue {
  const money = (amount: number): string => formatMoney(amount, { ...IDR, decimals });
  switch (problem.kind) {
    case 'empty':
      return { path: 'sale.lines', message: 'The sale has no items' };
    case 'unpaid':
      return { path: 'sale.payments', message: `${money(problem.due)} is still to pay` };
    case 'non_cash_overpaid':
      return { path: 'sale.payments', message: `Only cash can be over-tendered; non-cash payments exceed the total by ${money(problem.excess)}` };
    case 'points_without_customer':
      return { path: 'sale.pointsRedeemed', message: 'Points can only be redeemed with a customer attached' };
    case 'points_exceed_balance':
      return { path: 'sale.pointsRedeemed', message: `The customer has only ${problem.balance} points` };
  }
}

function describeTax(tax: TaxRule): string {
  return `"${tax.name}" ${tax.rateBasisPoints / 100}% ${tax.inclusive ? 'included in prices' : 'added to prices'}`;
}

/**
 * The renderer prices the sale, but the invoice must carry the counter's configured tax: the rule
 * has to be exactly what `taxRuleFor` makes of the settings and main's cached tax list (the list the
 * renderer was given), including the "No Tax" fallback when that list does not know the type.
 */
function taxIssue(draft: SaleDraft, taxType: string | null, taxes: readonly TaxOption[]): ValidationIssue | null {
  const { tax: expected } = taxRuleFor(taxType, taxes);
  const { name, rateBasisPoints, inclusive } = draft.tax;
  if (name === expected.name && rateBasisPoints === expected.rateBasisPoints && inclusive === expected.inclusive) return null;
  return {
    path: 'sale.tax',
    message: `The sale's tax ${describeTax(draft.tax)} does not match this counter's tax setting ${describeTax(expected)}; reopen the checkout so it picks up the current tax`,
  };
}

/** A payload the outbox could not read back would block the queue: refuse the sale instead (nothing is saved). */
function checkedPayload(payload: InvoicePayload): InvoicePayload {
  const parsed = invoicePayloadSchema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: `invoice.${issue.path.map(String).join('.')}`, message: issue.message }));
  throw new ServiceError('validation', `The sale cannot be turned into a DealPOS invoice: ${issues[0]?.path ?? ''} ${issues[0]?.message ?? ''}`.trim(), {
    issues,
  });
}

export class SaleService {
  private readonly now: () => number;
  private readonly offsetMinutes: (epochMs: number) => number;
  private readonly newId: () => string;

  constructor(private readonly options: SaleServiceOptions) {
    this.now = options.now ?? Date.now;
    this.offsetMinutes = options.offsetMinutes ?? ((ms) => -new Date(ms).getTimezoneOffset());
    this.newId = options.newId ?? timeOrderedId;
  }

  /**
   * Records a priced sale. `localId` is the sale's id (the checkout passes its draft id, which makes
   * completion idempotent); `alsoInTransaction` runs inside the recording transaction.
   */
  complete(draft: SaleDraft, extra: RecordExtras = {}): CompletedSale {
    const settings = this.options.settings();
    const totals = computeTotals(draft);
    const issues = saleProblems(draft, totals).map((p) => describeProblem(p, settings.currencyDecimals));
    // A return carries the tax its original was sold under, whatever the counter's setting is now.
    const wrongTax = extra.returnOf ? null : taxIssue(draft, settings.taxType, this.options.taxes?.() ?? []);
    if (wrongTax) issues.push(wrongTax);
    if (issues.length > 0) throw new SaleValidationError(issues);
    const outlet = settings.outlet;
    if (!outlet) throw new ServiceError('not_configured', 'Choose this counter’s outlet in Settings before completing sales');

    const completedAtMs = this.now();
    const local = localTime(completedAtMs, this.offsetMinutes(completedAtMs));
    const localId = extra.localId ?? this.newId();
    const { invoiceNumber } = this.record({
      localId,
      completedAtMs,
      completedAt: local.iso,
      day: numberDay(local.date),
      prefix: settings.invoiceNumberPrefix,
      draft,
      totals,
      approvals: extra.approvals ?? [],
      ...(extra.alsoInTransaction ? { alsoInTransaction: extra.alsoInTransaction } : {}),
      ...(extra.returnOf ? { returnOf: extra.returnOf } : {}),
      buildPayload: (number) => {
        const context = { outlet, register: settings.register, tag: settings.salesTag, decimals: settings.currencyDecimals, salesPerson: extra.salesPerson ?? null };
        const identity = { number, date: local.date };
        const { returnOf } = extra;
        return checkedPayload(
          returnOf ? toReturnPayload(draft, totals, context, identity, returnOf.number) : toInvoicePayload(draft, totals, context, identity),
        );
      },
    });
    this.options.onRecorded?.();
    return { localId, invoiceNumber, completedAt: local.iso, totals };
  }

  private record(sale: NewSale): { invoiceNumber: string } {
    const full = this.options.storage?.full();
    if (full) throw new ServiceError('storage_full', saleRefusedMessage(full.folder), { details: { folder: full.folder, freeBytes: full.freeBytes } });
    try {
      return this.options.store.recordSale(sale);
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'storage_full') {
        this.options.storage?.noteFailure(error);
        const folder = this.options.storage?.full()?.folder ?? null;
        throw new ServiceError('storage_full', folder ? saleRefusedMessage(folder) : 'The disk is full: this sale was NOT saved. Free some disk space, then complete the sale again.', {
          cause: error,
        });
      }
      throw error;
    }
  }
}
