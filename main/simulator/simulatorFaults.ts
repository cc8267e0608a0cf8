/**
 * Fault knobs for the simulator. Tests set them in-process; `--faults` exposes the same knobs over
 * `POST /__admin/faults`. Counted faults ("next N") apply to requests matching an optional
 * endpoint filter; without one they skip Token/OAuth2 so a test's own token fetch is not eaten.
 */
import { z } from 'zod';

export type EndpointMatcher = string | RegExp;

export interface FaultFilter {
  /** Endpoint relative to /api/v3 (case-insensitive exact match) or a RegExp tested against it. */
  readonly path?: EndpointMatcher;
  readonly method?: string;
}

interface CountedFault<T> {
  remaining: number;
  readonly filter: FaultFilter;
  readonly data: T;
}

export interface RequestInfo {
  readonly method: string;
  /** Endpoint relative to /api/v3, e.g. `Invoice/List`. */
  readonly endpoint: string;
}

const TOKEN_ENDPOINT = /^token\/oauth2$/i;
const INVOICE_CREATE: FaultFilter = { path: /^invoice(\/list)?$/i, method: 'POST' };

export class SimulatorFaults {
  /** Every API request's connection is destroyed before it is processed (admin routes still work). */
  offline = false;
  /** Added before every API response is written (the request is processed first). */
  latencyMs = 0;
  /** Roles refused with 403, as `Module PERMISSION`, e.g. `Sell CREATE`. */
  readonly forbiddenRoles = new Set<string>();
  private readonly failures: CountedFault<{ status: number }>[] = [];
  private readonly rateLimits: CountedFault<null>[] = [];
  private readonly resets: CountedFault<null>[] = [];
  private readonly drops: CountedFault<null>[] = [];
  private readonly delays: CountedFault<{ ms: number }>[] = [];
  private readonly invoiceRejections: string[] = [];
  private readonly mutations: CountedFault<{ mutate: (body: unknown) => unknown }>[] = [];
  private readonly garbles: CountedFault<{ text: string }>[] = [];

  constructor(private readonly revokeTokens: () => void) {}

  /** Next `count` matching requests answer `status` (default 500) `{Message, StackTrace}` without being processed. */
  failNext(count: number, options: FaultFilter & { readonly status?: number } = {}): void {
    this.failures.push({ remaining: count, filter: options, data: { status: options.status ?? 500 } });
  }

  /** Next `count` matching requests answer 429 as if the window were exhausted. */
  rateLimitNext(count: number, filter: FaultFilter = {}): void {
    this.rateLimits.push({ remaining: count, filter, data: null });
  }

  /** Next `count` matching requests: connection reset before the request is processed. */
  resetNext(count: number, filter: FaultFilter = {}): void {
    this.resets.push({ remaining: count, filter, data: null });
  }

  /**
   * Next `count` matching requests are fully processed (an invoice is stored) and then the
   * connection is destroyed before any answer. Default filter: invoice creation (Invoice, Invoice/List).
   */
  dropResponseNext(count: number, filter: FaultFilter = INVOICE_CREATE): void {
    this.drops.push({ remaining: count, filter, data: null });
  }

  /** Next `count` matching requests are answered `ms` later than usual. */
  delayNext(count: number, ms: number, filter: FaultFilter = {}): void {
    this.delays.push({ remaining: count, filter, data: { ms } });
  }

  /**
   * Next `count` matching successful answers are passed through `mutate` before sending — a
   * server whose response shape drifted (a field renamed, removed or of another type).
   */
  mutateNext(count: number, mutate: (body: unknown) => unknown, filter: FaultFilter = {}): void {
    this.mutations.push({ remaining: count, filter, data: { mutate } });
  }

  /** Next `count` matching successful answers are replaced by `text` (e.g. an HTML error page). */
  garbleNext(count: number, text: string, filter: FaultFilter = {}): void {
    this.garbles.push({ remaining: count, filter, data: { text } });
  }

  /** The next invoice create (each item of Invoice/List counts) is refused with 400 `{Message: message}`. */
  rejectNextInvoice(message = 'Invoice rejected by the simulator'): void {
    this.invoiceRejections.push(message);
  }

  /** Every token issued so far stops working now (the next call gets 401). */
  expireTokens(): void {
    this.revokeTokens();
  }

  /** Refuse a role, e.g. `forbidRole('Sell CREATE')` makes invoice creation answer 403. */
  forbidRole(role: string): void {
    this.forbiddenRoles.add(normaliseRole(role));
  }

  allowRole(role: string): void {
    this.forbiddenRoles.delete(normaliseRole(role));
  }

  clear(): void {
    this.offline = false;
    this.latencyMs = 0;
    this.forbiddenRoles.clear();
    this.failures.length = 0;
    this.rateLimits.length = 0;
    this.resets.length = 0;
    this.drops.length = 0;
    this.delays.length = 0;
    this.invoiceRejections.length = 0;
    this.mutations.length = 0;
    this.garbles.length = 0;
  }

  // ------------------------------------------------------------------ used by the server

  takeFailure(request: RequestInfo): number | null {
    return take(this.failures, request)?.status ?? null;
  }
  takeRateLimit(request: RequestInfo): boolean {
    return take(this.rateLimits, request) !== undefined;
  }
  takeReset(request: RequestInfo): boolean {
    return take(this.resets, request) !== undefined;
  }
  takeDrop(request: RequestInfo): boolean {
    return take(this.drops, request) !== undefined;
  }
  takeDelay(request: RequestInfo): number {
    return take(this.delays, request)?.ms ?? 0;
  }
  takeMutation(request: RequestInfo): ((body: unknown) => unknown) | null {
    return take(this.mutations, request)?.mutate ?? null;
  }
  takeGarble(request: RequestInfo): string | null {
    return take(this.garbles, request)?.text ?? null;
  }
  takeInvoiceRejection(): string | null {
    return this.invoiceRejections.shift() ?? null;
  }
}

function normaliseRole(role: string): string {
  const [module = '', permission = ''] = role.trim().split(/\s+/);
  return `${module.toLowerCase()} ${permission.toUpperCase()}`;
}

export function roleKey(module: string, permission: string): string {
  return normaliseRole(`${module} ${permission}`);
}

function matches(filter: FaultFilter, request: RequestInfo): boolean {
  if (filter.method && filter.method.toUpperCase() !== request.method) return false;
  if (filter.path === undefined) return !TOKEN_ENDPOINT.test(request.endpoint);
  if (typeof filter.path === 'string') return filter.path.toLowerCase() === request.endpoint.toLowerCase();
  return filter.path.test(request.endpoint);
}

function take<T>(list: CountedFault<T>[], request: RequestInfo): T | undefined {
  const index = list.findIndex((fault) => fault.remaining > 0 && matches(fault.filter, request));
  if (index < 0) return undefined;
  const fault = list[index];
  if (!fault) return undefined;
  fault.remaining -= 1;
  if (fault.remaining <= 0) list.splice(index, 1);
  return fault.data;
}

/** Body of `POST /__admin/faults` (the admin route exists only with `--faults`). */
const filterSchema = { path: z.string().optional(), method: z.string().optional() };
export const AdminFaultsSchema = z.strictObject({
  offline: z.boolean().optional(),
  latencyMs: z.number().int().min(0).optional(),
  failNext: z.object({ count: z.number().int().min(1), status: z.number().int().min(500).max(599).optional(), ...filterSchema }).optional(),
  rateLimitNext: z.object({ count: z.number().int().min(1), ...filterSchema }).optional(),
  resetNext: z.object({ count: z.number().int().min(1), ...filterSchema }).optional(),
  dropResponseNext: z.object({ count: z.number().int().min(1), ...filterSchema }).optional(),
  delayNext: z.object({ count: z.number().int().min(1), ms: z.number().int().min(0), ...filterSchema }).optional(),
  rejectNextInvoice: z.object({ message: z.string().min(1) }).optional(),
  expireTokens: z.literal(true).optional(),
  forbidRole: z.string().min(1).optional(),
  allowRole: z.string().min(1).optional(),
  clear: z.literal(true).optional(),
});
export type AdminFaults = z.infer<typeof AdminFaultsSchema>;

export function applyAdminFaults(faults: SimulatorFaults, body: AdminFaults): void {
  const filter = (f: { path?: string | undefined; method?: string | undefined }): FaultFilter => ({
    ...(f.path !== undefined ? { path: f.path } : {}),
    ...(f.method !== undefined ? { method: f.method } : {}),
  });
  if (body.clear) faults.clear();
  if (body.offline !== undefined) faults.offline = body.offline;
  if (body.latencyMs !== undefined) faults.latencyMs = body.latencyMs;
  if (body.failNext) faults.failNext(body.failNext.count, { ...filter(body.failNext), ...(body.failNext.status ? { status: body.failNext.status } : {}) });
  if (body.rateLimitNext) faults.rateLimitNext(body.rateLimitNext.count, filter(body.rateLimitNext));
  if (body.resetNext) faults.resetNext(body.resetNext.count, filter(body.resetNext));
  if (body.dropResponseNext) {
    const f = filter(body.dropResponseNext);
    if (f.path !== undefined || f.method !== undefined) faults.dropResponseNext(body.dropResponseNext.count, f);
    else faults.dropResponseNext(body.dropResponseNext.count);
  }
  if (body.delayNext) faults.delayNext(body.delayNext.count, body.delayNext.ms, filter(body.delayNext));
  if (body.rejectNextInvoice) faults.rejectNextInvoice(body.rejectNextInvoice.message);
  if (body.expireTokens) faults.expireTokens();
  if (body.forbidRole) faults.forbidRole(body.forbidRole);
  if (body.allowRole) faults.allowRole(body.allowRole);
}
