/**
 * Everything the simulator remembers within one run: the demo account's records, the invoices
 * created through it (keyed by outlet + number), issued tokens and a log of requests. Tests read
 * it directly; the HTTP layer (simulatorServer.ts) is the only writer.
 */
import { randomUUID } from 'node:crypto';
import { type z } from 'zod';
import { hasWeighedQuantityPrecision, INVOICE_SEMANTICS, SIMULATOR_ASSUMPTIONS, WEIGHED_QUANTITY } from '../dealpos/assumptions';
import { taxIsInclusive } from '../dealpos/taxOption';
import { InvoiceInputSchema, type Customer, type InvoiceDetail, type Outlet, type PaymentMethod, type Tax } from '../dealpos/schemas';
import {
  DEMO_BILLS,
  DEMO_DELIVERIES,
  DEMO_OUTLETS,
  DEMO_PAYMENT_METHODS,
  DEMO_SALES_ORDERS,
  DEMO_TAXES,
  DemoCatalog,
  demoCustomers,
  demoInvoices,
  type DemoBarcodeDocument,
  type DemoCustomer,
  type DemoSalesOrder,
} from './demoData';

/** An HTTP answer the handlers want sent (status + JSON body). */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface RequestLogEntry {
  readonly at: number;
  readonly method: string;
  /** Path relative to /api/v3 as sent (original case), or the full path for non-API routes. */
  readonly path: string;
  readonly query: string;
  readonly contentType: string | null;
  readonly bodyBytes: number;
  /** HTTP status sent, or what happened instead. */
  status: number | 'reset' | 'dropped' | 'pending';
}

export type StoredInvoice = InvoiceDetail & {
  readonly OutletID: string;
  /** Set on a return: the original invoice's number (RETURN_INVOICE). */
  readonly ReferenceInvoiceNumber: string | null;
  readonly CustomerID: string | null;
  readonly LogisticServiceCode: string | null;
  /** Deleted: listed only by `Invoice/MultipleOutlet` with `Bin: true` (seed: "Invoice in bin or not"). */
  readonly InBin: boolean;
};

/** A shift as the simulator keeps it (times epoch ms; answers are shaped by the routes). */
export interface SimShift {
  readonly ID: string;
  readonly Number: string;
  /** Null until an invoice on the register says which outlet it belongs to (SHIFT_SEMANTICS). */
  Outlet: string | null;
  readonly Register: string;
  readonly OpAmount: number;
  readonly Cashier: string;
  readonly OpenMs: number;
  CloseMs: number | null;
  Sales: number;
  Tax: number;
  SalesNTax: number;
  TotalInvoice: number;
}

const REDEEM_POINT_VALUE = SIMULATOR_ASSUMPTIONS.redeemPointValue;
const POINT_EARN_STEP = SIMULATOR_ASSUMPTIONS.pointEarnStep;

const MAX_LOG_ENTRIES = 20_000;

type InvoiceParsed = z.output<typeof InvoiceInputSchema>;

export class SimulatorState {
  readonly outlets: Outlet[];
  readonly paymentMethods: PaymentMethod[];
  readonly taxes: Tax[];
  readonly customers: DemoCustomer[];
  readonly catalog: DemoCatalog;
  /** Key: `${outletName}|${number}`. */
  readonly invoices = new Map<string, StoredInvoice>();
  readonly salesOrders = new Map<string, DemoSalesOrder>();
  /** Every shift opened through the simulator, oldest first. */
  readonly shifts: SimShift[] = [];
  /** Register name (lower case) → outlet name (SHIFT_SEMANTICS: learned from invoices). */
  private readonly registerOutlets = new Map<string, string>();
  readonly bills: readonly DemoBarcodeDocument[] = DEMO_BILLS;
  readonly deliveries: readonly DemoBarcodeDocument[] = DEMO_DELIVERIES;
  /** Issued tokens → absolute expiry (epoch ms). */
  readonly tokens = new Map<string, number>();
  /** Most recent requests, oldest first (capped). */
  readonly requestLog: RequestLogEntry[] = [];
  /** Requests per `METHOD path` (path lower-cased, relative to /api/v3) over the whole run. */
  readonly requestCounts = new Map<string, number>();
  private readonly now: () => number;

  constructor(options: { seed: number; variants: number; now: () => number }) {
    this.now = options.now;
    this.outlets = DEMO_OUTLETS.map((o) => ({ ...o }));
    this.paymentMethods = DEMO_PAYMENT_METHODS.map((p) => ({ ...p }));
    this.taxes = DEMO_TAXES.map((t) => ({ ...t }));
    this.customers = demoCustomers(options.seed).map((c) => ({ ...c }));
    this.catalog = new DemoCatalog(options.seed, options.variants);
    for (const order of DEMO_SALES_ORDERS) this.salesOrders.set(key(order.outlet, order.number), { ...order });
    for (const invoice of demoInvoices()) this.createInvoice(invoice, { writeOff: false });
  }

  // ------------------------------------------------------------------ queries for tests

  /** The stored invoice, in the bin or not (tests check both). */
  findInvoice(outlet: string, number: string): StoredInvoice | null {
    return this.invoices.get(key(outlet, number)) ?? null;
  }

  /** The invoice lookups by number see: not one in the bin (see INVOICE_BIN in assumptions.ts). */
  activeInvoice(outlet: string, number: string): StoredInvoice | null {
    const invoice = this.findInvoice(outlet, number);
    return invoice && !invoice.InBin ? invoice : null;
  }

  /** How many requests hit `path` (relative to /api/v3, any case), optionally for one method. */
  countRequests(path: string, method?: string): number {
    const lower = path.toLowerCase();
    if (method) return this.requestCounts.get(`${method.toUpperCase()} ${lower}`) ?? 0;
    let total = 0;
    for (const [k, v] of this.requestCounts) if (k.slice(k.indexOf(' ') + 1) === lower) total += v;
    return total;
  }

  logRequest(entry: RequestLogEntry): RequestLogEntry {
    this.requestLog.push(entry);
    if (this.requestLog.length > MAX_LOG_ENTRIES) this.requestLog.splice(0, this.requestLog.length - MAX_LOG_ENTRIES);
    const countKey = `${entry.method} ${entry.path.toLowerCase()}`;
    this.requestCounts.set(countKey, (this.requestCounts.get(countKey) ?? 0) + 1);
    return entry;
  }

  // ------------------------------------------------------------------ lookups

  outletByName(name: string): Outlet | null {
    const lower = name.toLowerCase();
    return this.outlets.find((o) => o.Name.toLowerCase() === lower) ?? null;
  }

  outletById(id: string): Outlet | null {
    const lower = id.toLowerCase();
    return this.outlets.find((o) => o.ID.toLowerCase() === lower) ?? null;
  }

  /** Resolves `Outlet` (name) or `OutletID`; 400 when given but unknown, 400 when neither is given. */
  resolveOutlet(params: { Outlet?: unknown; OutletID?: unknown }): Outlet {
    if (typeof params.OutletID === 'string' && params.OutletID) {
      const outlet = this.outletById(params.OutletID);
      if (!outlet) throw new SimHttpError(400, `Outlet ID ${params.OutletID} is not found`);
      return outlet;
    }
    if (typeof params.Outlet === 'string' && params.Outlet) {
      const outlet = this.outletByName(params.Outlet);
      if (!outlet) throw new SimHttpError(400, `Outlet ${params.Outlet} is not found`);
      return outlet;
    }
    throw new SimHttpError(400, 'Outlet or OutletID is required');
  }

  customerBy(field: 'Email' | 'Code' | 'MobilePhone' | 'ID', value: string): DemoCustomer | null {
    const lower = value.trim().toLowerCase();
    return (
      this.customers.find((c) => {
        const candidate = c[field];
        return typeof candidate === 'string' && candidate.toLowerCase() === lower;
      }) ?? null
    );
  }

  // ------------------------------------------------------------------ invoices

  /** Creates an invoice or throws SimHttpError(400) with a DealPOS-style Message. */
  createInvoice(raw: unknown, headers: { writeOff: boolean }): StoredInvoice {
    const input = parseInvoice(raw);
    const outlet = this.resolveOutlet(input);
    const k = key(outlet.Name, input.Number);
    if (this.invoices.has(k)) {
      throw new SimHttpError(INVOICE_SEMANTICS.duplicateNumberStatus, `Invoice number ${input.Number} already exists in outlet ${outlet.Name}`);
    }
    const meta = { id: randomUUID(), created: localTimestamp(this.now()), writeOff: headers.writeOff };
    const invoice = input.Variants.some((line) => line.Quantity < 0) ? this.buildReturn(input, outlet, meta) : this.buildInvoice(input, outlet, meta);
    this.invoices.set(k, invoice);
    if (invoice.Register) this.countIntoShift(invoice, outlet);
    return invoice;
  }

  // ------------------------------------------------------------------ shifts (SHIFT_SEMANTICS)

  openShift(params: Readonly<Record<string, unknown>>): SimShift {
    const register = params['Register'];
    const amount = params['OpAmount'];
    if (typeof register !== 'string' || register.trim() === '') throw new SimHttpError(400, 'Register is required');
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) throw new SimHttpError(400, 'OpAmount must be a number of 0 or more');
    if (this.openShiftOf(register)) throw new SimHttpError(400, `Register ${register} already has an open shift`);
    const outlet = this.registerOutlets.get(register.toLowerCase()) ?? null;
    const shift: SimShift = {
      ID: randomUUID(),
      Number: `SH-${String(this.shifts.length + 1).padStart(5, '0')}`,
      Outlet: outlet,
      Register: register,
      OpAmount: amount,
      Cashier: 'API',
      OpenMs: this.now(),
      CloseMs: null,
      Sales: 0,
      Tax: 0,
      SalesNTax: 0,
      TotalInvoice: 0,
    };
    this.shifts.push(shift);
    return shift;
  }

  closeShift(params: Readonly<Record<string, unknown>>): SimShift {
    const register = params['Register'];
    if (typeof register !== 'string' || register.trim() === '') throw new SimHttpError(400, 'Register is required');
    const shift = this.openShiftOf(register);
    if (!shift) throw new SimHttpError(400, `Register ${register} has no open shift`);
    shift.CloseMs = this.now();
    return shift;
  }

  /** Shifts of an outlet opened on From..To (yyyy-mm-dd, Jakarta dates), oldest first. */
  listShifts(params: Readonly<Record<string, unknown>>): SimShift[] {
    const outlet = this.resolveOutlet(params);
    const from = dateParam(params['From'], 'From');
    const to = dateParam(params['To'], 'To');
    return this.shifts.filter((s) => {
      const day = localTimestamp(s.OpenMs).slice(0, 10);
      return (s.Outlet === null || s.Outlet === outlet.Name) && (from === null || day >= from) && (to === null || day <= to);
    });
  }

  private openShiftOf(register: string): SimShift | null {
    const lower = register.toLowerCase();
    return this.shifts.find((s) => s.CloseMs === null && s.Register.toLowerCase() === lower) ?? null;
  }

  private countIntoShift(invoice: StoredInvoice, outlet: Outlet): void {
    const register = invoice.Register ?? '';
    if (!this.registerOutlets.has(register.toLowerCase())) this.registerOutlets.set(register.toLowerCase(), outlet.Name);
    const shift = this.openShiftOf(register);
    if (!shift) return;
    shift.Outlet ??= outlet.Name;
    shift.Sales += invoice.Sales ?? 0;
    shift.Tax += invoice.Tax ?? 0;
    shift.SalesNTax += invoice.SalesNTax ?? 0;
    shift.TotalInvoice += 1;
  }

  /** Earlier Active returns against `original`: quantity taken back per variant code. */
  private returnedOf(original: StoredInvoice): Map<string, number> {
    const returned = new Map<string, number>();
    for (const invoice of this.invoices.values()) {
      if (invoice.Status !== 'Active' || invoice.OutletID !== original.OutletID || invoice.ReferenceInvoiceNumber !== original.Number) continue;
      for (const line of invoice.Variants ?? []) returned.set(line.Code ?? '', (returned.get(line.Code ?? '') ?? 0) - (line.Quantity ?? 0));
    }
    return returned;
  }

  /** A return (RETURN_INVOICE): checked against its original, then valued as the mirror image of a sale. */
  private buildReturn(input: InvoiceParsed, outlet: Outlet, meta: { id: string; created: string; writeOff: boolean }): StoredInvoice {
    if (input.Variants.some((line) => !(line.Quantity < 0))) throw new SimHttpError(400, 'A return must have every quantity negative');
    const reference = input.ReferenceInvoiceNumber;
    if (!reference) throw new SimHttpError(400, 'Negative quantities need ReferenceInvoiceNumber (the invoice being returned)');
    const original = this.findInvoice(outlet.Name, reference);
    if (!original) throw new SimHttpError(400, `Reference invoice ${reference} is not found in outlet ${outlet.Name}`);
    if (original.Status !== 'Active') throw new SimHttpError(400, `Reference invoice ${reference} is voided and cannot be returned`);
    const returned = this.returnedOf(original);
    const asked = new Map<string, number>();
    for (const line of input.Variants) {
      const code = line.Code ?? this.catalog.byId(line.VariantID ?? '')?.Code ?? '';
      asked.set(code, (asked.get(code) ?? 0) - line.Quantity);
    }
    for (const [code, quantity] of asked) {
      const sold = (original.Variants ?? []).filter((l) => l.Code === code).reduce((sum, l) => sum + (l.Quantity ?? 0), 0);
      const before = returned.get(code) ?? 0;
      if (quantity + before > sold + 1e-9) {
        throw new SimHttpError(400, `Cannot return ${quantity} of ${code}: invoice ${reference} sold ${sold} and ${before} were returned before`);
      }
    }
    const mirror: InvoiceParsed = {
      ...input,
      Customer: undefined,
      DiscountAmount: input.DiscountAmount === undefined || input.DiscountAmount === null ? input.DiscountAmount : -input.DiscountAmount,
      Variants: input.Variants.map((line) => ({ ...line, Quantity: -line.Quantity })),
      Payments: (input.Payments ?? []).map((payment) => ({ ...payment, Amount: -payment.Amount })),
    };
    const sale = this.buildInvoice(mirror, outlet, meta, { returning: true });
    return {
      ...sale,
      Gross: -sale.Gross,
      DiscountAmount: -(sale.DiscountAmount ?? 0),
      DiscountTotal: -(sale.DiscountTotal ?? 0),
      Sales: -sale.Sales,
      Tax: -(sale.Tax ?? 0),
      SalesNTax: -sale.SalesNTax,
      PointsEarned: 0,
      ReferenceInvoiceNumber: reference,
      Variants: (sale.Variants ?? []).map((line) => ({ ...line, Quantity: -(line.Quantity ?? 0) })),
      Payments: (sale.Payments ?? []).map((payment) => ({ ...payment, Amount: -(payment.Amount ?? 0) })),
    };
  }

  updateInvoice(raw: unknown): StoredInvoice {
    const input = parseInvoice(raw);
    const outlet = this.resolveOutlet(input);
    const k = key(outlet.Name, input.Number);
    const existing = this.activeInvoice(outlet.Name, input.Number);
    if (!existing) throw new SimHttpError(404, `Invoice ${input.Number} is not found in outlet ${outlet.Name}`);
    if (existing.CustomerID && existing.PointUsed) {
      // Give back the points the old version redeemed before charging the new version.
      const customer = this.customerBy('ID', existing.CustomerID);
      if (customer) customer.LoyaltyPoint = (customer.LoyaltyPoint ?? 0) + (existing.PointUsed ?? 0) - (existing.PointsEarned ?? 0);
    }
    // Seed (PUT): Surcharge, FulfillmentOutlet and Recipient are fields of the update; one left out keeps its stored value.
    const kept: InvoiceParsed = {
      ...input,
      Surcharge: input.Surcharge ?? existing.Surcharge ?? 0,
      FulfillmentOutlet: input.FulfillmentOutlet ?? existing.FulfillmentOutlet ?? null,
      Recipient: input.Recipient ?? existing.Recipient ?? null,
    };
    const invoice = this.buildInvoice(kept, outlet, { id: existing.ID, created: existing.Created ?? localTimestamp(this.now()), writeOff: false });
    this.invoices.set(k, invoice);
    return invoice;
  }

  /** Seed: DELETE moves the invoice to the bin that `Bin: true` lists; it is not erased. */
  deleteInvoice(params: Record<string, unknown>): void {
    let found: StoredInvoice | null = null;
    if (typeof params['InvoiceID'] === 'string') {
      const id = params['InvoiceID'].toLowerCase();
      found = [...this.invoices.values()].find((invoice) => !invoice.InBin && invoice.ID.toLowerCase() === id) ?? null;
      if (!found) throw new SimHttpError(404, `Invoice ${params['InvoiceID']} is not found`);
    } else {
      const outlet = this.resolveOutlet(params);
      const number = params['Number'];
      if (typeof number !== 'string' || !number) throw new SimHttpError(400, 'Number is required');
      found = this.activeInvoice(outlet.Name, number);
      if (!found) throw new SimHttpError(404, `Invoice ${number} is not found in outlet ${outlet.Name}`);
    }
    this.invoices.set(key(found.Outlet, found.Number), { ...found, InBin: true });
  }

  private buildInvoice(
    input: InvoiceParsed,
    outlet: Outlet,
    meta: { id: string; created: string; writeOff: boolean },
    kind: { readonly returning: boolean } = { returning: false },
  ): StoredInvoice {
    const tag = input.Tag ?? input.SalesType;
    // Seed: Tag (alias SalesType) and TaxType are required on POST and PUT Invoice.
    if (!tag) throw new SimHttpError(400, 'Tag is required');
    const taxName = input.TaxType;
    if (!taxName) throw new SimHttpError(400, 'TaxType is required');
    const fulfillmentOutlet = input.FulfillmentOutlet ? this.resolveOutlet({ Outlet: input.FulfillmentOutlet }).Name : null;
    const tax = this.taxes.find((t) => t.Name.toLowerCase() === taxName.toLowerCase());
    if (!tax) throw new SimHttpError(400, `Tax Type ${taxName} is not found`);
    if (input.Variants.length === 0) throw new SimHttpError(400, 'Variants must contain at least one item');

    const lines = input.Variants.map((line, index) => {
      const variant = line.VariantID ? this.catalog.byId(line.VariantID) : line.Code !== undefined ? this.catalog.byCode(line.Code) : null;
      if (!variant) throw new SimHttpError(400, `Variant ${line.Code ?? line.VariantID ?? `#${index + 1}`} is not found`);
      if (variant.Discontinued && !kind.returning) throw new SimHttpError(400, `Variant ${variant.Code} is discontinued`);
      if (!(line.Quantity > 0)) throw new SimHttpError(400, `Quantity of variant ${variant.Code} must be greater than 0`);
      if (!hasWeighedQuantityPrecision(line.Quantity)) {
        throw new SimHttpError(400, `Quantity of variant ${variant.Code} has more than ${WEIGHED_QUANTITY.maxDecimals} decimals`);
      }
      if (line.Price < 0) throw new SimHttpError(400, `Price of variant ${variant.Code} must not be negative`);
      const discount = line.Discount ?? 0;
      if (discount < 0 || discount > 100) throw new SimHttpError(400, `Discount of variant ${variant.Code} must be between 0 and 100`);
      return { variant, quantity: line.Quantity, price: line.Price, discount, note: line.Note ?? null };
    });

    const payments = (input.Payments ?? []).map((payment) => {
      const method =
        payment.MethodID !== undefined
          ? this.paymentMethods.find((m) => String(m.ID) === String(payment.MethodID))
          : this.paymentMethods.find((m) => m.Name.toLowerCase() === (payment.Method ?? '').toLowerCase());
      if (!method) throw new SimHttpError(400, `Payment method ${payment.Method ?? String(payment.MethodID)} is not found`);
      if (method.Suspended) throw new SimHttpError(400, `Payment method ${method.Name} is suspended`);
      if (payment.Amount < 0) throw new SimHttpError(400, 'Payment Amount must not be negative');
      return { method: method.Name, amount: payment.Amount, code: payment.Code ?? null, note: payment.Note ?? null };
    });

    const customerInput = input.Customer;
    let customer: Customer | null = null;
    if (customerInput) {
      customer =
        (customerInput.Code !== undefined ? this.customerBy('Code', customerInput.Code) : null) ??
        (customerInput.Email ? this.customerBy('Email', customerInput.Email) : null) ??
        (customerInput.Mobile !== undefined ? this.customerBy('MobilePhone', customerInput.Mobile) : null);
    }
    const pointUsed = Math.max(0, Math.floor(input.PointUsed ?? 0));
    if (pointUsed > 0) {
      if (!customer) throw new SimHttpError(400, 'PointUsed needs a registered customer');
      if ((customer.LoyaltyPoint ?? 0) < pointUsed) {
        throw new SimHttpError(400, `Customer ${customer.Code} has only ${customer.LoyaltyPoint ?? 0} points`);
      }
    }

    const gross = round(lines.reduce((sum, l) => sum + lineValue(l.quantity, l.price) * (1 - l.discount / 100), 0));
    const d1 = input.Discount1 ?? 0;
    const d2 = input.Discount2 ?? 0;
    const afterD1 = gross * (1 - d1 / 100);
    const afterD2 = afterD1 * (1 - d2 / 100);
    const discountAmount = pointUsed > 0 ? pointUsed * REDEEM_POINT_VALUE : (input.DiscountAmount ?? 0);
    const sales = Math.max(0, round(afterD2 - discountAmount));
    const discountTotal = gross - sales;
    const rate = tax.Rate;
    // Same reading of Type as the client's (dealpos/taxOption.ts); an unknown Type is added on top.
    const inclusive = taxIsInclusive(tax.Type) === true;
    const taxAmount = inclusive ? round((sales * rate) / (100 + rate)) : round((sales * rate) / 100);
    const surcharge = Math.max(0, round(input.Surcharge ?? 0));
    const salesNTax = (inclusive ? sales : sales + taxAmount) + surcharge;
    const paid = payments.reduce((sum, p) => sum + p.amount, 0);
    const paymentState = meta.writeOff || paid >= salesNTax ? 'Paid' : paid > 0 ? 'Partial' : 'Unpaid';
    const pointsEarned = customer ? Math.floor(salesNTax / POINT_EARN_STEP) : 0;
    if (customer) customer.LoyaltyPoint = (customer.LoyaltyPoint ?? 0) - pointUsed + pointsEarned;

    const date = localDate(input.Date);
    if (!date) throw new SimHttpError(400, `Date ${input.Date} is not a valid date (YYYY-MM-DD)`);
    const dueDate = input.DueDate ? localDate(input.DueDate) : null;
    return {
      ID: meta.id,
      OutletID: outlet.ID,
      Outlet: outlet.Name,
      Number: input.Number,
      Date: date,
      DueDate: dueDate ?? '0001-01-01T00:00:00',
      Tag: tag,
      SalesPerson: input.SalesPerson ?? null,
      Customer: customerInput
        ? {
            Code: customer?.Code ?? customerInput.Code ?? null,
            Email: customerInput.Email ?? customer?.Email ?? null,
            Mobile: customerInput.Mobile ?? customer?.MobilePhone ?? null,
            Name: customerInput.Name ?? customer?.Name ?? null,
            Phone: customerInput.Phone ?? customer?.Phone ?? null,
          }
        : null,
      CustomerID: customer?.ID ?? null,
      CreatorID: 'api',
      Created: meta.created,
      Discount1: d1,
      Discount2: d2,
      DiscountAmount: discountAmount,
      Gross: gross,
      DiscountTotal: discountTotal,
      TaxType: tax.Name,
      Tax: taxAmount,
      TaxRate: rate,
      Sales: sales,
      Surcharge: surcharge,
      SalesNTax: salesNTax,
      Coupon: input.Coupon ?? null,
      Note: input.Note ?? null,
      PointUsed: pointUsed,
      PointsEarned: pointsEarned,
      Fulfillment: input.Fulfillment ?? input.Delivery ?? 'Sent',
      ReferenceNumber: input.ReferenceNumber ?? input.PurchaseOrderNumber ?? null,
      Register: input.Register ?? null,
      PaymentState: paymentState,
      Status: 'Active',
      LogisticServiceCode: input.LogisticServiceCode ?? null,
      FulfillmentOutlet: fulfillmentOutlet,
      Recipient: input.Recipient ?? null,
      InBin: false,
      ReferenceInvoiceNumber: null,
      Variants: lines.map((l) => ({
        VariantID: l.variant.ID,
        Code: l.variant.Code,
        Name: l.variant.Name,
        Quantity: l.quantity,
        Price: l.price,
        Discount: l.discount,
        Note: l.note,
      })),
      Payments: payments.map((p) => ({ Date: date, Amount: p.amount, Method: p.method, Code: p.code, Note: p.note })),
    };
  }
}

export function key(outlet: string, number: string): string {
  return `${outlet.toLowerCase()}|${number}`;
}

function parseInvoice(raw: unknown): InvoiceParsed {
  const parsed = InvoiceInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue ? issue.path.map(String).join('.') : '';
  throw new SimHttpError(400, path ? `${path}: ${issue?.message ?? 'is invalid'}` : 'The request is invalid.');
}

const round = (value: number): number => Math.round(value);

/**
 * Price × Quantity. A decimal (weighed) quantity is valued in exact decimal steps, grams times the
 * price, rounded half up once per line (WEIGHED_QUANTITY); a whole quantity as before.
 */
function lineValue(quantity: number, price: number): number {
  if (Number.isInteger(quantity)) return quantity * price;
  const thousandths = Math.round(quantity * 10 ** WEIGHED_QUANTITY.maxDecimals);
  return round((thousandths * price) / 10 ** WEIGHED_QUANTITY.maxDecimals);
}

/** DealPOS answers with Jakarta local time and no offset, e.g. `2020-05-27T11:10:50.57`. */
export function localTimestamp(epochMs: number): string {
  const local = new Date(epochMs + SIMULATOR_ASSUMPTIONS.utcOffsetHours * 3_600_000).toISOString();
  return local.slice(0, 22).replace(/0$/, '');
}

/** A yyyy-mm-dd filter, or null when absent; 400 when malformed. */
function dateParam(value: unknown, name: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new SimHttpError(400, `${name} must be a date (yyyy-mm-dd)`);
  return value;
}

/** `2020-05-27` or an ISO timestamp → `2020-05-27T00:00:00` (date part only); null when invalid. */
function localDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value) ?? /^(\d{4})\/(\d{2})\/(\d{2})/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${m}-${d}T00:00:00`;
}
