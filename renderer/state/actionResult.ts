import type { ValidationIssue } from '../../shared/errors';
import { PosError } from '../../shared/errors';
import type { ErrorCode } from '../../shared/errors';

/** What a form-backing action reports: success, or why not — with field issues for the form to show. */
export type ActionResult<T = void> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string; readonly issues: readonly ValidationIssue[] };

/** Runs a call; a PosError becomes a failed result, anything else is a bug and propagates. */
export async function attempt<T>(call: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (error instanceof PosError) return { ok: false, code: error.code, message: error.message, issues: error.issues };
    throw error;
  }
}
