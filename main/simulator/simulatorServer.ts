/**
 * The embedded DealPOS simulator: a real HTTP server on 127.0.0.1 that serves the API v3 endpoints
 * the app uses, with the documented shapes and quirks (PascalCase, GET-with-body and its POST
 * alias, 400 {Message}, 500 {Message, StackTrace}, 401/403/404, a fixed-window rate limit with
 * RateLimit-* headers). It is the test oracle, the benchmark target and the demo store.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ASSUMPTIONS } from '../dealpos/assumptions';
import { DEFAULT_SEED, DEFAULT_VARIANT_COUNT, MAX_VARIANT_COUNT, type SimVariant } from './demoData';
import { AdminFaultsSchema, applyAdminFaults, roleKey, SimulatorFaults, type RequestInfo } from './simulatorFaults';
import { key, localTimestamp, SimHttpError, SimulatorState, type RequestLogEntry, type StoredInvoice } from './simulatorState';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Generated catalog size on top of the documented and curated variants; default 5,000, max 500,000. */
  readonly variants?: number;
  /** Fixed window; default 50 requests per 180 s. */
  readonly rateLimit?: { readonly count: number; readonly seconds: number };
  readonly seed?: number;
  /** Token lifetime; default 3600 s. */
  readonly tokenTtlSeconds?: number;
  /** Serve `/__admin/faults` and `/__admin/state` (the CLI's `--faults`). */
  readonly adminRoutes?: boolean;
  /** Also send `RateLimit-Reset` (not documented by DealPOS; off by default). */
  readonly rateLimitResetHeader?: boolean;
  /** Reproduce the reported 500 on a bodyless GET that carries `Content-Type: application/json` (default on). */
  readonly contentTypeQuirk?: boolean;
  readonly now?: () => number;
}

export interface Simulator {
  /** `http://127.0.0.1:<port>` — give this to the client as `baseUrl`. */
  readonly url: string;
  readonly port: number;
  readonly state: SimulatorState;
  readonly faults: SimulatorFaults;
  /** Starts a fresh rate-limit window (tests that need a known budget). */
  resetRateLimit(): void;
  /**
   * Stops listening (new connections are refused: ECONNREFUSED, nothing sent) and drops open ones,
   * keeping all state; `acceptConnections()` listens again on the same port.
   */
  refuseConnections(): Promise<void>;
  acceptConnections(): Promise<void>;
  close(): Promise<void>;
}

type Params = Readonly<Record<string, unknown>>;
type Role = readonly [module: string, permission: string];

interface RequestContext {
  readonly method: string;
  readonly endpoint: string;
  /** Query parameters and (object) JSON body fields merged; lookups are case-insensitive. */
  readonly params: Params;
  readonly body: unknown;
  readonly headers: http.IncomingHttpHeaders;
}

interface Route {
  readonly path: string;
  readonly methods: readonly string[];
  /**
   * [module, permission] as in `You must have "VIEW" role in "Contacts" Module`, or one per HTTP
   * method; null for Token (the only route without a bearer token).
   */
  readonly role: Role | Readonly<Record<string, Role>> | null;
  readonly handle: (ctx: RequestContext) => unknown;
}

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const GET_OR_POST = ['GET', 'POST'] as const;

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const now = options.now ?? Date.now;
  const variants = options.variants ?? DEFAULT_VARIANT_COUNT;
  if (!Number.isInteger(variants) || variants < 0 || variants > MAX_VARIANT_COUNT) {
    throw new RangeError(`variants must be an integer from 0 to ${MAX_VARIANT_COUNT}, got ${variants}`);
  }
  const limit = options.rateLimit ?? { count: 50, seconds: 180 };
  if (!(limit.count > 0 && limit.seconds > 0)) throw new RangeError('rateLimit count and seconds must be positive');
  const ttlMs = (options.tokenTtlSeconds ?? 3600) * 1000;
  const state = new SimulatorState({ seed: options.seed ?? DEFAULT_SEED, variants, now });
  const faults = new SimulatorFaults(() => state.tokens.clear());
  const quirk = options.contentTypeQuirk ?? true;
  const window = { startedAt: 0, count: 0 };

  const routes = buildRoutes(state, faults, { clientId: options.clientId, clientSecret: options.clientSecret, ttlMs, now });
  const routeByPath = new Map(routes.map((r) => [r.path.toLowerCase(), r]));

  const rateHeaders = (remaining: number): Record<string, string> => {
    const headers: Record<string, string> = {
      'RateLimit-Limit': String(limit.count),
      'RateLimit-Remaining': String(Math.max(0, remaining)),
      'RateLimit-Policy': `${limit.count};w=${limit.seconds}`,
    };
    if (options.rateLimitResetHeader) {
      headers['RateLimit-Reset'] = String(Math.max(0, Math.ceil((window.startedAt + limit.seconds * 1000 - now()) / 1000)));
    }
    return headers;
  };

  /** Counts one request in the fixed window; returns the remaining count, or -1 when over the limit. */
  const countRequest = (): number => {
    const t = now();
    if (window.count === 0 || t >= window.startedAt + limit.seconds * 1000) {
      window.startedAt = t;
      window.count = 0;
    }
    window.count += 1;
    return window.count > limit.count ? -1 : limit.count - window.count;
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      // A bug in the simulator itself: answer like the real server's unhandled exception.
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ Message: 'An error has occurred.', StackTrace: error instanceof Error ? (error.stack ?? '') : String(error) }));
      }
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.pathname.startsWith('/__admin/') && options.adminRoutes) return handleAdmin(req, res, url, method);

    const apiMatch = /^\/api\/v3\/(.*?)\/?$/i.exec(url.pathname);
    const endpoint = apiMatch ? (apiMatch[1] ?? '') : url.pathname;
    const info: RequestInfo = { method, endpoint };
    const entry = state.logRequest({
      at: now(),
      method,
      path: endpoint,
      query: url.search,
      contentType: req.headers['content-type'] ?? null,
      bodyBytes: Number(req.headers['content-length'] ?? 0),
      status: 'pending',
    });

    if (apiMatch && (faults.offline || faults.takeReset(info))) {
      entry.status = 'reset';
      req.socket.destroy();
      return;
    }
    const raw = await readBody(req);
    if (raw === null) {
      entry.status = 400;
      return send(res, entry, 400, { Message: 'The request body is too large.' }, {});
    }
    if (!apiMatch) return send(res, entry, 404, { Message: `No HTTP resource was found that matches the request URI '${url.pathname}'.` }, {});

    const remaining = countRequest();
    const headers = rateHeaders(remaining);
    if (remaining < 0 || faults.takeRateLimit(info)) {
      const wait = Math.max(1, Math.ceil((window.startedAt + limit.seconds * 1000 - now()) / 1000));
      return send(res, entry, 429, { Message: `API calls quota exceeded! maximum admitted ${limit.count} per ${limit.seconds}s. Try again in ${wait} seconds.` }, { ...headers, 'RateLimit-Remaining': '0' });
    }
    const failStatus = faults.takeFailure(info);
    if (failStatus !== null) {
      return send(res, entry, failStatus, { Message: 'An error has occurred.', StackTrace: '   at DealPOS.Api.Simulator.InjectedFault()' }, headers);
    }

    const route = routeByPath.get(endpoint.toLowerCase());
    if (!route) return send(res, entry, 404, { Message: `No HTTP resource was found that matches the request URI '${url.pathname}'.` }, headers);
    if (!route.methods.includes(method)) {
      return send(res, entry, 405, { Message: `The requested resource does not support http method '${method}'.` }, headers);
    }
    if (route.role) {
      const token = bearer(req.headers.authorization);
      const expiresAt = token ? state.tokens.get(token) : undefined;
      if (expiresAt === undefined || expiresAt <= now()) {
        return send(res, entry, 401, { Message: 'Authorization has been denied for this request.' }, headers);
      }
      const role = isRole(route.role) ? route.role : route.role[method];
      const [module, permission] = role ?? ['Global', 'VIEW'];
      if (faults.forbiddenRoles.has(roleKey(module, permission))) {
        return send(res, entry, 403, { Message: `You must have "${permission}" role in "${module}" Module` }, headers);
      }
    }
    const contentType = String(req.headers['content-type'] ?? '');
    if (quirk && method === 'GET' && raw.length === 0 && contentType.toLowerCase().includes('application/json')) {
      // Reported quirk: model binding fails on an empty JSON body.
      return send(res, entry, 500, { Message: 'An error has occurred.', StackTrace: '   at System.Web.Http.ModelBinding.FormatterParameterBinding.ReadContentAsync()' }, headers);
    }

    let body: unknown;
    try {
      body = parseBody(raw, contentType);
    } catch {
      return send(res, entry, 400, { Message: 'The request is invalid: body is not valid JSON.' }, headers);
    }
    const params: Record<string, unknown> = {};
    for (const [k, v] of url.searchParams) params[k] = v;
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) Object.assign(params, body);

    let status = 200;
    let result: unknown;
    try {
      result = route.handle({ method, endpoint, params: caseInsensitive(params), body, headers: req.headers });
    } catch (error) {
      if (!(error instanceof SimHttpError)) throw error;
      status = error.status;
      result = error.status >= 500 ? { Message: error.message, StackTrace: '' } : { Message: error.message };
    }
    const delay = faults.latencyMs + faults.takeDelay(info);
    if (delay > 0) await sleep(delay);
    if (status === 200 && faults.takeDrop(info)) {
      entry.status = 'dropped';
      req.socket.destroy();
      return;
    }
    if (status === 200) {
      const garbled = faults.takeGarble(info);
      if (garbled !== null) return sendText(res, entry, status, garbled, headers);
      const mutate = faults.takeMutation(info);
      if (mutate) result = mutate(structuredClone(result));
    }
    send(res, entry, status, result, headers);
  }

  async function handleAdmin(req: http.IncomingMessage, res: http.ServerResponse, url: URL, method: string): Promise<void> {
    const raw = await readBody(req);
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/__admin/state' && method === 'GET') {
      return reply(200, {
        invoices: [...state.invoices.values()].map((i) => ({ Outlet: i.Outlet, Number: i.Number, ID: i.ID, SalesNTax: i.SalesNTax })),
        requestCounts: Object.fromEntries(state.requestCounts),
        issuedTokens: state.tokens.size,
      });
    }
    if (url.pathname === '/__admin/faults' && method === 'POST') {
      let json: unknown;
      try {
        json = JSON.parse((raw ?? Buffer.alloc(0)).toString('utf8') || '{}');
      } catch {
        return reply(400, { Message: 'Body is not valid JSON' });
      }
      const parsed = AdminFaultsSchema.safeParse(json);
      if (!parsed.success) {
        return reply(400, { Message: parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ') });
      }
      applyAdminFaults(faults, parsed.data);
      return reply(200, { Message: 'Faults updated' });
    }
    if (url.pathname === '/__admin/rate-limit/reset' && method === 'POST') {
      window.count = 0;
      return reply(200, { Message: 'Rate-limit window reset' });
    }
    reply(404, { Message: `No admin route ${method} ${url.pathname}` });
  }

  function send(res: http.ServerResponse, entry: RequestLogEntry, status: number, body: unknown, headers: Record<string, string>): void {
    sendText(res, entry, status, JSON.stringify(body), headers);
  }

  function sendText(res: http.ServerResponse, entry: RequestLogEntry, status: number, text: string, headers: Record<string, string>): void {
    entry.status = status;
    if (res.destroyed) return;
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  const listen = (port: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = (): Promise<void> =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  await listen(options.port ?? 0);
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | null = null;
  let refusing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    faults,
    resetRateLimit: () => {
      window.count = 0;
    },
    refuseConnections: () => {
      refusing ??= stopListening();
      return refusing;
    },
    acceptConnections: async () => {
      if (!refusing || closed) return;
      await refusing;
      refusing = null;
      await listen(port);
    },
    close: () => {
      closed ??= refusing ? refusing : stopListening();
      return closed;
    },
  };
}

// ------------------------------------------------------------------ routes

function buildRoutes(
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
  const customerOr404 = (customer: ReturnType<SimulatorState['customerBy']>): Record<string, unknown> => {
    if (!customer) throw new SimHttpError(404, 'Customer is not found');
    return customerFull(customer);
  };
  const pageOf = <T>(items: readonly T[], ctx: RequestContext, defaultSize: number): T[] => {
    const { pageNumber, pageSize } = paging(ctx, defaultSize);
    return items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  };
  const invoiceByParams = (ctx: RequestContext): StoredInvoice => {
    const id = str(ctx, 'ID');
    if (id) {
      const found = [...state.invoices.values()].find((i) => i.ID.toLowerCase() === id.toLowerCase());
      if (!found) throw new SimHttpError(404, `Invoice ${id} is not found`);
      return found;
    }
    const outlet = state.resolveOutlet(ctx.params);
    const number = required(ctx, 'Number');
    const invoice = state.findInvoice(outlet.Name, number);
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
    { path: 'Customer/Email', methods: GET_OR_POST, role: ['Contacts', 'VIEW'], handle: (ctx) => customerByEmailShape(state.customerBy('Email', required(ctx, 'Email'))) },
    { path: 'Customer/Code', methods: GET_OR_POST, role: ['Contacts', 'VIEW'], handle: (ctx) => customerOr404(state.customerBy('Code', required(ctx, 'Code'))) },
    {
      path: 'Customer/MobilePhone',
      methods: GET_OR_POST,
      role: ['Contacts', 'VIEW'],
      handle: (ctx) => customerOr404(state.customerBy('MobilePhone', required(ctx, 'MobilePhone'))),
    },
    {
      path: 'Customer/PIN',
      methods: GET_OR_POST,
      role: ['Contacts', 'VIEW'],
      handle: (ctx) => {
        const id = required(ctx, 'ID');
        // DOC QUIRK: the example sends the placeholder `ID=string`; it stands for the example customer.
        const customer = id === 'string' ? state.customerBy('Code', 'HW008') : state.customerBy('ID', id);
        if (!customer) throw new SimHttpError(404, 'Customer is not found');
        return { PIN: customer.PIN };
      },
    },
    {
      path: 'Customer/Detail',
      methods: GET_OR_POST,
      role: ['Contacts', 'VIEW'],
      handle: (ctx) => {
        for (const field of ['ID', 'Code', 'Email', 'MobilePhone'] as const) {
          const value = str(ctx, field);
          if (value) return customerOr404(state.customerBy(field, value));
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
            if (v) rows.push(variantRow(v));
          }
        } else {
          for (let i = start; i < Math.min(start + pageSize, state.catalog.size); i++) {
            const v = state.catalog.at(i);
            if (v) rows.push(variantRow(v));
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
        const email = str(ctx, 'Email')?.toLowerCase();
        const mobile = str(ctx, 'Mobile');
        const note = str(ctx, 'Note')?.toLowerCase();
        const from = str(ctx, 'From');
        const to = str(ctx, 'To');
        const status = str(ctx, 'Status') ?? 'Active';
        const matching = [...state.invoices.values()]
          .filter((i) => outlets.length === 0 || outlets.includes(i.Outlet.toLowerCase()))
          .filter((i) => tags.length === 0 || tags.includes((i.Tag ?? '').toLowerCase()))
          .filter((i) => !paymentState || i.PaymentState === paymentState)
          .filter((i) => !fulfillment || i.Fulfillment === fulfillment)
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
  ];
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

function customerFull(customer: ReturnType<SimulatorState['customerBy']> & object): Record<string, unknown> {
  const { PIN: _pin, ...rest } = customer;
  return rest;
}

/** Customer/Email (deprecated) answers the older shape: no ID, Mobile, boolean Gender. */
function customerByEmailShape(customer: ReturnType<SimulatorState['customerBy']>): Record<string, unknown> {
  if (!customer) throw new SimHttpError(404, 'Customer is not found');
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

function variantRow(v: SimVariant): Record<string, unknown> {
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
    OutletPrice: v.OutletPrice,
  };
}

function invoiceDetail(invoice: StoredInvoice): Record<string, unknown> {
  const { OutletID: _outletId, CustomerID: _customerId, LogisticServiceCode: _logistic, ...detail } = invoice;
  return detail;
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

function isRole(role: Role | Readonly<Record<string, Role>>): role is Role {
  return Array.isArray(role);
}

function bearer(header: string | undefined): string | null {
  const match = header ? /^bearer\s+(\S+)$/i.exec(header.trim()) : null;
  return match?.[1] ?? null;
}

/** ASP.NET binds parameters case-insensitively; mirror that for query and body fields. */
function caseInsensitive(params: Record<string, unknown>): Params {
  const lower = new Map(Object.keys(params).map((k) => [k.toLowerCase(), k]));
  return new Proxy(params, {
    get(target, property) {
      if (typeof property !== 'string') return undefined;
      const actual = property in target ? property : lower.get(property.toLowerCase());
      return actual === undefined ? undefined : target[actual];
    },
  });
}

function parseBody(raw: Buffer, contentType: string): unknown {
  if (raw.length === 0) return null;
  const text = raw.toString('utf8');
  if (contentType.toLowerCase().includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  return JSON.parse(text) as unknown;
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export { DEFAULT_SEED, DEFAULT_VARIANT_COUNT, MAX_VARIANT_COUNT };
export { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_FIXTURES } from './demoData';
export type { RequestLogEntry, StoredInvoice } from './simulatorState';
