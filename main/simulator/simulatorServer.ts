/**
 * The embedded DealPOS simulator: a real HTTP server on 127.0.0.1 that serves the API v3 endpoints
 * the app uses, with the documented shapes and quirks (PascalCase, GET-with-body and its POST
 * alias, 400 {Message}, 500 {Message, StackTrace}, 401/403/404, a fixed-window rate limit with
 * RateLimit-* headers). It is the test oracle, the benchmark target and the demo store.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SEED, DEFAULT_VARIANT_COUNT, MAX_VARIANT_COUNT } from './demoData';
import { AdminFaultsSchema, applyAdminFaults, roleKey, SimulatorFaults, type RequestInfo } from './simulatorFaults';
import { buildRoutes, isRole, type Params } from './simulatorRoutes';
import { SimHttpError, SimulatorState, type RequestLogEntry } from './simulatorState';

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

const MAX_BODY_BYTES = 64 * 1024 * 1024;

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

// ------------------------------------------------------------------ HTTP helpers

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
