/**
 * The DealPOS role each back-office endpoint needs, as the seed documents name them, so a refusal
 * reads "your DealPOS user lacks <role>" with the role a DealPOS administrator can find.
 */
import { ServiceError } from '../../shared/errors';
import { ASSUMED_ROLES } from '../dealpos/assumptions';
import { DealPosForbiddenError } from '../dealpos/errors';

/** Keyed `METHOD endpoint`. */
const SEED_ROLES: Readonly<Record<string, string>> = {
  // seed-001 "Update an Invoice": You must have "EDIT" role in "Orders" Module OR "EDIT" role in "Global" Module
  'PUT Invoice': 'Orders EDIT (or Global EDIT)',
  // seed-001 "Delete an Invoice": You must have "DELETE" role in "Orders" Module
  'DELETE Invoice': 'Orders DELETE',
  // seed-001 "Create an Invoice": You must have "Create" role in "Sell" Module
  'POST Invoice': 'Sell CREATE',
};

/** The role to name: the seed's, else the one DealPOS named, else the assumed one. */
export function roleFor(method: string, endpoint: string, named: string | null): string {
  const key = `${method} ${endpoint}`;
  return SEED_ROLES[key] ?? named ?? ASSUMED_ROLES[key] ?? 'an unnamed role';
}

/** A 403 becomes `forbidden` naming the role (details.role); anything else passes through unchanged. */
export function withRoleNamed(error: unknown, method: string, endpoint: string): unknown {
  if (!(error instanceof DealPosForbiddenError)) return error;
  const role = roleFor(method, endpoint, error.role);
  return new ServiceError('forbidden', `Your DealPOS user lacks ${role}`, { details: { role, endpoint }, cause: error });
}
