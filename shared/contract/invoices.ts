import { z } from 'zod';
import { text } from '../text/text';
import { method, returns } from './define';

/**
 * Back office over DealPOS invoices across outlets (issue 14): `Invoice/MultipleOutlet`, `Invoice/Number`,
 * `PUT Invoice`, `DELETE Invoice`. Everything here is live: without a connection each call fails
 * with `network` (or `offline`) and nothing is half sent.
 */

/** Documented maximum page size ("The size of one page. Max=500"). */
export const MAX_INVOICE_PAGE_SIZE = 500;
/** What the screen offers. */
export const INVOICE_PAGE_SIZES = [20, 50, 100, MAX_INVOICE_PAGE_SIZE] as const;
export const PAYMENT_STATES = ['Paid', 'Partial', 'Unpaid'] as const;
export const FULFILLMENTS = ['Sent', 'Unsent'] as const;

const name = text({ max: 100 });
const isoDate = text({ max: 10 }).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-31'));

export const invoiceFiltersSchema = z
  .object({
    /** Outlet names; empty means every outlet the DealPOS user may read. */
    outlets: z.array(name).max(50).default([]),
    /** Channel tags; empty means every channel. */
    tags: z.array(name).max(20).default([]),
    paymentState: z.enum(PAYMENT_STATES).optional(),
    fulfillment: z.enum(FULFILLMENTS).optional(),
    /** Customer email or mobile number, one field: an `@` makes it an email. */
    customer: text({ max: 200 }).optional(),
    note: text({ max: 200 }).optional(),
    /** Deleted invoices (the bin) instead of live ones. */
    bin: z.boolean().default(false),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'The first day must not be after the last day', path: ['to'] });
export type InvoiceFilters = z.output<typeof invoiceFiltersSchema>;

export interface InvoiceRowView {
  readonly id: string;
  readonly outlet: string;
  readonly number: string;
  readonly customer: string | null;
  /** Sell date, yyyy-mm-dd (DealPOS local). */
  readonly date: string;
  /** Total in minor units. */
  readonly amount: number | null;
  readonly paymentState: string | null;
  readonly fulfillment: string | null;
  readonly tag: string | null;
  readonly referenceNumber: string | null;
}

export interface InvoiceQuota {
  readonly limit: number;
  readonly windowSeconds: number;
  /** Requests this screen could make right now. */
  readonly remaining: number;
  /** ISO time when the next request slot frees (now when one is free). */
  readonly nextSlotAt: string;
}

export interface InvoicePage {
  readonly rows: readonly InvoiceRowView[];
  readonly page: number;
  readonly pageSize: number;
  /** A full page: there may be a next one. */
  readonly mayHaveMore: boolean;
  /** Served from the page cache (no request spent). */
  readonly cached: boolean;
  /** ISO time the page was fetched from DealPOS. */
  readonly fetchedAt: string;
  readonly quota: InvoiceQuota | null;
}

export interface InvoiceLineView {
  readonly code: string;
  readonly name: string | null;
  readonly quantity: number;
  /** Minor units. */
  readonly price: number;
  readonly discountPercent: number;
  readonly note: string | null;
}

export interface InvoicePaymentView {
  readonly date: string | null;
  readonly method: string;
  /** Minor units. */
  readonly amount: number;
  readonly code: string | null;
  readonly note: string | null;
}

/** The editable fields of `PUT Invoice` (seed "Update an Invoice"), as the form edits them. */
export const invoiceEditSchema = z
  .object({
    date: isoDate,
    dueDate: isoDate.nullable(),
    salesPerson: text({ max: 100, min: 0 }),
    tag: name,
    taxType: name,
    register: text({ max: 100, min: 0 }),
    discount1: z.number().int().min(0).max(100),
    discount2: z.number().int().min(0).max(100),
    /** Minor units. */
    discountAmount: z.number().int().min(0),
    /** Minor units. */
    surcharge: z.number().int().min(0),
    fulfillment: z.enum(FULFILLMENTS),
    logisticServiceCode: text({ max: 64, min: 0 }),
    note: text({ max: 1000, min: 0 }),
    referenceNumber: text({ max: 100, min: 0 }),
    /** Empty: fulfilled by the invoice's own outlet. */
    fulfillmentOutlet: text({ max: 100, min: 0 }),
    customerName: text({ max: 200, min: 0 }),
    customerEmail: text({ max: 200, min: 0 }).pipe(z.string().regex(/^$|^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Not an email address')),
    customerMobile: text({ max: 40, min: 0 }).pipe(z.string().regex(/^$|^\+?[0-9 -]{6,20}$/, 'Use digits, e.g. 081234567890')),
  })
  .strict()
  .refine((e) => e.dueDate === null || e.dueDate >= e.date, { message: 'The due date must not be before the invoice date', path: ['dueDate'] });
export type InvoiceEdit = z.output<typeof invoiceEditSchema>;

export interface InvoiceDetailView {
  readonly id: string;
  readonly outlet: string;
  readonly number: string;
  readonly status: string | null;
  readonly paymentState: string | null;
  readonly customerCode: string | null;
  /** Minor units. */
  readonly gross: number;
  readonly tax: number;
  readonly total: number;
  readonly pointUsed: number;
  readonly lines: readonly InvoiceLineView[];
  readonly payments: readonly InvoicePaymentView[];
  /** The form's starting values. */
  readonly edit: InvoiceEdit;
}

const invoiceKey = z.object({ outlet: name, number: text({ max: 64 }) }).strict();

export const invoicesMethods = {
  /**
   * One page of invoices across outlets. A page asked again within a minute comes from the cache.
   * Errors: `validation` (an outlet the DealPOS user cannot access: issues name `filters.outlets`),
   * `not_found` (details.reason `page_beyond_end`), `rate_limited` (details.retryAfterMs: the quota is the wait),
   * `forbidden` (details.role), `network`/`timeout`.
   */
  'invoices.list': method({
    input: z
      .object({
        filters: invoiceFiltersSchema,
        page: z.number().int().min(1).max(100_000),
        pageSize: z.number().int().min(1).max(MAX_INVOICE_PAGE_SIZE),
        /** Skip the cache (the manager pressed Refresh). */
        fresh: z.boolean().default(false),
      })
      .strict(),
    result: returns<InvoicePage>(),
  }),
  /** The invoice with its lines and payments. Errors: `not_found` (details.reason `unknown_invoice`), `forbidden`, `validation` (outlet). */
  'invoices.detail': method({ input: invoiceKey, result: returns<InvoiceDetailView>() }),
  /** `PUT Invoice` with the edited fields; lines and payments are sent back unchanged. Answers the invoice as DealPOS now has it. */
  'invoices.update': method({
    input: z.object({ outlet: name, number: text({ max: 64 }), edit: invoiceEditSchema }).strict(),
    result: returns<InvoiceDetailView>(),
  }),
  /** `DELETE Invoice`: DealPOS moves it to the bin. Errors: `not_found` (unknown_invoice), `forbidden`, `validation` (outlet). */
  'invoices.delete': method({ input: invoiceKey, result: returns<{ readonly message: string }>() }),
};
