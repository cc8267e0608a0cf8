/**
 * Approvals a manager gave and nobody has used yet, in memory only: an approval is for the change
 * being made right now, so a restart rightly forgets it. Each is bound to the canonical JSON of the
 * exact request and to the session (the state store) it was given in, good once, until it expires.
 * Used ones are remembered until they would have expired, so a second use says "already used".
 */
import type { ApprovalAction, ApprovalRequest } from '../../shared/contract/approval';
import { canonicalJson } from './canonicalJson';

export const APPROVAL_TTL_MS = 2 * 60_000;
/** Far more than a counter can have open at once; beyond it the oldest are dropped. */
const MAX_KEPT = 1_000;

export interface LedgerEntry {
  readonly id: string;
  readonly action: ApprovalAction;
  readonly approvedBy: string;
  readonly approvedAtMs: number;
  readonly expiresAtMs: number;
}

interface Kept extends LedgerEntry {
  readonly binding: string;
  readonly owner: object;
  used: boolean;
}

export type RefusalReason = 'unknown' | 'used' | 'expired' | 'other_request';

export type ConsumeResult = { readonly ok: true; readonly entry: LedgerEntry } | { readonly ok: false; readonly reason: RefusalReason; readonly entry: LedgerEntry | null };

export class ApprovalLedger {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly ttlMs: number = APPROVAL_TTL_MS) {}

  issue(id: string, request: ApprovalRequest, approvedBy: string, owner: object, nowMs: number): LedgerEntry {
    this.prune(nowMs);
    const entry: Kept = {
      id,
      action: request.action,
      approvedBy,
      approvedAtMs: nowMs,
      expiresAtMs: nowMs + this.ttlMs,
      binding: canonicalJson(request),
      owner,
      used: false,
    };
    this.kept.set(id, entry);
    if (this.kept.size > MAX_KEPT) {
      const oldest = this.kept.keys().next().value;
      if (oldest !== undefined) this.kept.delete(oldest);
    }
    return entry;
  }

  /** Uses the approval up if it is this session's, unused, unexpired and for exactly `request`. Any attempt uses it up. */
  consume(id: string, request: ApprovalRequest, owner: object, nowMs: number): ConsumeResult {
    this.prune(nowMs);
    const entry = this.kept.get(id);
    if (!entry || entry.owner !== owner) return { ok: false, reason: 'unknown', entry: null };
    if (entry.used) return { ok: false, reason: 'used', entry };
    // Spent even when refused: an approval that was tried on something else is not left to probe with.
    entry.used = true;
    if (entry.expiresAtMs <= nowMs) return { ok: false, reason: 'expired', entry };
    if (entry.binding !== canonicalJson(request)) return { ok: false, reason: 'other_request', entry };
    return { ok: true, entry };
  }

  /** Forgets what expired a while ago (kept one extra TTL so a late use still hears "expired"). */
  private prune(nowMs: number): void {
    for (const [id, entry] of this.kept) if (entry.expiresAtMs + this.ttlMs <= nowMs) this.kept.delete(id);
  }
}
