/**
 * Receiving labels (issue 14): load the items of a purchase bill or an outlet delivery from DealPOS
 * (or, offline, from the copy main kept), then have main render a PDF sheet of barcode labels, one
 * per unit unless the manager changes a line's count.
 */
import { z } from 'zod';
import type { Money } from '../money';
import { LABEL_SIZES, type LabelSizeId } from '../labels/labelLayout';
import type { LabelSymbology } from '../labels/labelSymbology';
import { text } from '../text/text';
import { method, returns } from './define';

export { LABEL_SIZES, type LabelSizeId };

export const LABEL_SOURCE_KINDS = ['bill', 'delivery'] as const;
export type LabelSourceKind = (typeof LABEL_SOURCE_KINDS)[number];

/**
 * Most labels one sheet may hold. A receiving run is tens to hundreds of units; a few thousand
 * labels is already a box of label rolls, and anything above is a typing slip (an extra zero).
 */
export const MAX_LABELS_PER_SHEET = 2_000;

export const labelSourceSchema = z
  .object({
    kind: z.enum(LABEL_SOURCE_KINDS),
    outlet: text({ max: 100 }),
    number: text({ max: 64 }),
  })
  .strict();
export type LabelSource = z.infer<typeof labelSourceSchema>;

export interface LabelLine {
  readonly code: string;
  readonly name: string;
  /** Units received: the default number of labels for this line. */
  readonly quantity: number;
  /** Minor units of the store currency, as the bill or delivery gives it. */
  readonly price: Money;
  /** null: neither DealPOS nor the catalog could say. */
  readonly discontinued: boolean | null;
  /** The barcode the label carries; null when no symbology can encode this code (`unencodable` says why). */
  readonly symbology: LabelSymbology | null;
  readonly unencodable: 'empty' | 'too_long' | 'character' | null;
}

export interface LabelDocument {
  readonly source: LabelSource;
  readonly lines: readonly LabelLine[];
  /** `dealpos`: just loaded; `cache`: DealPOS unreachable, this is the copy kept at `loadedAt`. */
  readonly from: 'dealpos' | 'cache';
  /** ISO 8601 with offset: when DealPOS last gave these lines. */
  readonly loadedAt: string;
  /** Where the discontinued flags come from: one `Variant/GetIDByListCodeDiscontinued` request, or the offline catalog. */
  readonly discontinuedFrom: 'dealpos' | 'catalog';
}

export interface CachedLabelDocument {
  readonly source: LabelSource;
  readonly lines: number;
  readonly units: number;
  readonly loadedAt: string;
}

export interface LabelSheet {
  /** The PDF file, base64. */
  readonly pdfBase64: string;
  readonly fileName: string;
  readonly labels: number;
  readonly pages: number;
}

export interface OpenedSheet {
  /** Where main saved the PDF it opened (in the app's data folder). */
  readonly path: string;
}

export const labelSheetSchema = z
  .object({
    source: labelSourceSchema,
    size: z.enum(LABEL_SIZES),
    /** Labels per line, by code; a line left out prints none. Main takes names and prices from its own copy of the document. */
    lines: z
      .array(z.object({ code: text({ max: 64 }), labels: z.number().int().min(0) }).strict())
      .min(1)
      .max(500),
  })
  .strict();
export type LabelSheetRequest = z.infer<typeof labelSheetSchema>;

export const labelsMethods = {
  /**
   * Lines of a bill or delivery, with discontinued variants flagged by one request for the whole list.
   * Errors (each with `details.reason`): `forbidden` outlet_not_accessible; `not_found` unknown_document;
   * `forbidden` with `details.role` (missing DealPOS role); `offline` needs_connection (no connection
   * and not loaded before). Unreachable but kept: answered from the kept copy (`from: 'cache'`).
   */
  'labels.load': method({ input: labelSourceSchema, result: returns<LabelDocument>() }),
  /** Documents loaded before, newest first: what can be labelled without a connection. */
  'labels.cached': method({ input: z.object({}).strict(), result: returns<readonly CachedLabelDocument[]>() }),
  /**
   * Renders the label sheet as a PDF. Refuses the whole sheet (`validation`, `details.reason`:
   * no_labels, too_many_labels, unencodable, too_wide, unknown_line) rather than print part of it.
   */
  'labels.sheet': method({ input: labelSheetSchema, result: returns<LabelSheet>() }),
  /**
   * Saves the sheet main made last (named by its `fileName`) in the data folder and opens it in the
   * OS's PDF viewer, which prints it. `not_configured` where the host cannot open files (the
   * browser host: save the PDF instead); `not_found` for any other name.
   */
  'labels.openSheet': method({ input: z.object({ fileName: text({ max: 200 }) }).strict(), result: returns<OpenedSheet>() }),
};
