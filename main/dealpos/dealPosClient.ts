/**
 * The one typed client for DealPOS API v3. Every call: waits for a slot in the shared
 * `RequestBudget`, attaches a cached bearer token (renewed before expiry and once on a 401, one
 * renewal shared by all concurrent callers), times out, honours the caller's AbortSignal, validates
 * the answer with zod and turns every failure into a typed `DealPosError`.
 *
 * GET endpoints documented with a JSON body are sent as POST to the same path (the documented
 * alias — fetch cannot send a body with GET). Bodyless GETs carry no Content-Type.
 */
import type { z } from 'zod';
import type { Logger } from '../logging/logger';
import { errorCode } from '../errorCode';
import { ASSUMPTIONS, INVOICE_ID_NOT_FOUND_VALUES, RATE_LIMIT_MESSAGE_SECONDS } from './assumptions';
import {
  DealPosBadCredentialsError,
  DealPosCancelledError,
  DealPosForbiddenError,
  DealPosNetworkError,
  DealPosNotFoundError,
  DealPosRateLimitedError,
  DealPosServerError,
  DealPosTimeoutError,
  DealPosValidationError,
} from './errors';
import { readBody } from './readBody';
import { readRateLimitHeaders, type RateLimitObservation, type RequestBudget, type RequestPriority } from './requestBudget';
import {
  BarcodeLinesSchema,
  CustomerByEmailSchema,
  CustomerPinSchema,
  CustomerSchema,
  DeleteMessageSchema,
  InvoiceCreatedSchema,
  InvoiceDetailSchema,
  InvoiceIdSchema,
  InvoiceListResultsSchema,
  InvoiceListRowsSchema,
  InvoiceUpdatedSchema,
  OutletsSchema,
  PaymentMethodsSchema,
  TaxesSchema,
  TokenResponseSchema,
  UpdateMessageSchema,
  VariantCountSchema,
  VariantDetailSchema,
  VariantIdDiscontinuedListSchema,
  VariantIdListSchema,
  VariantListSchema,
  type BarcodeLine,
  type Customer,
  type CustomerByEmail,
  type CustomerDetailQuery,
  type CustomerPin,
  type InvoiceCreated,
  type InvoiceCreateHeaders,
  type InvoiceDetail,
  type InvoiceInput,
  type InvoiceKey,
  type InvoiceListResult,
  type InvoiceListRow,
  type InvoiceMultipleOutletRequest,
  type InvoiceUpdated,
  type MessageBody,
  type Outlet,
  type OutletListQuery,
  type PaymentMethod,
  ShiftClosedSchema,
  ShiftListSchema,
  ShiftOpenedSchema,
  type ShiftClosed,
  type ShiftListRow,
  type ShiftOpened,
  type Tax,
  type VariantDetail,
  type VariantId,
  type VariantIdDiscontinued,
  type VariantIdsDiscontinuedRequest,
  type VariantListRow,
} from './schemas';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface DealPosClientOptions {
  /** e.g. `https://mystore.dealpos.net` or the simulator's `http://127.0.0.1:<port>`; `/api/v3` is appended unless present. */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The app-wide budget; share one instance between every client of the same account. */
  readonly budget: RequestBudget;
  readonly logger?: Logger;
  /** Per-request timeout (network round trip, not the wait for a budget slot). Default 15 s. */
  readonly timeoutMs?: number;
  readonly fetch?: FetchLike;
  /** Clock for token expiry; tests inject one. */
  readonly now?: () => number;
}

export interface CallOptions {
  readonly priority: RequestPriority;
  readonly signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  readonly timeoutMs?: number;
  /** Give up with `rate_limited` (local) rather than wait longer than this for a budget slot. */
  readonly maxWaitMs?: number;
}

export interface TokenInfo {
  /** Epoch ms at which the cached token expires. */
  readonly expiresAt: number;
}

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface RequestSpec<S extends z.ZodType> {
  /** Path relative to /api/v3, also the name used in errors. */
  readonly endpoint: string;
  readonly method: HttpMethod;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly schema: S;
}

interface CachedToken {
  readonly value: string;
  readonly expiresAt: number;
  readonly renewAt: number;
}

interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const TOKEN_ENDPOINT = 'Token/OAuth2';

export class DealPosClient {
  private readonly baseUrl: string;
  private readonly clientId: string;
  private readonly clientSecret: string;
  private readonly budget: RequestBudget;
  private readonly logger: Logger | undefined;
  private readonly timeoutMs: number;
  private readonly fetchImpl: FetchLike;
  private readonly now: () => number;
  private token: CachedToken | null = null;
  private tokenFlight: Promise<CachedToken> | null = null;
  private readonly answeredListeners = new Set<() => void>();

  constructor(options: DealPosClientOptions) {
    // Accept the host alone or the full API root (people paste either).
    this.baseUrl = `${options.baseUrl.replace(/\/+$/, '').replace(/\/api\/v3$/i, '')}/api/v3/`;
    this.clientId = options.clientId;
    this.clientSecret = options.clientSecret;
    this.budget = options.budget;
    this.logger = options.logger;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? Date.now;
    this.logger?.addSecret(options.clientSecret);
  }

  // ------------------------------------------------------------------ Token

  /** Makes sure a valid token is cached (fetching one if needed) and tells when it expires. */
  async getToken(options: CallOptions & { readonly forceRefresh?: boolean }): Promise<TokenInfo> {
    const token = options.forceRefresh
      ? await this.renewToken(this.token?.value ?? null, options)
      : await this.currentToken(options);
    return { expiresAt: token.expiresAt };
  }

  /** Drops the cached token (e.g. after the credentials were changed). */
  forgetToken(): void {
    this.token = null;
  }

  // ------------------------------------------------------------------ Customer

  customerByEmail(email: string, options: CallOptions): Promise<CustomerByEmail> {
    return this.call({ endpoint: 'Customer/Email', method: 'POST', body: { Email: email }, schema: CustomerByEmailSchema }, options);
  }

  customerByCode(code: string, options: CallOptions): Promise<Customer> {
    return this.call({ endpoint: 'Customer/Code', method: 'POST', body: { Code: code }, schema: CustomerSchema }, options);
  }

  customerByMobilePhone(mobilePhone: string, options: CallOptions): Promise<Customer> {
    return this.call(
      { endpoint: 'Customer/MobilePhone', method: 'POST', body: { MobilePhone: mobilePhone }, schema: CustomerSchema },
      options,
    );
  }

  /** The customer's PIN, for checking it locally before points are redeemed. Never log the result. */
  customerPin(customerId: string, options: CallOptions): Promise<CustomerPin> {
    return this.call({ endpoint: 'Customer/PIN', method: 'GET', query: { ID: customerId }, schema: CustomerPinSchema }, options);
  }

  customerDetail(query: CustomerDetailQuery, options: CallOptions): Promise<Customer> {
    return this.call({ endpoint: 'Customer/Detail', method: 'GET', query: { ...query }, schema: CustomerSchema }, options);
  }

  // ------------------------------------------------------------------ Variant

  variantIdsByCodes(codes: readonly string[], options: CallOptions): Promise<VariantId[]> {
    return this.call({ endpoint: 'Variant/GetIDByListCode', method: 'POST', body: codes, schema: VariantIdListSchema }, options);
  }

  variantIdsByCodesDiscontinued(request: VariantIdsDiscontinuedRequest, options: CallOptions): Promise<VariantIdDiscontinued[]> {
    return this.call(
      { endpoint: 'Variant/GetIDByListCodeDiscontinued', method: 'POST', body: request, schema: VariantIdDiscontinuedListSchema },
      options,
    );
  }

  variantDetail(key: { readonly code: string } | { readonly id: string }, options: CallOptions & { readonly includePromotions?: boolean }): Promise<VariantDetail> {
    return this.call(
      {
        endpoint: 'Variant/Detail',
        method: 'GET',
        query: 'code' in key ? { Code: key.code } : { ID: key.id },
        headers: { promotions_field_include: options.includePromotions ? 'true' : 'false' },
        schema: VariantDetailSchema,
      },
      options,
    );
  }

  /** One page of the variant list; a page shorter than `pageSize` is the last one. */
  listVariants(
    page: { readonly pageNumber: number; readonly pageSize: number; readonly category?: string },
    options: CallOptions,
  ): Promise<VariantListRow[]> {
    return this.call(
      {
        endpoint: 'Variant',
        method: 'POST',
        body: { PageNumber: page.pageNumber, PageSize: page.pageSize, ...(page.category ? { Category: page.category } : {}) },
        schema: VariantListSchema,
      },
      options,
    );
  }

  /**
   * listVariants's page as the text DealPOS sent, unread: the catalog sync hands it to the bulk
   * writer thread, which parses and checks it (catalog/variantPage.ts) so main's event loop does not.
   * Every non-2xx answer throws the same typed errors as listVariants.
   */
  async listVariantsBody(page: { readonly pageNumber: number; readonly pageSize: number }, options: CallOptions): Promise<string> {
    const spec = { endpoint: 'Variant', method: 'POST', body: { PageNumber: page.pageNumber, PageSize: page.pageSize }, schema: VariantListSchema } as const;
    const response = await this.exchange(spec, options);
    if (response.status >= 200 && response.status < 300) return response.text;
    return this.refuse(spec, response);
  }

  /**
   * How many variants DealPOS lists (in `category` when given). The endpoint's shape is assumed
   * (see assumptions.ts): a server without it answers `not_found` or `bad_response`.
   */
  variantCount(query: { readonly category?: string }, options: CallOptions): Promise<number> {
    return this.call(
      { endpoint: 'Variant/Count', method: 'POST', body: query.category ? { Category: query.category } : {}, schema: VariantCountSchema },
      options,
    );
  }

  // ------------------------------------------------------------------ Invoice

  createInvoice(body: InvoiceInput, options: CallOptions & { readonly headers?: InvoiceCreateHeaders }): Promise<InvoiceCreated> {
    return this.call(
      { endpoint: 'Invoice', method: 'POST', body, headers: invoiceHeaders(options.headers), schema: InvoiceCreatedSchema },
      options,
    );
  }

  /** `Invoice/List`: one result per invoice, in request order (see assumptions.ts for partial failures). */
  createInvoices(
    bodies: readonly InvoiceInput[],
    options: CallOptions & { readonly headers?: InvoiceCreateHeaders },
  ): Promise<InvoiceListResult[]> {
    return this.call(
      { endpoint: 'Invoice/List', method: 'POST', body: bodies, headers: invoiceHeaders(options.headers), schema: InvoiceListResultsSchema },
      options,
    );
  }

  updateInvoice(body: InvoiceInput, options: CallOptions): Promise<InvoiceUpdated> {
    return this.call({ endpoint: 'Invoice', method: 'PUT', body, schema: InvoiceUpdatedSchema }, options);
  }

  /** Returns the server's confirmation text, e.g. "Invoice has been delete!{}". */
  deleteInvoice(key: InvoiceKey, options: CallOptions): Promise<string> {
    return this.call({ endpoint: 'Invoice', method: 'DELETE', body: key, schema: DeleteMessageSchema }, options);
  }

  /** The invoice's server ID, or null when no invoice with this number exists for the outlet. */
  async invoiceIdByNumber(
    key: { readonly outlet: string; readonly number: string } | { readonly outletId: string; readonly number: string },
    options: CallOptions,
  ): Promise<string | null> {
    try {
      const result = await this.call(
        { endpoint: 'Invoice/IDByNumber', method: 'GET', query: { ...outletQuery(key), Number: key.number }, schema: InvoiceIdSchema },
        options,
      );
      return result.ID === null || INVOICE_ID_NOT_FOUND_VALUES.includes(result.ID) ? null : result.ID;
    } catch (error) {
      if (error instanceof DealPosNotFoundError) return null;
      throw error;
    }
  }

  /** The full invoice, or null when it does not exist. */
  async invoiceByNumber(
    key: { readonly outlet: string; readonly number: string } | { readonly outletId: string; readonly number: string },
    options: CallOptions,
  ): Promise<InvoiceDetail | null> {
    try {
      return await this.call(
        { endpoint: 'Invoice/Number', method: 'GET', query: { ...outletQuery(key), Number: key.number }, schema: InvoiceDetailSchema },
        options,
      );
    } catch (error) {
      if (error instanceof DealPosNotFoundError) return null;
      throw error;
    }
  }

  listInvoicesMultipleOutlet(request: InvoiceMultipleOutletRequest, options: CallOptions): Promise<InvoiceListRow[]> {
    return this.call({ endpoint: 'Invoice/MultipleOutlet', method: 'POST', body: request, schema: InvoiceListRowsSchema }, options);
  }

  // ------------------------------------------------------------------ Sales order, barcodes

  updateSalesOrderReference(
    request: {
      readonly outlet: string;
      readonly number: string;
      readonly referenceNumber?: string | null;
      readonly logisticServiceCode?: string | null;
      readonly note?: string | null;
    },
    options: CallOptions,
  ): Promise<MessageBody> {
    return this.call(
      {
        endpoint: 'SalesOrder/ReferenceNumber',
        method: 'PUT',
        body: {
          Outlet: request.outlet,
          Number: request.number,
          ReferenceNumber: request.referenceNumber ?? null,
          LogisticServiceCode: request.logisticServiceCode ?? null,
          Note: request.note ?? null,
        },
        schema: UpdateMessageSchema,
      },
      options,
    );
  }

  barcodesByBillNumber(key: { readonly outlet: string; readonly number: string }, options: CallOptions): Promise<BarcodeLine[]> {
    return this.call(
      { endpoint: 'Barcode/ByBillNumber', method: 'POST', body: { Outlet: key.outlet, Number: key.number }, schema: BarcodeLinesSchema },
      options,
    );
  }

  barcodesByOutletDeliveryNumber(key: { readonly outlet: string; readonly number: string }, options: CallOptions): Promise<BarcodeLine[]> {
    return this.call(
      {
        endpoint: 'Barcode/ByOutletDeliveryNumber',
        method: 'POST',
        body: { Outlet: key.outlet, Number: key.number },
        schema: BarcodeLinesSchema,
      },
      options,
    );
  }

  // ------------------------------------------------------------------ Shift (issue 15)

  /** `POST /Shift {Register, OpAmount}`: opens a shift on the register. */
  openShift(body: { readonly Register: string; readonly OpAmount: number }, options: CallOptions): Promise<ShiftOpened> {
    return this.call({ endpoint: 'Shift', method: 'POST', body, schema: ShiftOpenedSchema }, options);
  }

  /** `PUT /Shift {Register}`: closes the register's open shift; answers Number, Sales, Tax, Start, End. */
  closeShift(body: { readonly Register: string }, options: CallOptions): Promise<ShiftClosed> {
    return this.call({ endpoint: 'Shift', method: 'PUT', body, schema: ShiftClosedSchema }, options);
  }

  /**
   * `GET /Shift {Outlet, From, To, PageNumber, PageSize ≤ 500}`. Sent as a query string: POST /Shift
   * opens a shift, so this GET has no POST alias (ASSUMPTION, SHIFT_SEMANTICS).
   */
  listShifts(
    query: { readonly outlet: string; readonly from: string; readonly to: string; readonly pageNumber: number; readonly pageSize: number },
    options: CallOptions,
  ): Promise<ShiftListRow[]> {
    return this.call(
      {
        endpoint: 'Shift',
        method: 'GET',
        query: { Outlet: query.outlet, From: query.from, To: query.to, PageNumber: String(query.pageNumber), PageSize: String(query.pageSize) },
        schema: ShiftListSchema,
      },
      options,
    );
  }

  // ------------------------------------------------------------------ Outlet, payment method, tax

  listOutlets(query: OutletListQuery, options: CallOptions): Promise<Outlet[]> {
    return this.call({ endpoint: 'Outlet', method: 'GET', query: { ...query }, schema: OutletsSchema }, options);
  }

  listPaymentMethods(options: CallOptions): Promise<PaymentMethod[]> {
    return this.call({ endpoint: 'PaymentMethod', method: 'GET', schema: PaymentMethodsSchema }, options);
  }

  listTaxes(options: CallOptions): Promise<Tax[]> {
    return this.call({ endpoint: 'Tax', method: 'GET', schema: TaxesSchema }, options);
  }

  // ------------------------------------------------------------------ pipeline

  /** Authenticated call: one transparent retry with a renewed token on 401. */
  private async call<S extends z.ZodType>(spec: RequestSpec<S>, options: CallOptions): Promise<z.output<S>> {
    return this.interpret(spec, await this.exchange(spec, options));
  }

  /** One authorised exchange: a 401 renews the token and tries once more. */
  private async exchange(spec: RequestSpec<z.ZodType>, options: CallOptions): Promise<RawResponse> {
    const token = await this.currentToken(options);
    const first = await this.send(spec, options, token.value);
    if (first.status !== 401) return first;
    this.logger?.info(`DealPOS answered 401 on ${spec.endpoint}; renewing the token once`);
    const renewed = await this.renewToken(token.value, options);
    const second = await this.send(spec, options, renewed.value);
    if (second.status === 401) throw new DealPosBadCredentialsError(spec.endpoint, serverMessage(second.text));
    return second;
  }

  private async currentToken(options: CallOptions): Promise<CachedToken> {
    const token = this.token;
    if (token && this.now() < token.renewAt) return token;
    return this.renewToken(token?.value ?? null, options);
  }

  /**
   * Single flight: every caller that saw `staleValue` (or no token) waits for the same renewal. A
   * caller that is cancelled stops waiting without cancelling the renewal the others share.
   */
  private renewToken(staleValue: string | null, options: CallOptions): Promise<CachedToken> {
    const current = this.token;
    if (current && current.value !== staleValue && this.now() < current.renewAt) return Promise.resolve(current);
    if (!this.tokenFlight) {
      // Stop handing out the refused token: every request sent with it would cost a slot for a 401.
      if (current?.value === staleValue) this.token = null;
      const flight = this.fetchToken(options).finally(() => {
        if (this.tokenFlight === flight) this.tokenFlight = null;
      });
      this.tokenFlight = flight;
    }
    return withSignal(this.tokenFlight, options.signal, TOKEN_ENDPOINT);
  }

  private async fetchToken(options: CallOptions): Promise<CachedToken> {
    const sentAt = this.now();
    // The token gates every other call, so it goes at interactive priority whoever asked, and is
    // not tied to the asking caller's signal: other callers may be waiting on the same renewal.
    const response = await this.send(
      {
        endpoint: TOKEN_ENDPOINT,
        method: 'POST',
        body: { client_id: this.clientId, client_secret: this.clientSecret },
        schema: TokenResponseSchema,
      },
      { priority: 'interactive', ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) },
      null,
    );
    if ((ASSUMPTIONS.tokenRejectStatuses as readonly number[]).includes(response.status)) {
      this.token = null;
      throw new DealPosBadCredentialsError(TOKEN_ENDPOINT, serverMessage(response.text));
    }
    const body = this.interpret({ endpoint: TOKEN_ENDPOINT, method: 'POST', schema: TokenResponseSchema }, response);
    this.logger?.addSecret(body.access_token);
    const lifetimeMs = tokenLifetimeMs(body.expires_in, body.expiredat, sentAt);
    const margin = Math.min(ASSUMPTIONS.tokenRenewMarginMs, Math.floor(lifetimeMs / 10));
    const token: CachedToken = { value: body.access_token, expiresAt: sentAt + lifetimeMs, renewAt: sentAt + lifetimeMs - margin };
    this.token = token;
    this.logger?.info(`DealPOS token renewed; valid for ${Math.round(lifetimeMs / 1000)} s`);
    return token;
  }

  /** One HTTP exchange through the budget. Returns the raw answer; throws only transport errors. */
  private async send(spec: RequestSpec<z.ZodType>, options: CallOptions, token: string | null): Promise<RawResponse> {
    const ticket = await this.budget.acquire(options.priority, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.maxWaitMs !== undefined ? { maxWaitMs: options.maxWaitMs } : {}),
      label: spec.endpoint,
    });
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = (): void => controller.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let observation: RateLimitObservation | undefined;
    let neverSent = false;
    try {
      if (options.signal?.aborted) throw new DealPosCancelledError(spec.endpoint, false);
      const headers: Record<string, string> = { Accept: 'application/json', ...spec.headers };
      if (token !== null) headers['Authorization'] = `Bearer ${token}`;
      let body: string | undefined;
      if (spec.body !== undefined) {
        body = JSON.stringify(spec.body);
        headers['Content-Type'] = 'application/json';
      }
      const response = await this.fetchImpl(this.url(spec), {
        method: spec.method,
        headers,
        ...(body !== undefined ? { body } : {}),
        signal: controller.signal,
      });
      const text = await response.text();
      observation = readRateLimitHeaders(response.headers);
      if (response.status < 500 && response.status !== 429) this.notifyAnswered();
      if (response.status === 429) {
        const retryAfterMs = retryAfterFrom(response.headers, text) ?? this.budget.snapshot().windowSeconds * 1000;
        observation = { ...observation, retryAfterMs };
        this.logger?.warn(`DealPOS rate limit hit on ${spec.endpoint}; waiting ${Math.ceil(retryAfterMs / 1000)} s`);
        throw new DealPosRateLimitedError(spec.endpoint, retryAfterMs, false);
      }
      return { status: response.status, headers: response.headers, text };
    } catch (error) {
      if (error instanceof DealPosRateLimitedError || error instanceof DealPosCancelledError) throw error;
      if (timedOut) throw new DealPosTimeoutError(spec.endpoint, timeoutMs);
      if (options.signal?.aborted) throw new DealPosCancelledError(spec.endpoint, true);
      const { reason, maybeProcessed } = describeNetworkFailure(error);
      neverSent = !maybeProcessed;
      this.logger?.warn(`DealPOS ${spec.endpoint} failed: ${reason}`);
      throw new DealPosNetworkError(spec.endpoint, reason, maybeProcessed, error);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (neverSent) this.budget.release(ticket);
      else this.budget.settle(ticket, observation);
    }
  }

  /**
   * Calls `listener` whenever DealPOS answers a request normally (below 500, not 429), whoever
   * made it: the outbox ends its backoff on it. Returns an unsubscribe function.
   */
  onAnswered(listener: () => void): () => void {
    this.answeredListeners.add(listener);
    return () => this.answeredListeners.delete(listener);
  }

  private notifyAnswered(): void {
    for (const listener of this.answeredListeners) listener();
  }

  private url(spec: RequestSpec<z.ZodType>): string {
    const url = new URL(spec.endpoint, this.baseUrl);
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    return url.toString();
  }

  /** Maps a status to a result or a typed error; validates 2xx bodies against the endpoint schema. */
  private interpret<S extends z.ZodType>(spec: RequestSpec<S>, response: RawResponse): z.output<S> {
    if (response.status >= 200 && response.status < 300) return readBody(spec.endpoint, spec.schema, response.text);
    return this.refuse(spec, response);
  }

  /** A non-2xx answer as its typed error. */
  private refuse(spec: RequestSpec<z.ZodType>, response: RawResponse): never {
    const { status, text } = response;
    const message = serverMessage(text);
    if (status === 400) throw new DealPosValidationError(spec.endpoint, message ?? 'Bad request');
    if (status === 401) throw new DealPosBadCredentialsError(spec.endpoint, message);
    if (status === 403) throw new DealPosForbiddenError(spec.endpoint, roleFromMessage(message), message);
    if (status === 404) throw new DealPosNotFoundError(spec.endpoint, message);
    this.logger?.warn(`DealPOS ${spec.method} ${spec.endpoint} answered HTTP ${status}${message ? `: ${message}` : ''}`);
    throw new DealPosServerError(spec.endpoint, status, message);
  }
}

function invoiceHeaders(headers: InvoiceCreateHeaders | undefined): Record<string, string> {
  return {
    UpdateCustomer: headers?.updateCustomer ? 'true' : 'false',
    WriteOff: headers?.writeOff ? 'true' : 'false',
  };
}

function outletQuery(key: { readonly outlet: string } | { readonly outletId: string }): Record<string, string> {
  return 'outlet' in key ? { Outlet: key.outlet } : { OutletID: key.outletId };
}

/** Waits for a shared promise but lets one caller stop waiting on its own signal. */
function withSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined, endpoint: string): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new DealPosCancelledError(endpoint, false));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new DealPosCancelledError(endpoint, false));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The server's `Message` (or a bare JSON string), without ever echoing an unparsed body. */
function serverMessage(text: string): string | null {
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json === 'string') return json.slice(0, 500);
    if (json !== null && typeof json === 'object' && 'Message' in json) {
      const message = (json as { Message: unknown }).Message;
      if (typeof message === 'string') return message.slice(0, 500);
    }
  } catch {
    // Not JSON: the body is not shown to users (it could be an HTML error page).
  }
  return null;
}

/**
 * Picks the role out of a 403 message. DealPOS words it like the docs do:
 * `You must have "Create" role in "Sell" Module` → `Sell CREATE`.
 */
export function roleFromMessage(message: string | null): string | null {
  if (!message) return null;
  const match = /"([^"]+)"\s+role\s+in\s+"([^"]+)"/i.exec(message) ?? null;
  if (match?.[1] && match[2]) return `${match[2]} ${match[1].toUpperCase()}`;
  const grouped = /role:?\s*"([^"]+)"\s*-\s*"([^"]+)"/i.exec(message);
  if (grouped?.[1] && grouped[2]) return `${grouped[1]} ${grouped[2].toUpperCase()}`;
  return null;
}

function retryAfterFrom(headers: Headers, text: string): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  const reset = headers.get('ratelimit-reset');
  if (reset !== null && Number.isFinite(Number(reset))) return Number(reset) * 1000;
  const message = serverMessage(text);
  const match = message ? RATE_LIMIT_MESSAGE_SECONDS.exec(message) : null;
  if (match?.[1]) return Number(match[1]) * 1000;
  return undefined;
}

function tokenLifetimeMs(expiresIn: number | null | undefined, expiredAt: string | null | undefined, sentAt: number): number {
  if (typeof expiresIn === 'number' && expiresIn > 0) return expiresIn * 1000;
  if (expiredAt) {
    const at = Date.parse(expiredAt);
    if (Number.isFinite(at) && at > sentAt) return at - sentAt;
  }
  return ASSUMPTIONS.tokenFallbackLifetimeMs;
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL']);

function describeNetworkFailure(error: unknown): { reason: string; maybeProcessed: boolean } {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = errorCode(cause);
  const message = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return { reason: code ?? message, maybeProcessed: code === null || !NOT_SENT_CODES.has(code) };
}
