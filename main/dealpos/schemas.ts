/**
 * Request and response bodies of the DealPOS API v3 endpoints the app uses, with DealPOS's own
 * PascalCase names. Responses are parsed with these schemas before any caller sees them; unknown
 * extra fields are dropped, so a server that adds fields keeps working. Fields the docs do not show
 * are marked in `assumptions.ts`.
 */
import { z } from 'zod';

/** Optional text: the .NET API sends `null` for unset strings. */
const text = z.string().nullish();
/** Numbers sometimes arrive as numeric strings (the update-invoice example sends "10"); accept both. */
const num = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);
const optNum = num.nullish();
/** Codes and phone numbers appear as JSON numbers in some examples (`"Code": 200535`). */
const codeLike = z.union([z.string(), z.number().transform(String)]);

// ---------------------------------------------------------------- Token

export const TokenRequestSchema = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });
export type TokenRequest = z.infer<typeof TokenRequestSchema>;

export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().nullish(),
  expires_in: optNum,
  /** Absolute expiry; format not documented, so it is only a fallback when `expires_in` is missing. */
  expiredat: text,
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

// ---------------------------------------------------------------- Errors (bodies)

export const MessageBodySchema = z.object({ Message: z.string() });
export type MessageBody = z.infer<typeof MessageBodySchema>;
export const ServerErrorBodySchema = z.object({ Message: z.string(), StackTrace: text });

// ---------------------------------------------------------------- Customer

/** Customer/Code, Customer/MobilePhone and Customer/Detail. */
export const CustomerSchema = z.object({
  ID: z.string(),
  Name: z.string(),
  Email: text,
  Title: text,
  FirstName: text,
  LastName: text,
  Gender: text,
  Code: z.string(),
  Phone: text,
  MobilePhone: text,
  Fax: text,
  Address: text,
  City: text,
  Nationality: text,
  ReferredBy: text,
  Identification: text,
  Birthday: text,
  JoinDate: text,
  Group: text,
  ExpiredGroup: text,
  SignUpOutlet: text,
  ImageURL: text,
  LoyaltyPoint: optNum,
  Status: text,
});
export type Customer = z.infer<typeof CustomerSchema>;

/**
 * Customer/Email (a deprecated endpoint) answers with an older shape: no ID, `Mobile` instead of
 * `MobilePhone`, and `Gender` as a boolean. The fields it shares with Customer are picked from it so
 * the two cannot drift apart.
 */
export const CustomerByEmailSchema = CustomerSchema.pick({
  Name: true,
  Email: true,
  FirstName: true,
  LastName: true,
  Code: true,
  Phone: true,
  Address: true,
  ReferredBy: true,
  Group: true,
  ExpiredGroup: true,
  SignUpOutlet: true,
  ImageURL: true,
  LoyaltyPoint: true,
  Status: true,
}).extend({
  Gender: z.union([z.boolean(), z.string()]).nullish(),
  Mobile: text,
});
export type CustomerByEmail = z.infer<typeof CustomerByEmailSchema>;

export const CustomerPinSchema = z.object({ PIN: z.string() });
export type CustomerPin = z.infer<typeof CustomerPinSchema>;

export type CustomerDetailQuery = { ID: string } | { Code: string } | { Email: string } | { MobilePhone: string };

// ---------------------------------------------------------------- Variant

export const VariantIdSchema = z.object({ ID: z.string(), ProductID: z.string(), Code: codeLike });
export type VariantId = z.infer<typeof VariantIdSchema>;
export const VariantIdListSchema = z.array(VariantIdSchema);

export const VariantIdDiscontinuedSchema = VariantIdSchema.extend({ Discontinued: z.boolean() });
export type VariantIdDiscontinued = z.infer<typeof VariantIdDiscontinuedSchema>;
export const VariantIdDiscontinuedListSchema = z.array(VariantIdDiscontinuedSchema);

/** `Discontinued` filter: "All" is documented; booleans are an assumption (see assumptions.ts). */
export type DiscontinuedFilter = 'All' | boolean;
export interface VariantIdsDiscontinuedRequest {
  readonly ListCode: readonly string[];
  readonly Discontinued: DiscontinuedFilter;
}

export const OutletPriceSchema = z.object({ Outlet: z.string(), Price: num, ExtraCost: optNum });
export type OutletPrice = z.infer<typeof OutletPriceSchema>;

export const VariantComponentSchema = z.object({ Code: codeLike, Name: text, Qty: num });

export const VARIANT_TYPES = [
  'Standard',
  'NonInventory',
  'Composite',
  'Serialized',
  'Manufactured',
  'Complementary',
  'MultipleUOM',
  'PrepaidPoint',
  'PrepaidPackage',
] as const;

export const VariantDetailSchema = z.object({
  ID: z.string(),
  Category: text,
  Brand: text,
  Product: text,
  Variant: text,
  Name: z.string(),
  Code: codeLike,
  Weight: optNum,
  Type: text,
  OrderPrice: optNum,
  UnitCost: optNum,
  UnitPrice: num,
  Taxable: z.boolean().nullish(),
  LoyaltyPoint: optNum,
  Discontinued: z.boolean(),
  ImageURL: text,
  ThumbnailURL: text,
  Components: z.array(VariantComponentSchema).nullish(),
  Description: text,
  OutletPrice: z.array(OutletPriceSchema).nullish(),
});
export type VariantDetail = z.infer<typeof VariantDetailSchema>;

/** One row of the paged Variant list (response shape not documented — see assumptions.ts). */
export const VariantListRowSchema = z.object({
  ID: z.string(),
  ProductID: text,
  Category: text,
  Brand: text,
  Product: text,
  Variant: text,
  Name: z.string(),
  Code: codeLike,
  Type: text,
  UnitPrice: num,
  Taxable: z.boolean().nullish(),
  Discontinued: z.boolean(),
  OutletPrice: z.array(OutletPriceSchema).nullish(),
});
export type VariantListRow = z.infer<typeof VariantListRowSchema>;
export const VariantListSchema = z.array(VariantListRowSchema);

/**
 * Variant/Count answer, read as the number of variants. Shape not documented (see assumptions.ts):
 * a bare integer is read as `{Count: n}`, so either way a bad value is reported at `Count`.
 */
export const VariantCountSchema = z
  .preprocess((body) => (typeof body === 'number' ? { Count: body } : body), z.object({ Count: num.pipe(z.number().int().min(0)) }))
  .transform((body) => body.Count);

export interface VariantListRequest {
  readonly PageNumber: number;
  readonly PageSize: number;
  readonly Category?: string;
}

// ---------------------------------------------------------------- Invoice

/** Request body of `POST /Invoice`, `PUT /Invoice` and each item of `POST /Invoice/List`. */
export const InvoiceCustomerInputSchema = z.object({
  Name: z.string().optional(),
  Email: z.string().optional(),
  Mobile: codeLike.optional(),
  Phone: codeLike.optional(),
  Code: codeLike.optional(),
  Address: z.string().optional(),
});
export const InvoiceLineInputSchema = z.object({
  Code: codeLike.optional(),
  VariantID: z.string().optional(),
  Quantity: num,
  Price: num,
  /** Percent off the line (assumption: docs give no unit). */
  Discount: optNum,
  Note: z.string().nullish(),
});
export const InvoicePaymentInputSchema = z.object({
  Amount: num,
  Method: z.string().optional(),
  MethodID: z.union([z.number(), z.string()]).optional(),
  Code: z.string().nullish(),
  Note: z.string().nullish(),
});
export const InvoiceInputSchema = z.object({
  Outlet: z.string().optional(),
  OutletID: z.string().optional(),
  Number: z.string().min(1),
  Date: z.string().min(1),
  DueDate: z.string().optional(),
  SalesPerson: z.string().optional(),
  Tag: z.string().optional(),
  /** Backwards-compatible alias of Tag. */
  SalesType: z.string().optional(),
  TaxType: z.string().optional(),
  Register: z.string().optional(),
  Discount1: optNum,
  Discount2: optNum,
  DiscountAmount: optNum,
  Coupon: codeLike.nullish(),
  Fulfillment: z.enum(['Sent', 'Unsent']).optional(),
  /** Backwards-compatible alias of Fulfillment. */
  Delivery: z.enum(['Sent', 'Unsent']).optional(),
  LogisticServiceCode: z.string().nullish(),
  Note: z.string().nullish(),
  PointUsed: optNum,
  ReferenceNumber: z.string().nullish(),
  /** Backwards-compatible alias of ReferenceNumber. */
  PurchaseOrderNumber: z.string().nullish(),
  /** A return's original invoice in the same outlet (assumed name: assumptions.ts RETURN_INVOICE). */
  ReferenceInvoiceNumber: z.string().nullish(),
  Customer: InvoiceCustomerInputSchema.optional(),
  Variants: z.array(InvoiceLineInputSchema),
  Payments: z.array(InvoicePaymentInputSchema).optional(),
  /** PUT only in the seed: surcharge amount, added to SalesNTax (assumption). */
  Surcharge: optNum,
  /** PUT: the outlet that fulfils, when not `Outlet`. */
  FulfillmentOutlet: z.string().nullish(),
  /** "Input when choosing later fulfillment"; its fields are not documented, so it is kept as given. */
  Recipient: z.record(z.string(), z.unknown()).nullish(),
});
/** What callers pass (numbers may be given as numbers; the server coerces). */
export type InvoiceInput = z.input<typeof InvoiceInputSchema>;

export interface InvoiceCreateHeaders {
  /** `UpdateCustomer: true` lets the invoice update the customer's address. */
  readonly updateCustomer?: boolean;
  /** `WriteOff: true` writes off the unpaid remainder. */
  readonly writeOff?: boolean;
}

export const InvoiceCreatedSchema = z.object({ ID: z.string(), Number: z.string() });
export type InvoiceCreated = z.infer<typeof InvoiceCreatedSchema>;

/** One item of the `Invoice/List` answer (shape assumed — see assumptions.ts). */
export const InvoiceListResultSchema = z.object({
  Number: z.string(),
  ID: z.string().nullish(),
  Message: z.string().nullish(),
});
export type InvoiceListResult = z.infer<typeof InvoiceListResultSchema>;
export const InvoiceListResultsSchema = z.array(InvoiceListResultSchema);

export const InvoiceUpdatedSchema = z.object({ ID: z.string() });
export type InvoiceUpdated = z.infer<typeof InvoiceUpdatedSchema>;

/** Delete answers with a bare JSON string such as "Invoice has been delete!{}". */
export const DeleteMessageSchema = z.union([z.string(), MessageBodySchema.transform((body) => body.Message)]);

export type InvoiceKey = { Outlet: string; Number: string } | { OutletID: string; Number: string } | { InvoiceID: string };

export const InvoiceIdSchema = z.object({ ID: z.string().nullable() });

export const InvoiceDetailLineSchema = z.object({
  VariantID: text,
  Code: codeLike,
  Name: text,
  Quantity: num,
  Price: num,
  Discount: optNum,
  Note: text,
});
export const InvoiceDetailPaymentSchema = z.object({
  Date: text,
  Amount: num,
  Method: z.string(),
  Code: text,
  Note: text,
});
export const InvoiceDetailSchema = z.object({
  ID: z.string(),
  Outlet: z.string(),
  Number: z.string(),
  Date: z.string(),
  DueDate: text,
  Tag: text,
  SalesPerson: text,
  Customer: z
    .object({ Code: text, Email: text, Mobile: text, Name: text, Phone: text })
    .nullish(),
  CreatorID: text,
  Created: text,
  Discount1: optNum,
  Discount2: optNum,
  DiscountAmount: optNum,
  Gross: num,
  DiscountTotal: optNum,
  TaxType: text,
  Tax: optNum,
  TaxRate: optNum,
  Sales: num,
  Surcharge: optNum,
  SalesNTax: num,
  Coupon: text,
  Note: text,
  PointUsed: optNum,
  PointsEarned: optNum,
  Fulfillment: text,
  ReferenceNumber: text,
  Register: text,
  PaymentState: text,
  Status: text,
  LogisticServiceCode: text,
  FulfillmentOutlet: text,
  Recipient: z.record(z.string(), z.unknown()).nullish(),
  Variants: z.array(InvoiceDetailLineSchema).nullish(),
  Payments: z.array(InvoiceDetailPaymentSchema).nullish(),
});
export type InvoiceDetail = z.infer<typeof InvoiceDetailSchema>;

export interface InvoiceMultipleOutletRequest {
  readonly PageNumber: number;
  /** Max 500. */
  readonly PageSize: number;
  readonly Outlet?: readonly string[];
  readonly Tag?: readonly string[];
  readonly PaymentState?: 'Paid' | 'Partial' | 'Unpaid';
  readonly Fulfillment?: 'Sent' | 'Unsent';
  readonly Email?: string;
  readonly Mobile?: string;
  readonly Bin?: boolean;
  readonly Note?: string;
  /** yyyy-mm-dd */
  readonly From?: string;
  /** yyyy-mm-dd */
  readonly To?: string;
  readonly Status?: 'Active' | 'Cancelled' | 'Any';
}

export const InvoiceListRowSchema = z.object({
  ID: z.string(),
  Outlet: z.string(),
  Number: z.string(),
  ReferenceNumber: text,
  CustomerID: text,
  Customer: text,
  Date: z.string(),
  Due: text,
  Amount: optNum,
  Payment: text,
  Delivery: text,
  Fulfillment: text,
  Created: text,
  Tag: text,
  SalesOrderType: text,
});
export type InvoiceListRow = z.infer<typeof InvoiceListRowSchema>;
export const InvoiceListRowsSchema = z.array(InvoiceListRowSchema);

// ---------------------------------------------------------------- Sales order, barcodes

export interface SalesOrderReferenceRequest {
  readonly Outlet: string;
  readonly Number: string;
  /** Null or empty leaves the stored value unchanged. */
  readonly ReferenceNumber?: string | null;
  readonly LogisticServiceCode?: string | null;
  readonly Note?: string | null;
}

export const BarcodeLineSchema = z.object({
  VariantID: z.string(),
  Name: z.string(),
  Code: codeLike,
  Quantity: num,
  UnitPrice: num,
});
export type BarcodeLine = z.infer<typeof BarcodeLineSchema>;
export const BarcodeLinesSchema = z.array(BarcodeLineSchema);

export interface OutletNumberRequest {
  readonly Outlet: string;
  readonly Number: string;
}

// ---------------------------------------------------------------- Outlet, payment method, tax

export const OutletSchema = z.object({ ID: z.string(), Name: z.string(), Code: text, Suspended: z.boolean().nullish() });
export type Outlet = z.infer<typeof OutletSchema>;
export const OutletsSchema = z.array(OutletSchema);

export interface OutletListQuery {
  readonly Name?: string;
  /** "All" lists outlets the API user cannot sell in too. */
  readonly Access?: 'All';
  readonly SuspendedStatus?: 'Active' | 'Suspended' | 'All';
}

export const PaymentMethodSchema = z.object({
  ID: z.union([z.number(), z.string()]),
  Name: z.string(),
  Type: text,
  Suspended: z.boolean().nullish(),
  MDR: optNum,
});
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;
export const PaymentMethodsSchema = z.array(PaymentMethodSchema);

export const TaxSchema = z.object({
  ID: z.union([z.number(), z.string()]),
  Name: z.string(),
  /** Percent, e.g. 11 for PPN 11%. */
  Rate: num,
  /** "Exclusive" (added on top) or "Inclusive" (contained in prices) — assumption, see assumptions.ts. */
  Type: text,
});
export type Tax = z.infer<typeof TaxSchema>;
export const TaxesSchema = z.array(TaxSchema);

export const UpdateMessageSchema = MessageBodySchema;

// ------------------------------------------------------------------ Shift (issue 15; answers assumed, see assumptions.ts SHIFT_SEMANTICS)

/** `POST /Shift` answer: the new shift (shape assumed). */
export const ShiftOpenedSchema = z.object({ ID: text, Number: codeLike.nullish() });
export type ShiftOpened = z.infer<typeof ShiftOpenedSchema>;

/** `PUT /Shift` answer: documented fields Number, Sales, Tax, Start, End. */
export const ShiftClosedSchema = z.object({ Number: codeLike.nullish(), Sales: optNum, Tax: optNum, Start: text, End: text });
export type ShiftClosed = z.infer<typeof ShiftClosedSchema>;

/** One row of `GET /Shift`: documented fields Open, Close, Cashier, ID, Number, SalesNTax, TotalInvoice, Outlet, Register, Visitors. */
export const ShiftListRowSchema = z.object({
  ID: text,
  Number: codeLike.nullish(),
  Open: text,
  Close: text,
  Cashier: text,
  SalesNTax: optNum,
  TotalInvoice: optNum,
  Outlet: text,
  Register: text,
  Visitors: optNum,
});
export type ShiftListRow = z.infer<typeof ShiftListRowSchema>;
export const ShiftListSchema = z.array(ShiftListRowSchema);
