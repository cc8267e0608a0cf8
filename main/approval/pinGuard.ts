/**
 * Wrong-PIN rate limiting for manager PINs, as pure functions over the stored record. One counter
 * for the register, not per manager: the PIN is what identifies the manager, so a guesser is not
 * trying any one person's PIN. Five wrong in a row lock PIN checks for five minutes; a right PIN
 * clears the count, and a lock that ran out starts it afresh.
 */
import { z } from 'zod';

export const MAX_WRONG_PINS = 5;
export const LOCKOUT_MS = 5 * 60_000;

export const pinGuardSchema = z.object({
  /** Wrong PINs since the last right one (or the last lock). */
  wrong: z.number().int().min(0),
  /** Epoch ms until which checks are refused; 0 when not locked. */
  lockedUntil: z.number().int().min(0),
});
export type PinGuard = z.infer<typeof pinGuardSchema>;

export const OPEN_GUARD: PinGuard = { wrong: 0, lockedUntil: 0 };

export type GuardState = { readonly locked: false } | { readonly locked: true; readonly until: number };

export function guardState(guard: PinGuard, nowMs: number): GuardState {
  return guard.lockedUntil > nowMs ? { locked: true, until: guard.lockedUntil } : { locked: false };
}

export interface WrongPinOutcome {
  readonly guard: PinGuard;
  /** Wrong PINs still allowed before the lock; 0 when this one locked. */
  readonly attemptsLeft: number;
  /** Set when this wrong PIN started a lock. */
  readonly lockedUntil: number | null;
}

export function afterWrongPin(guard: PinGuard, nowMs: number): WrongPinOutcome {
  const wrong = (guard.lockedUntil !== 0 && guard.lockedUntil <= nowMs ? 0 : guard.wrong) + 1;
  if (wrong >= MAX_WRONG_PINS) {
    const lockedUntil = nowMs + LOCKOUT_MS;
    return { guard: { wrong: 0, lockedUntil }, attemptsLeft: 0, lockedUntil };
  }
  return { guard: { wrong, lockedUntil: 0 }, attemptsLeft: MAX_WRONG_PINS - wrong, lockedUntil: null };
}
