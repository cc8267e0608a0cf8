/**
 * How far a backlog's drain has come and what the rest will cost (issue 20): "n of N sent", the
 * requests used so far, and the time left projected from the quota the sync may use. Pure
 * bookkeeping: the worker reports requests and settled invoices; `view` is read at each publish.
 */
import type { QueueDrain } from '../../shared/contract/app';

/** What sync may spend: the account's window and the slots it leaves to people. */
export interface SyncQuota {
  readonly limit: number;
  readonly windowSeconds: number;
  /** Slots of every window kept for interactive requests. */
  readonly reserve: number;
}

export class DrainProgress {
  private settled = 0;
  private requests = 0;
  private active = false;

  /** The worker is about to make a request for the outbox (send, listing or lookup). */
  requestMade(): void {
    this.active = true;
    this.requests += 1;
  }

  /** An invoice left the queue as synced or rejected during the drain. */
  invoiceSettled(): void {
    if (this.active) this.settled += 1;
  }

  /**
   * The drain as of now, or null when nothing waits (which also ends it: the next backlog starts
   * counting from zero). `pending`: invoices still waiting; `perRequest`: invoices one request sends.
   */
  view(pending: number, perRequest: number, quota: SyncQuota | null): QueueDrain | null {
    if (pending === 0) {
      this.active = false;
      this.settled = 0;
      this.requests = 0;
      return null;
    }
    if (!this.active) return null;
    const requestsLeft = Math.ceil(pending / Math.max(1, perRequest));
    const perWindow = quota ? Math.max(1, quota.limit - quota.reserve) : null;
    return {
      sent: this.settled,
      total: this.settled + pending,
      requests: this.requests,
      requestsLeft,
      timeLeftMs: quota && perWindow ? Math.round((requestsLeft / perWindow) * quota.windowSeconds * 1000) : null,
      interactiveShare: quota ? { reserved: quota.reserve, limit: quota.limit, windowSeconds: quota.windowSeconds } : null,
    };
  }
}
