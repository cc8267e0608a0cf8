/**
 * One page of DealPOS's variant list, from the body text to cache records: parsed, checked against
 * the endpoint's schema and priced in minor units. Runs on the bulk writer thread, so the parse and
 * the check of 500 rows never hold main's event loop (issue 19). Pure: no I/O.
 */
import { readBody } from '../dealpos/readBody';
import { VariantListSchema, type VariantListRow } from '../dealpos/schemas';
import type { VariantRecord } from '../store/catalogStore';
import { toVariantRecord } from './variantRecord';

export interface VariantPage {
  readonly records: VariantRecord[];
  /** Rows DealPOS listed, kept or not: a page shorter than the page size is the last. */
  readonly rows: number;
  /** Codes of rows the counter could not sell correctly (empty code or unusable price). */
  readonly skipped: string[];
}

export function readVariantPage(body: string, decimals: number, fetchedAt: string): VariantPage {
  return variantRecordsOf(readBody('Variant', VariantListSchema, body), decimals, fetchedAt);
}

/** Listed rows (already checked) as cache records, with the codes of those the counter cannot sell. */
export function variantRecordsOf(rows: readonly VariantListRow[], decimals: number, fetchedAt: string): VariantPage {
  const records: VariantRecord[] = [];
  const skipped: string[] = [];
  for (const row of rows) {
    const record = toVariantRecord(row, decimals, fetchedAt);
    if (record) records.push(record);
    else skipped.push(row.Code);
  }
  return { records, rows: rows.length, skipped };
}
