/**
 * `manager.*` and approvals for the services that need one (issue 12): a discount beyond the limit,
 * a price override, voiding an invoice from the Queue. A manager's PIN is checked here against the
 * scrypt hash of every manager (the PIN says who approves) and never logged, stored or returned;
 * the approval it buys is good once, for two minutes, for exactly the request it was given for.
 * PIN checks run one at a time, so five wrong PINs really are five guesses, not five in parallel.
 */
import { randomUUID } from 'node:crypto';
import type { ContractHandlers } from '../../shared/contract';
import {
  approvalRequestSchema,
  MAX_MANAGERS,
  type ApprovalRequest,
  type GrantedApproval,
  type IssuedApproval,
  type ManagerList,
} from '../../shared/contract/approval';
import { ServiceError } from '../../shared/errors';
import type { Logger } from '../logging/logger';
import type { AppStateStore } from '../store/appStateStore';
import { systemIso, type IsoClock } from '../store/outboxStore';
import { ApprovalLedger, APPROVAL_TTL_MS, type RefusalReason } from './approvalLedger';
import { readGuard, readManagers, sameName, writeGuard, writeManagers, type ManagerRecord } from './managerRecords';
import { afterWrongPin, guardState, LOCKOUT_MS, OPEN_GUARD } from './pinGuard';
import { hashPin, needsRehash, pinMatches, PIN_HASH_PARAMS, type PinHashParams } from './pinHash';

export interface ApprovalServiceOptions {
  /** The current session's app state (account.session().state): managers are per database. */
  readonly state: () => AppStateStore;
  readonly logger: Logger;
  /** Wall clock, epoch ms (tests move it past expiry and lockouts). */
  readonly now?: () => number;
  /** ISO 8601 with the register's offset. */
  readonly iso?: IsoClock;
  /** scrypt cost for new hashes; the default unless a test needs many hashes quickly. */
  readonly hashParams?: PinHashParams;
  readonly approvalTtlMs?: number;
}

/** What a service that makes an approved change needs. */
export interface ApprovalConsumer {
  /**
   * Uses up `approvalId` for exactly `request`. Throws `forbidden` (issue path `approvalId`) when it
   * is unknown, already used, expired or was given for another action or value.
   */
  consume(approvalId: string, request: ApprovalRequest): GrantedApproval;
}

type ManagerHandlers = Pick<ContractHandlers, Extract<keyof ContractHandlers, `manager.${string}`>>;

const REFUSALS: Readonly<Record<RefusalReason, string>> = {
  unknown: 'This manager approval is not known (the app may have restarted); ask the manager again',
  used: 'This manager approval was already used; ask the manager again',
  expired: `This manager approval expired (they last ${APPROVAL_TTL_MS / 60_000} minutes); ask the manager again`,
  other_request: 'This manager approval was given for a different change; ask the manager to approve this one',
};

function minutes(ms: number): string {
  const n = Math.max(1, Math.ceil(ms / 60_000));
  return n === 1 ? '1 minute' : `${n} minutes`;
}

export class ApprovalService implements ApprovalConsumer {
  readonly handlers: ManagerHandlers;
  private readonly now: () => number;
  private readonly iso: IsoClock;
  private readonly hashParams: PinHashParams;
  private readonly ledger: ApprovalLedger;
  private checks: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ApprovalServiceOptions) {
    this.now = options.now ?? Date.now;
    this.iso = options.iso ?? systemIso;
    this.hashParams = options.hashParams ?? PIN_HASH_PARAMS;
    this.ledger = new ApprovalLedger(options.approvalTtlMs ?? APPROVAL_TTL_MS);
    this.handlers = {
      'manager.list': async () => this.list(),
      'manager.set': ({ name, pin, approverPin }) => this.set(name, pin, approverPin),
      'manager.remove': ({ name, approverPin }) => this.remove(name, approverPin),
      'manager.approve': ({ request, pin }) => this.approve(request, pin),
    };
  }

  list(): ManagerList {
    return { managers: readManagers(this.options.state()).map((m) => ({ name: m.name })) };
  }

  /** Adds a manager or changes one's PIN; after the first, only with an existing manager's PIN. */
  set(name: string, pin: string, approverPin: string | undefined): Promise<ManagerList> {
    return this.oneAtATime(async () => {
      const state = this.options.state();
      const before = readManagers(state);
      let approver: ManagerRecord | null = null;
      if (before.length > 0) {
        if (approverPin === undefined) {
          throw new ServiceError('forbidden', "Adding or changing a manager needs an existing manager's PIN", {
            issues: [{ path: 'approverPin', message: "Enter an existing manager's PIN" }],
          });
        }
        approver = await this.identify(state, approverPin, 'approverPin');
      }
      const existing = before.find((m) => sameName(m.name, name)) ?? null;
      if (!existing && before.length >= MAX_MANAGERS) {
        throw new ServiceError('conflict', `A register keeps at most ${MAX_MANAGERS} managers; remove one first`);
      }
      // The PIN is what says who approves, so no two managers may share one.
      const others = before.filter((m) => m !== existing);
      if ((await Promise.all(others.map((m) => pinMatches(pin, m.pin)))).includes(true)) {
        throw new ServiceError('conflict', 'Another manager already uses this PIN; choose a different one', {
          issues: [{ path: 'pin', message: 'Another manager already uses this PIN' }],
        });
      }
      const hash = await hashPin(pin, this.hashParams);
      const at = this.now();
      // Read again: identify() may have re-hashed the approver's PIN in the meantime.
      const current = readManagers(state);
      const next = existing
        ? current.map((m) => (sameName(m.name, name) ? { ...m, name, pin: hash, changedAt: at } : m))
        : [...current, { name, pin: hash, addedAt: at, changedAt: at }];
      writeManagers(state, next);
      this.options.logger.info(
        existing ? `Managers: PIN of ${name} changed` : `Managers: ${name} added`,
        approver ? { approvedBy: approver.name } : { firstManager: true },
      );
      return this.list();
    });
  }

  remove(name: string, approverPin: string): Promise<ManagerList> {
    return this.oneAtATime(async () => {
      const state = this.options.state();
      if (!readManagers(state).some((m) => sameName(m.name, name))) {
        throw new ServiceError('not_found', `There is no manager called ${name}`, { issues: [{ path: 'name', message: 'No such manager' }] });
      }
      const approver = await this.identify(state, approverPin, 'approverPin');
      writeManagers(
        state,
        readManagers(state).filter((m) => !sameName(m.name, name)),
      );
      this.options.logger.info(`Managers: ${name} removed`, { approvedBy: approver.name });
      return this.list();
    });
  }

  /** Approves `request` as the manager whose PIN this is. */
  approve(request: ApprovalRequest, pin: string): Promise<IssuedApproval> {
    return this.oneAtATime(async () => {
      const state = this.options.state();
      const manager = await this.identify(state, pin, 'pin');
      const entry = this.ledger.issue(randomUUID(), request, manager.name, state, this.now());
      this.options.logger.info(`Manager approval: ${manager.name} approved ${request.action}`, request);
      return { approvalId: entry.id, approvedBy: entry.approvedBy, expiresAt: this.iso(entry.expiresAtMs) };
    });
  }

  consume(approvalId: string, request: ApprovalRequest): GrantedApproval {
    // Normalised the way manager.approve's input was, so both sides compare the same spelling.
    const parsed = approvalRequestSchema.safeParse(request);
    const result = parsed.success
      ? this.ledger.consume(approvalId, parsed.data, this.options.state(), this.now())
      : ({ ok: false, reason: 'other_request', entry: null } as const);
    if (!result.ok) {
      const message = REFUSALS[result.reason];
      this.options.logger.warn(`Manager approval refused for ${request.action}: ${result.reason}`, result.entry ? { approvedBy: result.entry.approvedBy } : undefined);
      throw new ServiceError('forbidden', message, { issues: [{ path: 'approvalId', message }], details: { reason: result.reason } });
    }
    return { action: result.entry.action, approvedBy: result.entry.approvedBy, approvedAt: this.iso(result.entry.approvedAtMs) };
  }

  /** The manager whose PIN this is, counting wrong PINs toward the lock. */
  private async identify(state: AppStateStore, pin: string, field: string): Promise<ManagerRecord> {
    const lock = guardState(readGuard(state), this.now());
    if (lock.locked) throw this.locked(lock.until, 'Too many wrong manager PINs in a row.');
    const managers = readManagers(state);
    if (managers.length === 0) throw new ServiceError('not_configured', 'Set a manager PIN in Settings first');

    const matches = await Promise.all(managers.map((m) => pinMatches(pin, m.pin)));
    const manager = managers[matches.indexOf(true)];
    const guard = readGuard(state);
    if (!manager) {
      const outcome = afterWrongPin(guard, this.now());
      writeGuard(state, outcome.guard);
      if (outcome.lockedUntil !== null) {
        this.options.logger.warn(`Manager PIN: wrong PIN, the limit reached; PIN checks locked for ${minutes(LOCKOUT_MS)}`, { until: this.iso(outcome.lockedUntil) });
        throw this.locked(outcome.lockedUntil, 'Wrong manager PIN, and too many in a row.');
      }
      this.options.logger.info(`Manager PIN: wrong PIN (${outcome.attemptsLeft} left before a lock)`);
      const left = outcome.attemptsLeft === 1 ? '1 attempt' : `${outcome.attemptsLeft} attempts`;
      throw new ServiceError('forbidden', `Wrong manager PIN (${left} left before PIN checks lock for ${minutes(LOCKOUT_MS)})`, {
        issues: [{ path: field, message: 'Wrong manager PIN' }],
        details: { attemptsLeft: outcome.attemptsLeft },
      });
    }
    if (guard.wrong !== 0 || guard.lockedUntil !== 0) writeGuard(state, OPEN_GUARD);
    if (needsRehash(manager.pin, this.hashParams)) await this.rehash(state, manager, pin);
    return manager;
  }

  private async rehash(state: AppStateStore, manager: ManagerRecord, pin: string): Promise<void> {
    const pinHash = await hashPin(pin, this.hashParams);
    writeManagers(
      state,
      readManagers(state).map((m) => (sameName(m.name, manager.name) ? { ...m, pin: pinHash } : m)),
    );
  }

  private locked(until: number, why: string): ServiceError {
    const retryAt = this.iso(until);
    // HH:MM of the register's own clock, as the cashier reads it.
    return new ServiceError('rate_limited', `${why} Try again in ${minutes(until - this.now())} (at ${retryAt.slice(11, 16)}).`, {
      details: { retryAt, retryAfterMs: Math.max(0, until - this.now()) },
    });
  }

  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const run = this.checks.then(work);
    this.checks = run.catch(() => undefined);
    return run;
  }
}

export function createApprovalService(options: ApprovalServiceOptions): ApprovalService {
  return new ApprovalService(options);
}
