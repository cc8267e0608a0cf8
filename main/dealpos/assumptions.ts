/**
 * Everything the client and the simulator assume about DealPOS beyond the documentation
 * (/work/shared/dealpos/seed-*.txt and dealpos-api-notes.md). Each entry is marked ASSUMPTION with
 * the reason; when a real account proves one wrong, fix it here and in the simulator together.
 * The outbox relies on the invoice entries — read them before changing invoice sync.
 */

export const ASSUMPTIONS = {
  /**
   * ASSUMPTION: token lifetime when the answer carries neither `expires_in` nor a parseable
   * `expiredat`. Not documented; 3600 s is what public client code falls back to. A 401 still
   * triggers one renewal, so a wrong guess costs one extra request, not a failure.
   */
  tokenFallbackLifetimeMs: 3_600_000,
  /** Renew this long before expiry (or a tenth of the lifetime when that is shorter). Our choice. */
  tokenRenewMarginMs: 60_000,
  /**
   * ASSUMPTION: the token endpoint answers bad credentials with 400, 401 or 403 (status not
   * documented); the client maps all three to `bad_credentials`. The simulator uses 401.
   */
  tokenRejectStatuses: [400, 401, 403] as const,
  /** ASSUMPTION: page sizes above 500 are refused with 400 (documented "Max=500" for lists). */
  maxPageSize: 500,
} as const;

/*
 * Rate limit.
 * - ASSUMPTION: every request counts against the 50/180 s window, including Token/OAuth2 and
 *   requests answered 401 — the guide says "across all endpoints" and names no exception. The
 *   budget therefore puts the token request through it too, and the simulator counts everything.
 * - ASSUMPTION: the server's window is fixed but its start is not visible to us (no documented
 *   `RateLimit-Reset`). The budget keeps at most `limit` requests in ANY window-long interval,
 *   holding each slot until one window after the answer, and treats a `RateLimit-Remaining` value
 *   as valid until one window after it was seen. The simulator sends `RateLimit-Reset` only when
 *   started with `rateLimitResetHeader: true`.
 * - ASSUMPTION: the window is per account (client id), shared by every register using it; hence
 *   the budget's first request after a start or a quiet window goes alone to learn `Remaining`.
 */

/**
 * ASSUMPTION: a 429 body may say how long to wait ("…try again in 42 seconds"). Public client code
 * reads a number of seconds out of the Message; we only trust "in N seconds" / "after N s",
 * so "maximum 50 per 180s" is not mistaken for the wait. Used only when neither `Retry-After` nor
 * `RateLimit-Reset` is present; otherwise the client waits one full window.
 */
export const RATE_LIMIT_MESSAGE_SECONDS = /\b(?:in|after)\s+(\d+)\s*(?:s\b|secs?\b|seconds?\b)/i;

/**
 * ASSUMPTION: `Invoice/IDByNumber` for a number the outlet does not have answers 404. To be safe the
 * client also reads these 200 answers as "not found": `{"ID": null}`, `{"ID": ""}` and the empty
 * GUID (what .NET serialises for an unset Guid).
 */
export const INVOICE_ID_NOT_FOUND_VALUES: readonly string[] = ['', '00000000-0000-0000-0000-000000000000'];

/**
 * Invoice semantics the outbox builds on.
 *
 * - DOCUMENTED: invoices are keyed by Outlet + Number; `POST /Invoice` answers `{ID, Number}`.
 * - ASSUMPTION: creating an invoice whose Number already exists in that outlet is refused with
 *   400 `{Message}` (never a second invoice). The simulator enforces this; the outbox must still
 *   check `Invoice/IDByNumber` before re-sending after an unknown outcome (timeout, network error
 *   with `maybeProcessed`, 5xx), because the real server's duplicate check is not documented.
 * - ASSUMPTION (`Invoice/List`, "Create Multiple Invoice"): the body is an array of invoice
 *   objects; the server processes each independently and answers 200 with one result per
 *   request item, in request order: `{Number, ID}` when created, `{Number, Message}` when
 *   refused. A partial failure is therefore NOT an HTTP error. An invoice missing from the answer
 *   has an unknown outcome → confirm with `Invoice/IDByNumber`. A whole-request 400 (`{Message}`)
 *   means nothing was created.
 * - ASSUMPTION: line `Discount` is a percentage (like Discount1/Discount2); `DiscountAmount` is an
 *   amount off the whole invoice after Discount1 and Discount2.
 * - ASSUMPTION: an unknown variant Code/VariantID, unknown payment Method, unknown TaxType or
 *   Outlet, and a discontinued variant are refused with 400 `{Message}` naming the culprit.
 * - ASSUMPTION: payments above the total are accepted (cash change is handled at the counter).
 * - ASSUMPTION: `PUT /Invoice` and `DELETE /Invoice` on a missing invoice answer 404 `{Message}`.
 * - ASSUMPTION: `Invoice/Number` (detail by number) carries `Variants` and `Payments` arrays and
 *   answers 404 when the invoice does not exist.
 */
export const INVOICE_SEMANTICS = {
  duplicateNumberStatus: 400,
  listPartialFailure: 'per-item-results',
} as const;

/**
 * Weighed items (scale labels, shared/catalog/scaleBarcode.ts). The documentation shows
 * `Variants[].Quantity` only as whole numbers ("Quantity": 20, or "10" as a string) and says nothing
 * about weights; listings carry a separate `UnitQuantity`, which suggests units exist.
 * - ASSUMPTION: `Quantity` accepts a decimal number. A weighed line is sent as its weight in
 *   kilograms with at most 3 decimals (whole grams, e.g. 1.234), `Price` is the price per kilogram
 *   (the variant's catalog price), and stock goes down by that many kilograms.
 * - ASSUMPTION: DealPOS values such a line at Price × Quantity rounded half up to the currency's
 *   decimals, once per line, before any discount; the counter's rule is the same
 *   (shared/sale/totals.ts `lineGross`), so receipt and invoice agree to the unit.
 * - ASSUMPTION: a Quantity with more than 3 decimals is refused with 400 `{Message}`.
 * A price-embedded label needs no assumption: it is one pack at the printed price (`Quantity` 1).
 * The simulator enforces all three; if a real account refuses decimals, the fallback is Quantity 1
 * at the line's value with the weight in `Note`, at the cost of stock counted in packs.
 */
export const WEIGHED_QUANTITY = {
  /** Kilograms to three decimals: whole grams. */
  maxDecimals: 3,
} as const;

/** True when `quantity` has at most WEIGHED_QUANTITY.maxDecimals decimals (read as DealPOS would, in decimal). */
export function hasWeighedQuantityPrecision(quantity: number): boolean {
  const scaled = quantity * 10 ** WEIGHED_QUANTITY.maxDecimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/**
 * Settling a batch of unknown outcomes with one `Invoice/MultipleOutlet` listing (outbox worker,
 * main/sync/settleByListing.ts) instead of one `Invoice/IDByNumber` per invoice.
 *
 * - DOCUMENTED (seed-001 "List Invoice Multiple Outlet"): GET with a JSON body, "also available as
 *   HTTP POST with the same endpoint"; `PageNumber` and `PageSize` ("The size of one page. Max=500");
 *   `Outlet` is an array of outlet names, `Tag` an array of channel tags; answer rows carry `ID`
 *   ("Invoice ID"), `Outlet` ("Outlet name") and `Number` ("Number of Invoice No").
 * - DOCUMENTED in the notes only ([DOC + CODE-A], not in the seed text): `From`, `To` and `Status`
 *   (Active/Cancelled/Any, default Active); filter dates are yyyy-mm-dd [DOC:invoice/listinvoicesreturn].
 * - ASSUMPTION: `From`/`To` filter on the invoice's `Date` (the sell date we send), both ends
 *   inclusive. We widen the range by `dateMarginDays` on each side, so an exclusive `To` or a date
 *   the server shifts by its own time zone cannot hide a row; that only costs extra rows.
 * - ASSUMPTION: the `Outlet` filter matches the names we send invoices with, and `Tag` matches the
 *   invoice's `Tag` as sent. (Outlet access: "only for access outlet Read/Write that given to the
 *   user"; an outlet the API user cannot read would list nothing — and could not be sold into either.)
 * - ASSUMPTION: `Email` and `Mobile` (marked "required" in the seed, which also says "One of:") are
 *   optional filters. A server that insists answers 400; the worker then stops using the listing
 *   for the session and checks by number.
 * - ASSUMPTION: `Status: "Any"` also lists cancelled (voided) invoices, which still count as
 *   created. Invoices moved to the bin (`Bin`, default false) are not listed.
 * - ASSUMPTION: an invoice is listed as soon as its create has been answered (or has committed),
 *   i.e. the listing reads what the create wrote, not a delayed copy.
 * - ASSUMPTION: `PageSize` up to 500 is honoured: a page with fewer rows than asked for is the last
 *   one. A page with MORE rows than asked for means the server ignored `PageSize`; it is not
 *   trusted as complete.
 * - ASSUMPTION: offset paging over a listing that grows while we read it may show a row twice,
 *   never skip one (rows are only added by other registers; removing one — bin, erase — could).
 * - ASSUMPTION: a row's `ID` is the ID `Invoice/IDByNumber` answers, and `Number` is exactly the
 *   number we sent (compared exactly: a wrong "found" would lose a sale; a wrong "not found" does not).
 * Rows decide "sent" only by an exact Outlet + Number match with a usable ID. A number missing from
 * a complete listing is "not sent" and is sent again. If any assumption above is wrong, that resend is
 * refused as a duplicate (INVOICE_SEMANTICS) and confirmed by `Invoice/IDByNumber` before it is
 * judged: one wasted request, never a second invoice. A single invoice in doubt is checked with
 * `Invoice/IDByNumber` directly: the same one request, fewer assumptions.
 */
export const INVOICE_LISTING = {
  pageSize: ASSUMPTIONS.maxPageSize,
  status: 'Any',
  dateMarginDays: 1,
} as const;


/**
 * Transport choices.
 *
 * - DOCUMENTED: Customer/Email, Customer/Code, Customer/MobilePhone, Variant list and
 *   Invoice/MultipleOutlet are GET-with-body and "also available as HTTP POST with the same
 *   endpoint" → the client POSTs them.
 * - ASSUMPTION: Variant/Count (operation "getvariantcount"; only its name and path are public)
 *   is GET-with-body with the same POST alias as the Variant list, optional body `{Category}`;
 *   the client POSTs `{}` or `{Category}`.
 * - ASSUMPTION: Variant/GetIDByListCode(+Discontinued) and Barcode/ByBillNumber /
 *   Barcode/ByOutletDeliveryNumber (documented only as GET with a JSON body) accept the same POST
 *   alias; fetch cannot send a body with GET. The simulator accepts both forms for all of them.
 * - ASSUMPTION: Customer/Detail takes one of `ID`, `Code`, `Email`, `MobilePhone` as a query
 *   parameter and answers like Customer/Code.
 * - DOCUMENTED: Customer/PIN, Variant/Detail, Invoice/IDByNumber, Invoice/Number, Outlet take query
 *   parameters. PaymentMethod and Tax are bodyless GETs (shapes from public client code).
 * - REPORTED QUIRK (public client code): a bodyless GET with `Content-Type: application/json`
 *   fails with 500. The client never sends one; the simulator reproduces the 500.
 */
export const TRANSPORT = {
  postAliasEndpoints: [
    'Customer/Email',
    'Customer/Code',
    'Customer/MobilePhone',
    'Variant',
    'Variant/Count',
    'Variant/GetIDByListCode',
    'Variant/GetIDByListCodeDiscontinued',
    'Invoice/MultipleOutlet',
    'Barcode/ByBillNumber',
    'Barcode/ByOutletDeliveryNumber',
  ],
} as const;

/*
 * Response shapes not in the docs.
 *
 * - ASSUMPTION (Variant list): rows carry ID, ProductID, Category, Brand, Product, Variant, Name,
 *   Code, Type, UnitPrice, Taxable, Discontinued and OutletPrice — the Variant/Detail fields a
 *   catalog needs, so catalog sync never needs one Detail call per variant.
 * - ASSUMPTION (Variant/Count): the answer is either a bare integer or `{"Count": n}`; the client
 *   accepts both and reports anything else as `bad_response` naming `Count`. The simulator answers
 *   `{"Count": n}`. A server without the endpoint (404, or an answer of another shape) only costs
 *   catalog sync its first-pass total; the sync carries on without one.
 * - ASSUMPTION: OutletPrice items are `{Outlet, Price, ExtraCost}` as in `PUT /Variant`.
 * - ASSUMPTION (`GetIDByListCodeDiscontinued`): `Discontinued` accepts "All" (documented) and
 *   booleans true/false (only discontinued / only active). Unknown codes are left out of the answer.
 * - ASSUMPTION (Tax): `{ID, Name, Rate (percent), Type: "Exclusive" | "Inclusive"}` — see
 *   TAX_TYPE_INCLUSIVE below for how Type is read and how Rate becomes basis points.
 * - ASSUMPTION (PaymentMethod): `{ID (number), Name, Type, Suspended, MDR}`; Type one of "Cash",
 *   "Card", "QRIS", "EWallet", "Transfer", "Other".
 * - ASSUMPTION (403): the Message names the role as in the docs' wording:
 *   `You must have "VIEW" role in "Contacts" Module`; the client reports it as `Contacts VIEW`.
 * - ASSUMPTION (Barcode endpoints): 404 `{Message}` when the bill / delivery does not exist.
 * - ASSUMPTION (Outlet list): without `SuspendedStatus` only active outlets are listed;
 *   "Suspended" lists only suspended ones and "All" both.
 * - ASSUMPTION (Customer lookups): Email matches case-insensitively (the doc example asks for
 *   "tafta@dealpos.com" and gets "Tafta@dealpos.com"); an unknown customer answers 404 `{Message}`.
 * - DOC QUIRK: the two GetIDByListCode examples reuse the same IDs for different codes ("1000"
 *   and "1342L"); the simulator keeps IDs unique and gives the documented IDs to 1000/1001/1002.
 * - DOC QUIRK: the Customer/PIN example sends the placeholder `ID=string`; the simulator resolves
 *   that literal to the example customer (HW008) so the example works as written.
 */

/**
 * Simulator-only behaviour: what the simulator does where DealPOS documents nothing. The client
 * does not rely on any of it; change it freely when a real account shows otherwise.
 *
 * ASSUMPTION (invoice totals): Gross = Σ qty × price × (1 − line Discount %); Discount1 %,
 * Discount2 % and then DiscountAmount (or the points value) give Sales; an exclusive tax adds
 * round(Sales × rate / 100), an inclusive one is contained: round(Sales × rate / (100 + rate)).
 * PaymentState is Paid when payments cover SalesNTax (or with `WriteOff: true`), else Partial or
 * Unpaid. Amounts are whole rupiah.
 */
export const SIMULATOR_ASSUMPTIONS = {
  /**
   * ASSUMPTION: IDR value of one loyalty point when `PointUsed` > 0. The docs say DiscountAmount is
   * then "auto calculated … based on RedeemPointValue configuration"; the value is per store.
   */
  redeemPointValue: 100,
  /** ASSUMPTION: one loyalty point earned per 10,000 IDR of SalesNTax, for a registered customer. */
  pointEarnStep: 10_000,
  /** DOCUMENTED in examples: timestamps are local (Jakarta, UTC+7) without an offset. */
  utcOffsetHours: 7,
} as const;

/**
 * ASSUMPTION (Tax `Type`): "Inclusive" means prices already contain the tax (it is carved out of
 * them), "Exclusive" that it is added on top; compared case-insensitively. Public client code shows
 * only these two values. Any other value (or none) is refused as `bad_response` naming `Type`
 * rather than guessed, because a wrong guess changes what every customer pays. `Rate` is a percent
 * with at most two decimals (11 → 1100 basis points, 11.5 → 1150); anything finer, negative or
 * above 100 is refused naming `Rate`. The simulator reads its taxes through the same mapping.
 */
export const TAX_TYPE_INCLUSIVE: Readonly<Record<string, boolean>> = { inclusive: true, exclusive: false };

/*
 * Receiving labels (issue 14, main/labels/).
 * - DOCUMENTED (seed-000): `Barcode/ByBillNumber` and `Barcode/ByOutletDeliveryNumber` take
 *   `{Outlet, Number}` and answer `[{VariantID, Name, Code, Quantity, UnitPrice}]`. The seed names
 *   no role for them.
 * - ASSUMPTION: both need "Products VIEW" (the simulator enforces it). The client reports whatever
 *   role a 403 names, so a wrong guess changes only the simulator, not what the manager is told.
 * - ASSUMPTION: `UnitPrice` is the selling price to print on the label, in major units of the store
 *   currency (the seed's 280000 for Cardigan (L) is its selling price); `Code` is what the barcode
 *   carries (no separate barcode field is known, see the notes).
 * - ASSUMPTION: `Quantity` may be fractional (weighed goods); the default label count is the whole
 *   units, at least one for anything received.
 * - ASSUMPTION: the outlets this API user can access are those `Outlet` lists without `Access=All`
 *   (the list the Settings screen caches; an outlet missing from it makes main fetch the list again
 *   once). Main refuses any other outlet before asking DealPOS and sends the name as DealPOS spells
 *   it. When no list can be had (never fetched and not answering, Outlets VIEW missing) the check is
 *   skipped and DealPOS's own answer stands.
 * - ASSUMPTION: `Variant/GetIDByListCodeDiscontinued` (listed under the docs' Deprecated section)
 *   still answers. When it fails, the flags come from the offline catalog, and a code neither knows
 *   is shown as unknown, never as "not discontinued".
 */
/**
 * Back office (issue 14): invoices across outlets and sales-order tracking numbers.
 *
 * - DOCUMENTED (seed-001): `DELETE Invoice` answers "Invoice has been delete!{}"; `Invoice/MultipleOutlet`
 *   has `Bin` ("Invoice in bin or not", default false). ASSUMPTION: a delete moves the invoice to that
 *   bin; lookups by number (`Invoice/Number`, `Invoice/IDByNumber`) and a second PUT or DELETE no
 *   longer find it (404), and its number stays taken (a create with it is a duplicate).
 * - DOCUMENTED (seed-001): `Tag` and `TaxType` are required on POST and PUT Invoice; the simulator
 *   answers 400 `{Message: "Tag is required"}` (or TaxType). `SalesType` still counts as Tag.
 * - DOCUMENTED (seed-001, PUT): Surcharge, FulfillmentOutlet ("null … will get data from property
 *   Outlet") and Recipient. ASSUMPTION: PUT replaces the invoice with the body, except that these
 *   three keep their stored values when left out; Surcharge is added to SalesNTax; an unknown
 *   FulfillmentOutlet is a 400. The back office therefore sends the whole invoice back: the form's
 *   edits on top of a detail read just before, lines and payments unchanged.
 * - ASSUMPTION: `Invoice/Number` carries `LogisticServiceCode`, `FulfillmentOutlet` and `Recipient`
 *   (the docs list the detail's fields only up to "Fulfillment, …").
 * - ASSUMPTION: an empty or absent `Tag` in the listing means every channel (the seed marks it
 *   required but lists it under "One of:"); the screen sends the outlets the user picked or, when none,
 *   every outlet the Outlet list (without `Access=All`) gives the user.
 * - ASSUMPTION: there is no total count in `Invoice/MultipleOutlet`; an empty page after page 1 is
 *   "beyond the end".
 * - `SalesOrder/ReferenceNumber` (seed-000): "If this property is null or empty, it will not update".
 *   ASSUMPTION: the same holds for `Note`; an unknown order answers 404 `{Message}`; setting the same
 *   values twice leaves the order as once, so a record whose first send had an unknown outcome is
 *   simply sent again (it cannot duplicate anything).
 * - ASSUMPTION: DealPOS has no documented list of logistic service codes; the screen offers the
 *   seed's examples and common Indonesian couriers, and any code typed in.
 */
export const ASSUMED_ROLES: Readonly<Record<string, string>> = {
  /** ASSUMPTION: the seed names no role for the listing; the notes give "Orders View" for invoice detail. */
  'GET Invoice/MultipleOutlet': 'Orders VIEW',
  'GET Invoice/Number': 'Orders VIEW',
  /** ASSUMPTION: the seed names no role; a sales order is edited with the Orders module's EDIT. */
  'PUT SalesOrder/ReferenceNumber': 'Orders EDIT',
};

export const LOGISTIC_SERVICE_CODES: readonly string[] = [
  'JNE-R',
  'JNE123',
  'JNE-REG',
  'JNE-YES',
  'JNT-EZ',
  'SICEPAT-REG',
  'ANTERAJA-REG',
  'POS-KILAT',
  'GOSEND',
  'GRAB-EXPRESS',
];

/**
 * Shift semantics (issue 15). DOCUMENTED: `POST /Shift {Register, OpAmount}` opens a shift;
 * `PUT /Shift {Register}` closes it and answers Number, Sales, Tax, Start and End; `GET /Shift
 * {Outlet, From, To, PageNumber, PageSize ≤ 500}` lists shifts as {Open, Close, Cashier, ID, Number,
 * SalesNTax, TotalInvoice, Outlet, Register, Visitors}; `Shift/TotalCount` answers {Data, TotalCount}.
 *
 * - ASSUMPTION: DealPOS counts an invoice into the shift that is open on the invoice's `Register`
 *   when the invoice ARRIVES (the invoice carries no shift field). The outbox therefore sends a
 *   shift's open before the invoices recorded after it, and its close only after every invoice of
 *   the shift has synced (or was voided by a manager); invoices recorded after a waiting open or
 *   close wait behind it (main/sync/shiftSync.ts).
 * - ASSUMPTION: `Sales` in the close answer is the sum of the shift's invoices' `Sales` (after
 *   discounts, before an exclusive tax) and `Tax` the sum of their `Tax`; the counter's Z report
 *   computes the same from its stored sales, and the integration test holds them equal.
 * - ASSUMPTION: `POST /Shift` while the register has an open shift, and `PUT /Shift` while it has
 *   none, are refused with 400 {Message}. The outbox relies on this only as a second guard: after an
 *   unknown outcome it looks the register's shift up in `GET /Shift` before sending again.
 * - ASSUMPTION: `POST /Shift` answers the new shift's {ID, Number}; the counter stores it but does
 *   not depend on it.
 * - ASSUMPTION: `GET /Shift` takes its filters as a query string (`POST /Shift` is the open, so the
 *   usual POST alias of a GET-with-body cannot exist); From/To are yyyy-mm-dd and filter on the
 *   shift's open date; an open shift lists with an empty `Close`.
 * - ASSUMPTION: a register name is unique within the account and belongs to one outlet. DealPOS has
 *   no register API; the simulator places a register in the outlet of the first invoice that named
 *   it, and until then lists that register's shift under whichever outlet is asked for.
 * - ASSUMPTION: `Cashier` in the list is the user who opened the shift (the API user for the
 *   counter); the counter's own cashier travels on each invoice as `SalesPerson`.
 */
export const SHIFT_SEMANTICS = {
  /** How far before the shift's open date the outbox lists shifts when settling an unknown outcome. */
  lookupDaysBefore: 1,
  listPageSize: 100,
} as const;

/**
 * Returns (issue 16). The notes say invoice create has a "Reference Invoice Number/ID" example and
 * that DealPOS records returns as negative quantities; the field names and rules are not documented.
 * - ASSUMPTION: a return is a `POST /Invoice` (or an `Invoice/List` item) like a sale, with every
 *   `Variants[].Quantity` negative and `ReferenceInvoiceNumber` naming the original invoice in the
 *   same `Outlet`. Mixed signs in one invoice are refused with 400 `{Message}`.
 * - ASSUMPTION: such an invoice is valued as the mirror image of a sale of the same lines: the
 *   counter sends `Price` as sold (positive), `DiscountAmount` and `Payments[].Amount` negative
 *   (the refund), and DealPOS's Gross, Sales, Tax and SalesNTax come out as the negatives of a sale
 *   valued with the positive amounts (so its totals equal the counter's refund to the unit).
 * - ASSUMPTION: DealPOS refuses with 400 `{Message}` a return whose reference invoice is unknown in
 *   that outlet or voided (`Status` not Active), and one that would take back more of a variant
 *   than the original sold minus what earlier returns (Active, same reference) took back.
 * - ASSUMPTION: a variant discontinued since the sale can still be returned.
 * - Our choice: the return carries no `Customer`, so loyalty points are neither earned nor taken
 *   back by it (how DealPOS adjusts points on a return is not documented).
 * The simulator enforces all of these (main/simulator/simulatorState.ts `createInvoice`).
 */
export const RETURN_INVOICE = {
  referenceField: 'ReferenceInvoiceNumber',
} as const;

/*
 * Cash rounding to the store's smallest coin (issue 13; shared/sale/cashRounding.ts).
 * - DOCUMENTED (seed-001 "Create an Invoice"): `DiscountAmount` is an amount off the invoice; the
 *   create page lists no `Surcharge` (only the update page does), so the counter cannot add a
 *   rounding UP to an invoice it creates. It only rounds DOWN, in the customer's favour.
 * - ASSUMPTION: DealPOS takes `DiscountAmount` off before tax, as every other discount (the
 *   simulator and shared/sale/totals.ts agree; the integration test holds SalesNTax equal to the
 *   counter's rounded total). With tax added on top the counter therefore picks the taxable amount
 *   whose total (taxable + tax) is a multiple of the coin, not the total less the coin remainder.
 * - ASSUMPTION: with redeemed points DealPOS replaces `DiscountAmount` (documented), so the rounding
 *   then travels as part of the per-line `Discount` percentages, shared with the sale discount
 *   (shared/invoice/invoicePayload.ts A2, A6).
 * - Our choice: only what is settled in cash is rounded; `Note` says "Cash rounding N" so the back
 *   office can tell it from a discount; returns refund the lines' nets after it (nothing rounded again).
 */
