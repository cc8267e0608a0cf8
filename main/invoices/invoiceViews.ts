/**
 * DealPOS invoices ↔ what the back-office screen shows and edits. Pure: no I/O.
 *
 * - Amounts arrive in major units (whole rupiah for IDR) and are shown in minor units; the store's
 *   currency decimals are passed in.
 * - DealPOS dates are local timestamps without a zone (`2020-05-27T00:00:00`); the date part is the
 *   sell date the invoice was created with, so it is kept as `yyyy-mm-dd` and never shifted.
 * - `PUT Invoice` replaces the invoice (see INVOICE_BACK_OFFICE in assumptions.ts): the body carries
 *   every field the detail showed, with the form's edits on top, and the lines and payments unchanged.
 */
import type { InvoiceDetailView, InvoiceEdit, InvoiceFilters, InvoiceRowView } from '../../shared/contract/invoices';
import { fromMajor, toMajor } from '../../shared/money';
import type { InvoiceDetail, InvoiceInput, InvoiceListRow, InvoiceMultipleOutletRequest } from '../dealpos/schemas';

/** `2020-05-27T00:00:00` → `2020-05-27`; an unset DealPOS date (`0001-01-01…`) → null. */
export function dealPosDate(value: string | null | undefined): string | null {
  const match = value ? /^(\d{4}-\d{2}-\d{2})/.exec(value) : null;
  if (!match?.[1] || match[1].startsWith('0001-')) return null;
  return match[1];
}

/** The listing request for one page; `outlets` are the names already checked against the user's access. */
export function listingRequestFor(
  filters: InvoiceFilters,
  outlets: readonly string[],
  page: { readonly number: number; readonly size: number },
): InvoiceMultipleOutletRequest {
  const customer = filters.customer?.trim();
  return {
    PageNumber: page.number,
    PageSize: page.size,
    Outlet: outlets,
    ...(filters.tags.length > 0 ? { Tag: filters.tags } : {}),
    ...(filters.paymentState ? { PaymentState: filters.paymentState } : {}),
    ...(filters.fulfillment ? { Fulfillment: filters.fulfillment } : {}),
    ...(customer ? (customer.includes('@') ? { Email: customer } : { Mobile: customer }) : {}),
    ...(filters.note ? { Note: filters.note } : {}),
    Bin: filters.bin,
    ...(filters.from ? { From: filters.from } : {}),
    ...(filters.to ? { To: filters.to } : {}),
  };
}

export function invoiceRowView(row: InvoiceListRow, decimals: number): InvoiceRowView {
  return {
    id: row.ID,
    outlet: row.Outlet,
    number: row.Number,
    customer: row.Customer ?? null,
    date: dealPosDate(row.Date) ?? row.Date,
    amount: row.Amount === null || row.Amount === undefined ? null : fromMajor(row.Amount, decimals),
    paymentState: row.Payment ?? null,
    fulfillment: row.Fulfillment ?? row.Delivery ?? null,
    tag: row.Tag ?? null,
    referenceNumber: row.ReferenceNumber ?? null,
  };
}

export function invoiceDetailView(detail: InvoiceDetail, decimals: number): InvoiceDetailView {
  const minor = (value: number | null | undefined): number => fromMajor(value ?? 0, decimals);
  const date = dealPosDate(detail.Date) ?? detail.Date.slice(0, 10);
  return {
    id: detail.ID,
    outlet: detail.Outlet,
    number: detail.Number,
    status: detail.Status ?? null,
    paymentState: detail.PaymentState ?? null,
    customerCode: detail.Customer?.Code ?? null,
    gross: minor(detail.Gross),
    tax: minor(detail.Tax),
    total: minor(detail.SalesNTax),
    pointUsed: detail.PointUsed ?? 0,
    lines: (detail.Variants ?? []).map((line) => ({
      code: line.Code,
      name: line.Name ?? null,
      quantity: line.Quantity,
      price: minor(line.Price),
      discountPercent: line.Discount ?? 0,
      note: line.Note ?? null,
    })),
    payments: (detail.Payments ?? []).map((payment) => ({
      date: dealPosDate(payment.Date),
      method: payment.Method,
      amount: minor(payment.Amount),
      code: payment.Code ?? null,
      note: payment.Note ?? null,
    })),
    edit: {
      date,
      dueDate: dealPosDate(detail.DueDate),
      salesPerson: detail.SalesPerson ?? '',
      tag: detail.Tag ?? '',
      taxType: detail.TaxType ?? '',
      register: detail.Register ?? '',
      discount1: Math.round(detail.Discount1 ?? 0),
      discount2: Math.round(detail.Discount2 ?? 0),
      // With redeemed points DealPOS computes DiscountAmount itself; the form shows it but it is not sent.
      discountAmount: minor(detail.DiscountAmount),
      surcharge: minor(detail.Surcharge),
      fulfillment: detail.Fulfillment === 'Unsent' ? 'Unsent' : 'Sent',
      logisticServiceCode: detail.LogisticServiceCode ?? '',
      note: detail.Note ?? '',
      referenceNumber: detail.ReferenceNumber ?? '',
      // Seed: a null FulfillmentOutlet means the invoice's own outlet; the form shows that as empty.
      fulfillmentOutlet: detail.FulfillmentOutlet && detail.FulfillmentOutlet.toLowerCase() !== detail.Outlet.toLowerCase() ? detail.FulfillmentOutlet : '',
      customerName: detail.Customer?.Name ?? '',
      customerEmail: detail.Customer?.Email ?? '',
      customerMobile: detail.Customer?.Mobile ?? '',
    },
  };
}

/** The `PUT Invoice` body: the stored invoice with the form's edits; lines, payments, points, coupon and recipient as stored. */
export function updateBody(detail: InvoiceDetail, edit: InvoiceEdit, decimals: number): InvoiceInput {
  const major = (minor: number): number => toMajor(minor, decimals);
  const customer = detail.Customer;
  const hasCustomer = Boolean(customer?.Code) || edit.customerName !== '' || edit.customerEmail !== '' || edit.customerMobile !== '';
  const pointUsed = detail.PointUsed ?? 0;
  return {
    Outlet: detail.Outlet,
    Number: detail.Number,
    Date: edit.date,
    ...(edit.dueDate ? { DueDate: edit.dueDate } : {}),
    ...(edit.salesPerson ? { SalesPerson: edit.salesPerson } : {}),
    Tag: edit.tag,
    TaxType: edit.taxType,
    ...(edit.register ? { Register: edit.register } : {}),
    Discount1: edit.discount1,
    Discount2: edit.discount2,
    ...(pointUsed > 0 ? { PointUsed: pointUsed } : { DiscountAmount: major(edit.discountAmount) }),
    Surcharge: major(edit.surcharge),
    ...(detail.Coupon ? { Coupon: detail.Coupon } : {}),
    Fulfillment: edit.fulfillment,
    LogisticServiceCode: edit.logisticServiceCode || null,
    Note: edit.note || null,
    ReferenceNumber: edit.referenceNumber || null,
    FulfillmentOutlet: edit.fulfillmentOutlet || detail.Outlet,
    ...(hasCustomer
      ? {
          Customer: {
            ...(customer?.Code ? { Code: customer.Code } : {}),
            ...(edit.customerName ? { Name: edit.customerName } : {}),
            ...(edit.customerEmail ? { Email: edit.customerEmail } : {}),
            ...(edit.customerMobile ? { Mobile: edit.customerMobile } : {}),
            ...(customer?.Phone ? { Phone: customer.Phone } : {}),
          },
        }
      : {}),
    Variants: (detail.Variants ?? []).map((line) => ({
      Code: line.Code,
      Quantity: line.Quantity,
      Price: line.Price,
      Discount: line.Discount ?? 0,
      ...(line.Note ? { Note: line.Note } : {}),
    })),
    Payments: (detail.Payments ?? []).map((payment) => ({
      Amount: payment.Amount,
      Method: payment.Method,
      ...(payment.Code ? { Code: payment.Code } : {}),
      ...(payment.Note ? { Note: payment.Note } : {}),
    })),
    ...(detail.Recipient ? { Recipient: detail.Recipient } : {}),
  };
}
