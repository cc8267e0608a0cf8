/**
 * The simulator's endpoints: one route per DealPOS path, with the role it needs and a handler that
 * returns the JSON body or throws SimHttpError(status, Message). Shapes follow the docs (PascalCase).
 */
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { ASSUMPTIONS } from '../dealpos/assumptions';
import type { VariantListRow } from '../dealpos/schemas';
import type { DemoCustomer, SimVariant } from './demoData';
import type { SimulatorFaults } from './simulatorFaults';
import { key, localTimestamp, SimHttpError, type SimShift, type SimulatorState, type StoredInvoice } from './simulatorState';

export type Params = Readonly<Record<string, unknown>>;
export type Role = readonly [module: string, permission: string];

export interface RequestContext {
  readonly method: string;
  readonly endpoint: string;
  /** Query parameters and (object) JSON body fields merged; lookups are case-insensitive. */
  readonly params: Params;
  readonly body: unknown;
  readonly headers: http.IncomingHttpHeaders;
}

export interface Route {
  readonly path: string;
  readonly methods: readonly string[];
  /**
   * [module, permission] as in `You must have "VIEW" role in "Contacts" Module`, or one per HTTP
   * method; null for Token (the only route without a bearer token).
   */
  readonly role: Role | Readonly<Record<string, Role>> | null;
  readonly handle: (ctx: RequestContext) => unknown;
}

const GET_OR_POST = ['GET', 'POST'] as const;

export function isRole(role: Role | Readonly<Record<string, Role>>): role is Role {
  return Array.isArray(role);
}


export function buildRoutes(
  state: SimulatorState,
  faults: SimulatorFaults,
  auth: { clientId: string; clientSecret: string; ttlMs: number; now: () => number },
): Route[] {
  const str = (ctx: RequestContext, name: string): string | undefined => {
    const value = ctx.params[name];
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    return undefined;
  };
  const required = (ctx: RequestContext, name: string): string => {
    const value = str(ctx, name);
    if (value === undefined || value === '') throw new SimHttpError(400, `${name} is required`);
    return value;
  };
  const pageOf = <T>(items: readonly T[], ctx: RequestContext, defaultSize: number): T[] => {
    const { pageNumber, pageSize } = paging(ctx, defaultSize);
    return items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  };
  const invoiceByParams = (ctx: RequestContext): StoredInvoice => {
    const id = str(ctx, 'ID');
    if (id) {
      const found = [...state.invoices.values()].find((i) => !i.InBin && i.ID.toLowerCase() === id.toLowerCase());
      if (!found) throw new SimHttpError(404, `Invoice ${id} is not found`);
      return found;
    }
    const outlet = state.resolveOutlet(ctx.params);
    const number = required(ctx, 'Number');
    const invoice = state.activeInvoice(outlet.Name, number);
    if (!invoice) throw new SimHttpError(404, `Invoice ${number} is not found in outlet ${outlet.Name}`);
    return invoice;
  };
  const barcodeLines = (docs: SimulatorState['bills'], ctx: RequestContext, kind: string): unknown[] => {
    const outlet = state.resolveOutlet(ctx.params);
    const number = required(ctx, 'Number');
    const doc = docs.find((d) => d.outlet.toLowerCase() === outlet.Name.toLowerCase() && d.number === number);
    if (!doc) throw new SimHttpError(404, `${kind} ${number} is not found in outlet ${outlet.Name}`);
    return doc.lines.map((line) => {
      const variant = state.catalog.byCode(line.code);
      return { VariantID: variant?.ID ?? '', Name: variant?.Name ?? line.code, Code: line.code, Quantity: line.quantity, UnitPrice: line.unitPrice };
    });
  };

  return [
    {
      path: 'Token/OAuth2',
      methods: ['POST'],
      role: null,
      handle: (ctx) => {
        const clientId = str(ctx, 'client_id');
        const clientSecret = str(ctx, 'client_secret');
        if (clientId !== auth.clientId || clientSecret !== auth.clientSecret) {
          throw new SimHttpError(401, 'Invalid client_id or client_secret');
        }
        const token = randomBytes(32).toString('base64url');
        const issuedAt = auth.now();
        state.tokens.set(token, issuedAt + auth.ttlMs);
        return {
          access_token: token,
          token_type: 'bearer',
          expires_in: Math.floor(auth.ttlMs / 1000),
          expiredat: localTimestamp(issuedAt + auth.ttlMs),
        };
      },
    },
    // ---------------------------------------------------------------- Customer
    { path: 'Customer/Email', methods: GET_OR_POST, role: ['Contacts', 'VIEW'], handle: (ctx) => customerByEmailShape(customerOr404(state.customerBy('Email', required(ctx, 'Email')))) },
    { path: 'Customer/Code', methods: GET_OR_POST, role: ['Contacts', 'VIEW'], handle: (ctx) => customerFull(customerOr404(state.customerBy('Code', required(ctx, 'Code')))) },
    {
      path: 'Customer/MobilePhone',
      methods: GET_OR_POST,
      role: ['Contacts', 'VIEW'],
      handle: (ctx) => customerFull(customerOr404(state.customerBy('MobilePhone', required(ctx, 'MobilePhone')))),
    },
    {
      path: 'Customer/PIN',
      methods: GET_OR_POST,
      role: ['Contacts', 'VIEW'],
      handle: (ctx) => {
        const id = required(ctx, 'ID');
        // DOC QUIRK: the example sends the placeholder `ID=string`; it stands for the example customer.
        const customer = id === 'string' ? state.customerBy('Code', 'HW008') : state.customerBy('ID', id);
        return { PIN: customerOr404(customer).PIN };
      },
    },
    {
      path: 'Customer/Detail',
      methods: GET_OR_POST,
      role: ['Contacts', 'VIEW'],
      handle: (ctx) => {
        for (const field of ['ID', 'Code', 'Email', 'MobilePhone'] as const) {
          const value = str(ctx, field);
          if (value) return customerFull(customerOr404(state.customerBy(field, value)));
        }
        throw new SimHttpError(400, 'One of ID, Code, Email or MobilePhone is required');
      },
    },
    // ---------------------------------------------------------------- Variant
    {
      path: 'Variant/GetIDByListCode',
      methods: GET_OR_POST,
      role: ['Products', 'VIEW'],
      handle: (ctx) => {
        const codes = codeList(ctx.body, 'a JSON array of codes');
        return codes.flatMap((code) => {
          const v = state.catalog.byCode(code);
          return v ? [{ ID: v.ID, ProductID: v.ProductID, Code: v.Code }] : [];
        });
      },
    },
    {
      path: 'Variant/GetIDByListCodeDiscontinued',
      methods: GET_OR_POST,
      role: ['Products', 'VIEW'],
      handle: (ctx) => {
        const codes = codeList(ctx.params['ListCode'], 'ListCode (array of codes)');
        const filter = ctx.params['Discontinued'] ?? 'All';
        const wanted = filter === 'All' || filter === 'all' ? null : filter === true || filter === 'true' || filter === 'True';
        return codes.flatMap((code) => {
          const v = state.catalog.byCode(code);
          if (!v || (wanted !== null && v.Discontinued !== wanted)) return [];
          return [{ ID: v.ID, ProductID: v.ProductID, Code: v.Code, Discontinued: v.Discontinued }];
        });
      },
    },
    {
      path: 'Variant/Detail',
      methods: GET_OR_POST,
      role: ['Products', 'VIEW'],
      handle: (ctx) => {
        const code = str(ctx, 'Code');
        const id = str(ctx, 'ID');
        if (!code && !id) throw new SimHttpError(400, 'Code or ID is required');
        const variant = code ? state.catalog.byCode(code) : id ? state.catalog.byId(id) : null;
        if (!variant) throw new SimHttpError(404, `Variant ${code ?? id ?? ''} is not found`);
        const promotions = String(ctx.headers['promotions_field_include'] ?? 'false').toLowerCase() === 'true';
        return { ...variantDetail(variant), ...(promotions ? { Promotions: [] } : {}) };
      },
    },
    {
      path: 'Variant/Count',
      methods: GET_OR_POST,
      role: ['Products', 'VIEW'],
      handle: (ctx) => {
        // Same selection as the Variant list, so a sync's pages add up to this number.
        const category = str(ctx, 'Category');
        return { Count: category ? state.catalog.positionsInCategory(category).length : state.catalog.size };
      },
    },
    {
      path: 'Variant',
      methods: GET_OR_POST,
      role: ['Products', 'VIEW'],
      handle: (ctx) => {
        const { pageNumber, pageSize } = paging(ctx, 100);
        const category = str(ctx, 'Category');
        const rows: unknown[] = [];
        const start = (pageNumber - 1) * pageSize;
        if (category) {
          for (const position of state.catalog.positionsInCategory(category).slice(start, start + pageSize)) {
            const v = state.catalog.at(position);
            if (v) rows.push(variantListRow(v));
          }
        } else {
          for (let i = start; i < Math.min(start + pageSize, state.catalog.size); i++) {
            const v = state.catalog.at(i);
            if (v) rows.push(variantListRow(v));
          }
        }
        return rows;
      },
    },
    // ---------------------------------------------------------------- Invoice
    invoiceRoute(state, faults),
    {
      path: 'Invoice/List',
      methods: ['POST'],
      role: ['Sell', 'CREATE'],
      handle: (ctx) => {
        if (!Array.isArray(ctx.body) || ctx.body.length === 0) throw new SimHttpError(400, 'The body must be a non-empty array of invoices');
        const writeOff = headerFlag(ctx, 'writeoff');
        return ctx.body.map((item: unknown) => {
          const number = item !== null && typeof item === 'object' && 'Number' in item ? String((item as { Number: unknown }).Number) : '';
          try {
            const rejection = faults.takeInvoiceRejection();
            if (rejection) throw new SimHttpError(400, rejection);
            const invoice = state.createInvoice(item, { writeOff });
            return { Number: invoice.Number, ID: invoice.ID };
          } catch (error) {
            if (!(error instanceof SimHttpError)) throw error;
            return { Number: number, Message: error.message };
          }
        });
      },
    },
    {
      path: 'Invoice/IDByNumber',
      methods: GET_OR_POST,
      role: ['Orders', 'VIEW'],
      handle: (ctx) => ({ ID: invoiceByParams(ctx).ID }),
    },
    { path: 'Invoice/Number', methods: GET_OR_POST, role: ['Orders', 'VIEW'], handle: (ctx) => invoiceDetail(invoiceByParams(ctx)) },
    { path: 'Invoice/Detail', methods: GET_OR_POST, role: ['Orders', 'VIEW'], handle: (ctx) => invoiceDetail(invoiceByParams(ctx)) },
    {
      path: 'Invoice/MultipleOutlet',
      methods: GET_OR_POST,
      role: ['Orders', 'VIEW'],
      handle: (ctx) => {
        const outlets = stringList(ctx.params['Outlet']).map((o) => o.toLowerCase());
        const tags = stringList(ctx.params['Tag']).map((t) => t.toLowerCase());
        const paymentState = str(ctx, 'PaymentState');
        const fulfillment = str(ctx, 'Fulfillment');
        // The notes' name for the same filter ([DOC + CODE-A]): Sent/Unsent/Partial/Returned.
        const deliveryState = str(ctx, 'DeliveryState');
        // Seed: "Bin — Invoice in bin or not, default false"; DELETE Invoice moves an invoice there.
        const bin = ctx.params['Bin'] === true || String(ctx.params['Bin']).toLowerCase() === 'true';
        const email = str(ctx, 'Email')?.toLowerCase();
        const mobile = str(ctx, 'Mobile');
        const note = str(ctx, 'Note')?.toLowerCase();
        const from = str(ctx, 'From');
        const to = str(ctx, 'To');
        const status = str(ctx, 'Status') ?? 'Active';
        const matching = [...state.invoices.values()]
          .filter((i) => i.InBin === bin)
          .filter((i) => outlets.length === 0 || outlets.includes(i.Outlet.toLowerCase()))
          .filter((i) => tags.length === 0 || tags.includes((i.Tag ?? '').toLowerCase()))
          .filter((i) => !paymentState || i.PaymentState === paymentState)
          .filter((i) => !fulfillment || i.Fulfillment === fulfillment)
          .filter((i) => !deliveryState || i.Fulfillment === deliveryState)
          .filter((i) => !email || (i.Customer?.Email ?? '').toLowerCase() === email)
          .filter((i) => !mobile || i.Customer?.Mobile === mobile)
          .filter((i) => !note || (i.Note ?? '').toLowerCase().includes(note))
          .filter((i) => !from || i.Date.slice(0, 10) >= from)
          .filter((i) => !to || i.Date.slice(0, 10) <= to)
          .filter((i) => status === 'Any' || i.Status === status)
          .sort((a, b) => (a.Date === b.Date ? (a.Created ?? '').localeCompare(b.Created ?? '') : a.Date.localeCompare(b.Date)));
        return pageOf(matching, ctx, 20).map(invoiceRow);
      },
    },
    // ---------------------------------------------------------------- Sales order, barcodes
    {
      path: 'SalesOrder/ReferenceNumber',
      methods: ['PUT'],
      role: ['Orders', 'EDIT'],
      handle: (ctx) => {
        const outlet = state.resolveOutlet(ctx.params);
        const number = required(ctx, 'Number');
        const k = key(outlet.Name, number);
        const order = state.salesOrders.get(k);
        if (!order) throw new SimHttpError(404, `Sales order ${number} is not found in outlet ${outlet.Name}`);
        const keep = (value: string | undefined, old: string | null): string | null => (value ? value : old);
        state.salesOrders.set(k, {
          ...order,
          referenceNumber: keep(str(ctx, 'ReferenceNumber'), order.referenceNumber),
          logisticServiceCode: keep(str(ctx, 'LogisticServiceCode'), order.logisticServiceCode),
          note: keep(str(ctx, 'Note'), order.note),
        });
        return { Message: `reference number for sales order ${number} has been updated` };
      },
    },
    { path: 'Barcode/ByBillNumber', methods: GET_OR_POST, role: ['Products', 'VIEW'], handle: (ctx) => barcodeLines(state.bills, ctx, 'Bill') },
    {
      path: 'Barcode/ByOutletDeliveryNumber',
      methods: GET_OR_POST,
      role: ['Products', 'VIEW'],
      handle: (ctx) => barcodeLines(state.deliveries, ctx, 'Delivery'),
    },
    // ---------------------------------------------------------------- Outlet, payment method, tax
    { path: 'Outlet', methods: ['GET'], role: ['Outlets', 'VIEW'], handle: (ctx) => listOutlets(state, ctx) },
    { path: 'Outlet/p', methods: ['POST'], role: ['Outlets', 'VIEW'], handle: (ctx) => listOutlets(state, ctx) },
    { path: 'PaymentMethod', methods: ['GET'], role: ['Setup', 'VIEW'], handle: () => state.paymentMethods },
    { path: 'Tax', methods: ['GET'], role: ['Setup', 'VIEW'], handle: () => state.taxes },
    // ---------------------------------------------------------------- Shift (SHIFT_SEMANTICS)
    shiftRoute(state),
    {
      path: 'Shift/TotalCount',
      methods: GET_OR_POST,
      role: ['Shift', 'VIEW'],
      handle: (ctx) => {
        const all = state.listShifts(ctx.params);
        const outlet = state.resolveOutlet(ctx.params).Name;
        return { Data: pageOf(all, ctx, 100).map((s) => shiftRow(s, outlet)), TotalCount: all.length };
      },
    },
  ];
}

/** `/Shift`: POST opens, PUT closes (answering Number, Sales, Tax, Start, End), GET lists. */
function shiftRoute(state: SimulatorState): Route {
  return {
    path: 'Shift',
    methods: ['GET', 'POST', 'PUT'],
    role: { GET: ['Shift', 'VIEW'], POST: ['Shift', 'CREATE'], PUT: ['Shift', 'EDIT'] },
    handle: (ctx) => {
      if (ctx.method === 'POST') {
        const shift = state.openShift(ctx.params);
        return { ID: shift.ID, Number: shift.Number };
      }
      if (ctx.method === 'PUT') {
        const shift = state.closeShift(ctx.params);
        return { Number: shift.Number, Sales: shift.Sales, Tax: shift.Tax, Start: localTimestamp(shift.OpenMs), End: localTimestamp(shift.CloseMs ?? shift.OpenMs) };
      }
      const { pageNumber, pageSize } = paging(ctx, 100);
      const outlet = state.resolveOutlet(ctx.params).Name;
      return state.listShifts(ctx.params).slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((s) => shiftRow(s, outlet));
    },
  };
}

/** `outlet`: the outlet asked for, shown for a shift whose register has no invoice yet. */
function shiftRow(shift: SimShift, outlet: string): unknown {
  return {
    ID: shift.ID,
    Number: shift.Number,
    Open: localTimestamp(shift.OpenMs),
    Close: shift.CloseMs === null ? null : localTimestamp(shift.CloseMs),
    Cashier: shift.Cashier,
    SalesNTax: shift.SalesNTax,
    TotalInvoice: shift.TotalInvoice,
    Outlet: shift.Outlet ?? outlet,
    Register: shift.Register,
    Visitors: shift.TotalInvoice,
  };
}

/** `/Invoice`: create, update and delete, each needing its own role (as documented). */
function invoiceRoute(state: SimulatorState, faults: SimulatorFaults): Route {
  return {
    path: 'Invoice',
    methods: ['POST', 'PUT', 'DELETE'],
    role: { POST: ['Sell', 'CREATE'], PUT: ['Orders', 'EDIT'], DELETE: ['Orders', 'DELETE'] },
    handle: (ctx) => {
      if (ctx.method === 'POST') {
        const rejection = faults.takeInvoiceRejection();
        if (rejection) throw new SimHttpError(400, rejection);
        const invoice = state.createInvoice(ctx.body, { writeOff: headerFlag(ctx, 'writeoff') });
        return { ID: invoice.ID, Number: invoice.Number };
      }
      if (ctx.method === 'PUT') return { ID: state.updateInvoice(ctx.body).ID };
      if (ctx.body === null || typeof ctx.body !== 'object') throw new SimHttpError(400, 'Outlet+Number, OutletID+Number or InvoiceID is required');
      state.deleteInvoice(ctx.params);
      return 'Invoice has been delete!{}';
    },
  };
}

// ------------------------------------------------------------------ shapes

/** Every Customer endpoint answers a miss the same way. */
function customerOr404(customer: DemoCustomer | null): DemoCustomer {
  if (!customer) throw new SimHttpError(404, 'Customer is not found');
  return customer;
}

function customerFull(customer: DemoCustomer): Record<string, unknown> {
  const { PIN: _pin, ...rest } = customer;
  return rest;
}

/** Customer/Email (deprecated) answers the older shape: no ID, Mobile, boolean Gender. */
function customerByEmailShape(customer: DemoCustomer): Record<string, unknown> {
  return {
    Name: customer.Name,
    Email: customer.Email,
    FirstName: customer.FirstName,
    LastName: customer.LastName,
    Gender: customer.Gender === 'Male',
    Code: customer.Code,
    Phone: customer.Phone,
    Mobile: customer.MobilePhone,
    Address: customer.Address,
    ReferredBy: customer.ReferredBy,
    Group: customer.Group,
    ExpiredGroup: customer.ExpiredGroup,
    SignUpOutlet: customer.SignUpOutlet,
    ImageURL: customer.ImageURL,
    LoyaltyPoint: customer.LoyaltyPoint,
    Status: customer.Status,
  };
}

function variantDetail(v: SimVariant): Record<string, unknown> {
  return {
    ID: v.ID,
    Category: v.Category,
    Brand: v.Brand,
    Product: v.Product,
    Variant: v.Variant,
    Name: v.Name,
    Code: v.Code,
    Weight: v.Weight,
    Type: v.Type,
    OrderPrice: v.UnitCost,
    UnitCost: v.UnitCost,
    UnitPrice: v.UnitPrice,
    Taxable: v.Taxable,
    LoyaltyPoint: 0,
    Discontinued: v.Discontinued,
    ImageURL: null,
    ThumbnailURL: null,
    Components: [],
    Description: null,
    OutletPrice: v.OutletPrice,
  };
}

/**
 * One row of the paged Variant list, as the simulator serves it. Exported so the store bench feeds
 * the catalog exactly the rows a sync would receive.
 */
export function variantListRow(v: SimVariant): VariantListRow {
  return {
    ID: v.ID,
    ProductID: v.ProductID,
    Category: v.Category,
    Brand: v.Brand,
    Product: v.Product,
    Variant: v.Variant,
    Name: v.Name,
    Code: v.Code,
    Type: v.Type,
    UnitPrice: v.UnitPrice,
    Taxable: v.Taxable,
    Discontinued: v.Discontinued,
    // A fresh array: the wire type is mutable and SimVariant's prices are readonly and shared.
    OutletPrice: v.OutletPrice.map((p) => ({ Outlet: p.Outlet, Price: p.Price, ExtraCost: p.ExtraCost })),
  };
}

function invoiceDetail(invoice: StoredInvoice): Record<string, unknown> {
  const { OutletID: _outletId, CustomerID: _customerId, InBin: _inBin, ...detail } = invoice;
  // Seed (PUT): "When this property is null or not specified, it will get data from property Outlet".
  return { ...detail, FulfillmentOutlet: invoice.FulfillmentOutlet ?? invoice.Outlet };
}

function invoiceRow(i: StoredInvoice): Record<string, unknown> {
  return {
    ID: i.ID,
    Outlet: i.Outlet,
    Number: i.Number,
    ReferenceNumber: i.ReferenceNumber,
    CustomerID: i.CustomerID,
    Customer: i.Customer?.Name ?? null,
    Date: i.Date,
    Due: i.DueDate,
    Amount: i.SalesNTax,
    Payment: i.PaymentState,
    Delivery: i.Fulfillment,
    Fulfillment: i.Fulfillment,
    Created: i.Created,
    Tag: i.Tag,
    SalesOrderType: null,
  };
}

function listOutlets(state: SimulatorState, ctx: RequestContext): unknown[] {
  const name = typeof ctx.params['Name'] === 'string' ? ctx.params['Name'].toLowerCase() : '';
  const suspended = typeof ctx.params['SuspendedStatus'] === 'string' ? ctx.params['SuspendedStatus'] : 'Active';
  return state.outlets
    .filter((o) => !name || o.Name.toLowerCase().includes(name))
    .filter((o) => suspended === 'All' || (suspended === 'Suspended' ? o.Suspended === true : o.Suspended !== true));
}

// ------------------------------------------------------------------ helpers

function paging(ctx: RequestContext, defaultSize: number): { pageNumber: number; pageSize: number } {
  const toInt = (value: unknown, fallback: number): number => {
    if (value === undefined || value === null || value === '') return fallback;
    const n = Number(value);
    if (!Number.isInteger(n)) throw new SimHttpError(400, 'PageNumber and PageSize must be whole numbers');
    return n;
  };
  const pageNumber = toInt(ctx.params['PageNumber'], 1);
  const pageSize = toInt(ctx.params['PageSize'], defaultSize);
  if (pageNumber < 1) throw new SimHttpError(400, 'PageNumber must be 1 or more');
  if (pageSize < 1 || pageSize > ASSUMPTIONS.maxPageSize) throw new SimHttpError(400, `PageSize must be between 1 and ${ASSUMPTIONS.maxPageSize}`);
  return { pageNumber, pageSize };
}

function codeList(value: unknown, what: string): string[] {
  if (!Array.isArray(value)) throw new SimHttpError(400, `The request must contain ${what}`);
  return value.map((code) => {
    if (typeof code === 'string') return code;
    if (typeof code === 'number') return String(code);
    throw new SimHttpError(400, `Codes must be strings, got ${JSON.stringify(code)}`);
  });
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value ? value.split(',').map((s) => s.trim()) : [];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function headerFlag(ctx: RequestContext, name: string): boolean {
  return String(ctx.headers[name] ?? 'false').toLowerCase() === 'true';
}
