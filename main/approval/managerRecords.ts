/**
 * Where managers and the wrong-PIN count live: two documents in the session's app state (so demo
 * managers are not live ones, and a restart keeps a lock). Only scrypt hashes are stored.
 */
import { z } from 'zod';
import { ServiceError } from '../../shared/errors';
import type { AppStateStore } from '../store/appStateStore';
import { OPEN_GUARD, pinGuardSchema, type PinGuard } from './pinGuard';
import { pinHashSchema } from './pinHash';

const MANAGERS_KEY = 'managers';
const GUARD_KEY = 'managerPinGuard';

const managerSchema = z.object({
  name: z.string().min(1),
  pin: pinHashSchema,
  /** Epoch ms. */
  addedAt: z.number().int(),
  changedAt: z.number().int(),
});
export type ManagerRecord = z.infer<typeof managerSchema>;

const managersSchema = z.array(managerSchema);

/**
 * A damaged list fails closed: read as "no managers", it would let anyone at the counter set
 * themselves up as the first one.
 */
export function readManagers(state: AppStateStore): ManagerRecord[] {
  const raw: unknown = state.get(MANAGERS_KEY, z.unknown());
  if (raw === null) return [];
  const parsed = managersSchema.safeParse(raw);
  if (!parsed.success) throw new ServiceError('storage', 'The stored manager list cannot be read; manager approvals are unavailable (see the app log)');
  return parsed.data;
}

export function writeManagers(state: AppStateStore, managers: readonly ManagerRecord[]): void {
  state.set(MANAGERS_KEY, managers);
}

export function readGuard(state: AppStateStore): PinGuard {
  return state.get(GUARD_KEY, pinGuardSchema) ?? OPEN_GUARD;
}

export function writeGuard(state: AppStateStore, guard: PinGuard): void {
  state.set(GUARD_KEY, guard);
}

/** Names are matched ignoring case, so "Budi" and "budi" are one manager. */
export function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en') === b.toLocaleLowerCase('en');
}
