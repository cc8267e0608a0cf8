/**
 * The renderer's calls to `manager.*`, each turned into an outcome a form can switch on. PINs pass
 * straight through to main; nothing here keeps them.
 */
import type { ApprovalRequest, IssuedApproval, ManagerList } from '../../shared/contract/approval';
import { PosError } from '../../shared/errors';
import { errorMessage } from '../state/errorMessage';
import { pos } from './pos';

/** Why main said no, in the cases a person can act on differently. */
export type ManagerFailure =
  | { readonly kind: 'wrong_pin'; readonly attemptsLeft: number | null; readonly field: string }
  /** `retryAt`: ISO 8601 with the register's offset, when PIN checks open again. */
  | { readonly kind: 'locked'; readonly retryAt: string | null; readonly message: string }
  | { readonly kind: 'not_configured' }
  /** `fields`: the inputs main named (e.g. `pin` when another manager has that PIN). */
  | { readonly kind: 'error'; readonly message: string; readonly fields: readonly string[] };

export type ManagerOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: ManagerFailure };

function failureOf(error: unknown): ManagerFailure {
  if (!(error instanceof PosError)) return { kind: 'error', message: errorMessage(error), fields: [] };
  const fields = error.issues.map((issue) => issue.path);
  if (error.code === 'not_configured') return { kind: 'not_configured' };
  if (error.code === 'rate_limited') {
    const retryAt = error.details?.['retryAt'];
    return { kind: 'locked', retryAt: typeof retryAt === 'string' ? retryAt : null, message: error.message };
  }
  const attemptsLeft = error.details?.['attemptsLeft'];
  if (error.code === 'forbidden' && typeof attemptsLeft === 'number') {
    return { kind: 'wrong_pin', attemptsLeft, field: fields[0] ?? 'pin' };
  }
  return { kind: 'error', message: error.message, fields };
}

async function outcome<T>(call: () => Promise<T>): Promise<ManagerOutcome<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
}

/** Asks main to approve `request` as the manager whose PIN this is. */
export function requestApproval(request: ApprovalRequest, pin: string): Promise<ManagerOutcome<IssuedApproval>> {
  return outcome(() => pos.manager.approve({ request, pin }));
}

export function listManagers(): Promise<ManagerOutcome<ManagerList>> {
  return outcome(() => pos.manager.list({}));
}

/** Adds a manager or changes one's PIN; `approverPin` is needed once any manager exists. */
export function setManager(name: string, pin: string, approverPin: string | null): Promise<ManagerOutcome<ManagerList>> {
  return outcome(() => pos.manager.set(approverPin === null ? { name, pin } : { name, pin, approverPin }));
}

export function removeManager(name: string, approverPin: string): Promise<ManagerOutcome<ManagerList>> {
  return outcome(() => pos.manager.remove({ name, approverPin }));
}
