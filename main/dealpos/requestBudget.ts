/**
 * The one request budget for the whole app. DealPOS allows a fixed number of requests per window
 * (default 50 per 180 s, across every endpoint, token included) and answers 429 beyond it.
 *
 * Guarantee: the server never sees more than `limit` of our requests in ANY interval of `window`
 * length, whatever the alignment of its fixed window (which the client cannot see). A slot is held
 * from the grant until one window after the answer arrived — the server counted the request at
 * some moment in between, and we do not know when. On top,
 * the server's `RateLimit-Remaining` (which also counts other registers on the same account) and
 * 429 answers can only make it stricter, never looser.
 *
 * Priorities: interactive (checkout) > sync (outbox) > background (catalog). A waiting higher
 * priority is always served first, and lower priorities leave headroom: sync may not take the
 * last `reserve.sync` slots of the window, background not the last `reserve.background`.
 *
 * The interactive share (issue 20): while a week's backlog drains, sync would otherwise take all
 * but a couple of slots of every window, and a cashier's customer lookup, PIN check or unknown
 * code would wait for the next window — minutes at a counter. A busy counter asks DealPOS at most
 * about one such question per sale; at a sale every 30 s that is 6 per 180 s window. Sync therefore
 * leaves 20 % of the window (10 of 50) to people: the peak with room for the back office. A
 * 20,000-invoice drain then takes 40 instead of 48 requests a window (see the outbox bench).
 */
import { DealPosCancelledError, DealPosRateLimitedError } from './errors';

export type RequestPriority = 'interactive' | 'sync' | 'background';
export const REQUEST_PRIORITIES: readonly RequestPriority[] = ['interactive', 'sync', 'background'];

export interface BudgetClock {
  now(): number;
  /** Runs `callback` after `ms`; returns a function that cancels it. */
  setTimer(callback: () => void, ms: number): () => void;
}

export const systemClock: BudgetClock = {
  now: () => Date.now(),
  setTimer: (callback, ms) => {
    const handle = setTimeout(callback, Math.max(0, ms));
    return () => clearTimeout(handle);
  },
};

export interface RequestBudgetOptions {
  /** Requests per window; default 50. Replaced by `RateLimit-Limit` / `RateLimit-Policy` when seen. */
  readonly limit?: number;
  /** Window length; default 180 s. */
  readonly windowSeconds?: number;
  /**
   * Slots lower priorities leave free; defaults sync INTERACTIVE_SHARE of the limit (10 of 50),
   * background 8 or the sync reserve if larger (clamped so each still gets one).
   */
  readonly reserve?: { readonly sync?: number; readonly background?: number };
  readonly clock?: BudgetClock;
  /**
   * While the server's remaining count is unknown (fresh start, or idle for a window), send one
   * request and wait for its `RateLimit-Remaining` before sending more: after an app restart, or
   * with other registers on the same account, the server's window may already be nearly used.
   * Turned off by itself when the server sends no rate-limit headers. Default true.
   */
  readonly probeFirst?: boolean;
}

/** What one response said about the server's window. All fields optional: send what was there. */
export interface RateLimitObservation {
  readonly limit?: number;
  readonly remaining?: number;
  readonly windowSeconds?: number;
  /** Seconds until the server window resets, when the server says so. */
  readonly resetSeconds?: number;
  /** Set on a 429: how long the server wants us to wait. */
  readonly retryAfterMs?: number;
}

export interface BudgetTicket {
  readonly id: number;
  readonly priority: RequestPriority;
  readonly grantedAt: number;
}

export interface AcquireOptions {
  readonly signal?: AbortSignal;
  /** Fail fast with `rate_limited` (local) instead of queueing longer than this. */
  readonly maxWaitMs?: number;
  /** Endpoint name used in the errors this call may throw. */
  readonly label?: string;
}

export interface BudgetSnapshot {
  readonly limit: number;
  readonly windowSeconds: number;
  /** Slots an interactive request could take right now. */
  readonly remaining: number;
  /** Epoch ms at which the next slot frees (now when one is free). */
  readonly nextSlotAt: number;
  readonly blockedUntil: number | null;
  readonly inFlight: number;
  readonly queued: Readonly<Record<RequestPriority, number>>;
}

interface Waiter {
  readonly priority: RequestPriority;
  readonly resolve: (ticket: BudgetTicket) => void;
  readonly reject: (error: Error) => void;
  readonly cleanup: () => void;
}

interface ServerView {
  /** Grants still allowed before `expiresAt`, per the server's last word. */
  cap: number;
  lastRemaining: number;
  expiresAt: number;
  /** First ticket id granted after this view was last replaced: older tickets carry older news. */
  freshFromTicket: number;
}

const DEFAULT_LIMIT = 50;
/** Share of every window sync leaves to interactive requests when no reserve is configured. */
export const INTERACTIVE_SHARE = 0.2;
const DEFAULT_WINDOW_SECONDS = 180;

export class RequestBudget {
  private limit: number;
  private windowMs: number;
  /** null: the default, a share of the current limit (the limit can change with the server's headers). */
  private readonly reserveConfig: { sync: number | null; background: number };
  private readonly clock: BudgetClock;
  private readonly probeFirst: boolean;
  /** Set when answers arrive without rate-limit headers: then only our own count can be used. */
  private headerless = false;
  /** Tickets granted and not yet settled: each holds a slot until one window after it settles. */
  private readonly inFlight = new Set<number>();
  /** Times at which settled slots free, ascending (settle time + window, and the clock only moves on). */
  private readonly settledUntil: number[] = [];
  private readonly queues: Record<RequestPriority, Waiter[]> = { interactive: [], sync: [], background: [] };
  private server: ServerView | null = null;
  private blockedUntil = 0;
  private nextTicketId = 1;
  private cancelTimer: (() => void) | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private readonly listeners = new Set<(snapshot: BudgetSnapshot) => void>();

  constructor(options: RequestBudgetOptions = {}) {
    this.limit = positiveInt(options.limit, DEFAULT_LIMIT);
    this.windowMs = positiveInt(options.windowSeconds, DEFAULT_WINDOW_SECONDS) * 1000;
    this.reserveConfig = {
      sync: options.reserve?.sync === undefined ? null : Math.max(0, Math.floor(options.reserve.sync)),
      background: Math.max(0, Math.floor(options.reserve?.background ?? 8)),
    };
    this.clock = options.clock ?? systemClock;
    this.probeFirst = options.probeFirst ?? true;
  }

  /** Waits for a slot. Resolves in priority order; rejects with `cancelled` or (maxWaitMs) `rate_limited`. */
  acquire(priority: RequestPriority, options: AcquireOptions = {}): Promise<BudgetTicket> {
    const label = options.label ?? 'request';
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(new DealPosCancelledError(label, false));
    if (this.queues[priority].length === 0 && !this.hasWaiterAbove(priority) && this.canGrant(priority)) {
      return Promise.resolve(this.grant(priority));
    }
    if (options.maxWaitMs !== undefined) {
      const wait = this.estimateWait(priority);
      if (wait > options.maxWaitMs) return Promise.reject(new DealPosRateLimitedError(label, wait, true));
    }
    return new Promise<BudgetTicket>((resolve, reject) => {
      let cancelMaxWait: (() => void) | null = null;
      const onAbort = (): void => {
        this.removeWaiter(waiter);
        reject(new DealPosCancelledError(label, false));
      };
      const waiter: Waiter = {
        priority,
        resolve,
        reject,
        cleanup: () => {
          signal?.removeEventListener('abort', onAbort);
          cancelMaxWait?.();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      if (options.maxWaitMs !== undefined) {
        cancelMaxWait = this.clock.setTimer(() => {
          this.removeWaiter(waiter);
          reject(new DealPosRateLimitedError(label, Math.max(0, this.estimateWait(priority)), true));
        }, options.maxWaitMs);
      }
      this.queues[priority].push(waiter);
      this.pump();
    });
  }

  /**
   * Reports that a granted request finished, with what its answer said about the server's window:
   * `undefined` when there was no answer (network failure, timeout, cancel), `{}` for an answer
   * without rate-limit headers. Call exactly once per ticket.
   */
  settle(ticket: BudgetTicket, observation?: RateLimitObservation): void {
    // Answered, so the server has counted it: it is no longer "in flight" for the Remaining maths,
    // and it holds its slot for one (possibly just learnt) window from now.
    const wasInFlight = this.inFlight.delete(ticket.id);
    if (observation) {
      if (observation.remaining === undefined && observation.retryAfterMs === undefined) this.headerless = true;
      this.apply(observation, ticket.id);
    }
    if (wasInFlight) {
      const until = this.clock.now() + this.windowMs;
      // Keep ascending even if the window length changed in between.
      let index = this.settledUntil.length;
      while (index > 0 && (this.settledUntil[index - 1] ?? 0) > until) index--;
      this.settledUntil.splice(index, 0, until);
    }
    this.pump();
    this.emit();
  }

  /**
   * The request of `ticket` certainly never reached DealPOS (connection refused, name not found):
   * its slot is free again at once, so tries while offline do not eat the window. Call instead of
   * `settle`, exactly once.
   */
  release(ticket: BudgetTicket): void {
    if (!this.inFlight.delete(ticket.id)) return;
    if (this.server && ticket.id >= this.server.freshFromTicket) this.server.cap += 1;
    this.pump();
    this.emit();
  }

  /** What background work (the catalog sync) may use: its slots per window, and how long one asked now would wait. */
  backgroundPace(): { readonly perWindow: number; readonly windowMs: number; readonly waitMs: number } {
    return { perWindow: Math.max(1, this.limit - this.reserveFor('background')), windowMs: this.windowMs, waitMs: this.estimateWait('background') };
  }

  /** Slots sync leaves to interactive requests in every window (for the drain's projection). */
  syncReserve(): number {
    return this.reserveFor('sync');
  }

  /** Applies rate-limit information that did not come with a ticket. */
  observe(observation: RateLimitObservation): void {
    this.apply(observation, this.nextTicketId);
    this.pump();
    this.emit();
  }

  /** `ticketId`: the request the observation came with (newer tickets carry newer server state). */
  private apply(observation: RateLimitObservation, ticketId: number): void {
    const now = this.clock.now();
    if (observation.limit !== undefined && observation.limit > 0) this.limit = Math.floor(observation.limit);
    if (observation.windowSeconds !== undefined && observation.windowSeconds > 0) {
      this.windowMs = Math.floor(observation.windowSeconds * 1000);
    }
    if (observation.retryAfterMs !== undefined) {
      this.blockedUntil = Math.max(this.blockedUntil, now + Math.max(0, observation.retryAfterMs));
      this.server = { cap: 0, lastRemaining: 0, expiresAt: this.blockedUntil, freshFromTicket: this.nextTicketId };
    } else if (observation.remaining !== undefined) {
      this.headerless = false;
      // Requests still in flight may already be counted by the server, or not yet: assume not.
      const cap = Math.max(0, Math.floor(observation.remaining) - this.inFlight.size);
      const expiresAt =
        observation.resetSeconds !== undefined ? now + observation.resetSeconds * 1000 : now + this.windowMs;
      const current = this.activeServerView(now);
      // A higher figure means the server window rolled over — unless it comes from a request sent
      // before the current view was formed (answers overtake each other), which is old news.
      const windowRolledOver = current !== null && observation.remaining > current.lastRemaining && ticketId >= current.freshFromTicket;
      if (current === null || windowRolledOver || observation.resetSeconds !== undefined) {
        this.server = { cap, lastRemaining: observation.remaining, expiresAt, freshFromTicket: this.nextTicketId };
      } else {
        // Same server window: remaining only goes down, so keep the stricter of the two views.
        current.cap = Math.min(current.cap, cap);
        current.lastRemaining = Math.min(current.lastRemaining, observation.remaining);
        current.expiresAt = Math.min(current.expiresAt, expiresAt);
      }
    }
  }

  /** Slots a request of `priority` could take right now without waiting. */
  remaining(priority: RequestPriority = 'interactive'): number {
    return this.capacity(this.clock.now(), priority);
  }

  /** Epoch ms when the next slot frees for an interactive request (now if one is free). */
  windowResetsAt(): number {
    const now = this.clock.now();
    return now + this.estimateWait('interactive');
  }

  snapshot(): BudgetSnapshot {
    const now = this.clock.now();
    return {
      limit: this.limit,
      windowSeconds: this.windowMs / 1000,
      remaining: this.capacity(now, 'interactive'),
      nextSlotAt: now + this.estimateWait('interactive'),
      blockedUntil: this.blockedUntil > now ? this.blockedUntil : null,
      inFlight: this.inFlight.size,
      queued: {
        interactive: this.queues.interactive.length,
        sync: this.queues.sync.length,
        background: this.queues.background.length,
      },
    };
  }

  /** Called after every grant, settle and observation (for a status display); returns an unsubscribe function. */
  onChange(listener: (snapshot: BudgetSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Rejects every waiter (app shutdown). */
  close(): void {
    for (const priority of REQUEST_PRIORITIES) {
      for (const waiter of this.queues[priority].splice(0)) {
        waiter.cleanup();
        waiter.reject(new DealPosCancelledError('request', false));
      }
    }
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
  }

  // ------------------------------------------------------------------ internals

  private reserveFor(priority: RequestPriority): number {
    const ceiling = Math.max(0, this.limit - 1);
    const sync = Math.min(this.reserveConfig.sync ?? Math.ceil(this.limit * INTERACTIVE_SHARE), ceiling);
    if (priority === 'interactive') return 0;
    if (priority === 'sync') return sync;
    return Math.max(sync, Math.min(this.reserveConfig.background, ceiling));
  }

  private prune(now: number): void {
    while (this.settledUntil.length > 0 && (this.settledUntil[0] ?? 0) <= now) this.settledUntil.shift();
  }

  private held(): number {
    return this.inFlight.size + this.settledUntil.length;
  }

  private activeServerView(now: number): ServerView | null {
    if (this.server && this.server.expiresAt <= now) this.server = null;
    return this.server;
  }

  /** Slots `priority` may take now: our own window count and the server's figure, minus headroom. */
  private capacity(now: number, priority: RequestPriority): number {
    if (now < this.blockedUntil) return 0;
    this.prune(now);
    const reserve = this.reserveFor(priority);
    let capacity = this.limit - this.held() - reserve;
    const server = this.activeServerView(now);
    if (server) capacity = Math.min(capacity, server.cap - reserve);
    else if (this.probeFirst && !this.headerless) capacity = Math.min(capacity, this.inFlight.size === 0 ? 1 : 0);
    return Math.max(0, capacity);
  }

  private canGrant(priority: RequestPriority): boolean {
    return this.capacity(this.clock.now(), priority) > 0;
  }

  private hasWaiterAbove(priority: RequestPriority): boolean {
    for (const p of REQUEST_PRIORITIES) {
      if (p === priority) return false;
      if (this.queues[p].length > 0) return true;
    }
    return false;
  }

  private grant(priority: RequestPriority): BudgetTicket {
    const now = this.clock.now();
    if (this.server) this.server.cap -= 1;
    const ticket: BudgetTicket = { id: this.nextTicketId++, priority, grantedAt: now };
    this.inFlight.add(ticket.id);
    this.emit();
    return ticket;
  }

  private removeWaiter(waiter: Waiter): void {
    const queue = this.queues[waiter.priority];
    const index = queue.indexOf(waiter);
    if (index >= 0) queue.splice(index, 1);
    waiter.cleanup();
    this.pump();
  }

  /** Grants to the head of the highest non-empty queue while it may go, then arms one timer. */
  private pump(): void {
    for (;;) {
      const priority = REQUEST_PRIORITIES.find((p) => this.queues[p].length > 0);
      if (!priority || !this.canGrant(priority)) break;
      const waiter = this.queues[priority].shift();
      if (!waiter) break;
      waiter.cleanup();
      waiter.resolve(this.grant(priority));
    }
    this.armTimer();
  }

  private armTimer(): void {
    const waiting = REQUEST_PRIORITIES.some((p) => this.queues[p].length > 0);
    const now = this.clock.now();
    const at = waiting ? this.nextChangeAt(now) : Number.POSITIVE_INFINITY;
    if (at === this.timerAt) return;
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.timerAt = at;
    if (Number.isFinite(at)) {
      this.cancelTimer = this.clock.setTimer(() => {
        this.cancelTimer = null;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.pump();
      }, at - now);
    }
  }

  /** The next moment availability can grow: a slot frees, a block ends, or the server view expires. */
  private nextChangeAt(now: number): number {
    const candidates: number[] = [];
    if (this.blockedUntil > now) candidates.push(this.blockedUntil);
    const first = this.settledUntil[0];
    if (first !== undefined) candidates.push(first);
    const server = this.activeServerView(now);
    if (server) candidates.push(server.expiresAt);
    const later = candidates.filter((t) => t > now);
    return later.length > 0 ? Math.min(...later) : Number.POSITIVE_INFINITY;
  }

  /** Best estimate of how long a new request of `priority` would wait, counting the queue ahead of it. */
  private estimateWait(priority: RequestPriority): number {
    const now = this.clock.now();
    let ahead = 0;
    for (const p of REQUEST_PRIORITIES) {
      ahead += this.queues[p].length;
      if (p === priority) break;
    }
    const needed = ahead + 1 + this.reserveFor(priority);
    const serverView = this.activeServerView(now);
    let at = Math.max(now, this.blockedUntil);
    if (serverView && serverView.cap < needed) at = Math.max(at, serverView.expiresAt);
    this.prune(now);
    const freeNow = this.limit - this.held();
    if (freeNow < needed) {
      const index = needed - freeNow - 1;
      // Slots still in flight are assumed to be answered now: an optimistic estimate.
      const freeAt = index < this.settledUntil.length ? this.settledUntil[index] : now + this.windowMs;
      // More needed than the window holds: at least one more full window per `limit` slots.
      const extraWindows = Math.floor(index / Math.max(1, this.limit));
      if (freeAt !== undefined) at = Math.max(at, freeAt + this.windowMs * extraWindows);
    }
    return at - now;
  }

  private emit(): void {
    if (this.listeners.size === 0) return;
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }
}

function positiveInt(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

/** Reads `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Policy` (`50;w=180`) and `RateLimit-Reset`. */
export function readRateLimitHeaders(headers: Headers): RateLimitObservation {
  const int = (name: string): number | undefined => {
    const raw = headers.get(name);
    if (raw === null) return undefined;
    const value = Number.parseInt(raw.trim(), 10);
    return Number.isFinite(value) && value >= 0 ? value : undefined;
  };
  const policy = headers.get('ratelimit-policy');
  let policyLimit: number | undefined;
  let windowSeconds: number | undefined;
  if (policy) {
    const match = /^\s*(\d+)\s*(?:;.*?\bw\s*=\s*(\d+))?/.exec(policy);
    if (match) {
      policyLimit = Number.parseInt(match[1] ?? '', 10);
      const w = match[2] ? Number.parseInt(match[2], 10) : undefined;
      if (w !== undefined && w > 0) windowSeconds = w;
    }
  }
  const limit = int('ratelimit-limit') ?? policyLimit;
  const remaining = int('ratelimit-remaining');
  const resetSeconds = int('ratelimit-reset');
  return {
    ...(limit !== undefined ? { limit } : {}),
    ...(remaining !== undefined ? { remaining } : {}),
    ...(windowSeconds !== undefined ? { windowSeconds } : {}),
    ...(resetSeconds !== undefined ? { resetSeconds } : {}),
  };
}
