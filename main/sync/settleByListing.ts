/**
 * Settles invoices whose earlier send had an unknown outcome from one `Invoice/MultipleOutlet`
 * listing (this register's outlet and sales tag, the days of those invoices) instead of one
 * `Invoice/IDByNumber` each. Pure: it builds the request and reads the rows; the worker sends it.
 * What this relies on is listed, with sources, in main/dealpos/assumptions.ts (INVOICE_LISTING).
 */
import { INVOICE_ID_NOT_FOUND_VALUES, INVOICE_LISTING } from '../dealpos/assumptions';
import type { InvoiceListRow, InvoiceMultipleOutletRequest } from '../dealpos/schemas';
import type { InvoicePayload } from '../../shared/invoice/invoicePayload';

/** The part of an outbox entry the listing needs. */
export interface UncertainInvoice {
  readonly invoiceNumber: string;
  readonly outlet: string;
  readonly payload: Pick<InvoicePayload, 'Tag' | 'Date'>;
}

export interface ListingVerdict<T extends UncertainInvoice> {
  /** On DealPOS, with the ID its row carries. */
  readonly found: ReadonlyArray<{ readonly entry: T; readonly id: string }>;
  /** Not in a complete listing: DealPOS does not have them. */
  readonly absent: readonly T[];
  /** The listing cannot tell (incomplete, or the row lacks a usable ID): check by number. */
  readonly unsettled: readonly T[];
}

/** One page of the listing that covers every entry. `entries` must not be empty. */
export function listingRequest(entries: readonly UncertainInvoice[], pageNumber: number): InvoiceMultipleOutletRequest {
  const dates = entries.map((e) => e.payload.Date).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('listingRequest needs at least one invoice');
  return {
    PageNumber: pageNumber,
    PageSize: INVOICE_LISTING.pageSize,
    Outlet: distinctIgnoringCase(entries.map((e) => e.outlet)),
    Tag: distinctIgnoringCase(entries.map((e) => e.payload.Tag)),
    From: shiftDay(first, -INVOICE_LISTING.dateMarginDays),
    To: shiftDay(last, INVOICE_LISTING.dateMarginDays),
    Status: INVOICE_LISTING.status,
  };
}

/** Whether a page says more may follow (full), or cannot be trusted to be the last (over-full). */
export function pageMayContinue(rowsOnPage: number): boolean {
  return rowsOnPage >= INVOICE_LISTING.pageSize;
}

/**
 * Sorts `entries` by what `rows` say. `complete`: the rows are the whole listing, so a number
 * missing from them is not on DealPOS. Only an exact Outlet + Number match with one usable ID
 * counts as found — a wrong "found" would lose the sale.
 */
export function settleFromListing<T extends UncertainInvoice>(entries: readonly T[], rows: readonly InvoiceListRow[], complete: boolean): ListingVerdict<T> {
  const idsByKey = new Map<string, Set<string>>();
  for (const row of rows) {
    const key = keyOf(row.Outlet, row.Number);
    const ids = idsByKey.get(key) ?? new Set<string>();
    ids.add(row.ID);
    idsByKey.set(key, ids);
  }
  const found: Array<{ entry: T; id: string }> = [];
  const absent: T[] = [];
  const unsettled: T[] = [];
  for (const entry of entries) {
    const ids = idsByKey.get(keyOf(entry.outlet, entry.invoiceNumber));
    if (!ids) {
      (complete ? absent : unsettled).push(entry);
      continue;
    }
    const usable = [...ids].filter((id) => id !== '' && !INVOICE_ID_NOT_FOUND_VALUES.includes(id));
    const [id] = usable;
    // Listed, but without one clear ID: it exists, yet only a lookup can say which invoice it is.
    if (id !== undefined && usable.length === 1 && ids.size === 1) found.push({ entry, id });
    else unsettled.push(entry);
  }
  return { found, absent, unsettled };
}

/** True once every entry has a row (then no further page can change the verdict). */
export function allListed(entries: readonly UncertainInvoice[], rows: readonly InvoiceListRow[]): boolean {
  const listed = new Set(rows.map((row) => keyOf(row.Outlet, row.Number)));
  return entries.every((entry) => listed.has(keyOf(entry.outlet, entry.invoiceNumber)));
}

/** Outlet names are compared ignoring case (DealPOS resolves them so); numbers exactly. */
function keyOf(outlet: string, number: string): string {
  return `${outlet.toLowerCase()}|${number}`;
}

function distinctIgnoringCase(values: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values) if (!seen.has(value.toLowerCase())) seen.set(value.toLowerCase(), value);
  return [...seen.values()];
}

/** `2026-11-22` shifted by whole days, as yyyy-mm-dd. */
export function shiftDay(day: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`"${day}" is not a YYYY-MM-DD date`);
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  return new Date(at).toISOString().slice(0, 10);
}
