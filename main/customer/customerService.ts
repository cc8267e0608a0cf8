/**
 * `customer.*`: customer lookup and PIN checks against DealPOS at checkout (interactive) priority.
 * Customers DealPOS returns are remembered in the session's `CustomerStore`, which answers only
 * when DealPOS cannot be reached. The customer's real PIN is fetched, compared here in constant
 * time and dropped; it is never logged, stored (not even in the cache) or sent to the renderer.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { ContractHandlers } from '../../shared/contract';
import type { CustomerLookupBy, CustomerLookupResult, PinCheck } from '../../shared/contract/customer';
import { mobileLookupForms } from '../../shared/customer/mobileKey';
import { ServiceError } from '../../shared/errors';
import type { SaleCustomer } from '../../shared/sale/sale';
import type { CallOptions, DealPosClient } from '../dealpos/dealPosClient';
import type { Customer } from '../dealpos/schemas';
import type { CustomerStore } from '../store/customerStore';
import { StoreError } from '../store/storeError';
import { systemIso, type IsoClock } from '../store/outboxStore';

export interface CustomerServiceOptions {
  /** The current session's client; null in setup mode. */
  readonly client: () => DealPosClient | null;
  /** The current session's customer cache; null while the app switches sessions. */
  readonly cache: () => CustomerStore | null;
  readonly now?: () => number;
  readonly iso?: IsoClock;
  /** Told when the cache could not keep a customer DealPOS returned; the lookup still answers. */
  readonly onCacheWriteFailed?: (error: StoreError) => void;
}

/** How long a PIN proof stays good: the cashier redeems right after the customer types the PIN. */
export const PIN_PROOF_TTL_MS = 5 * 60_000;
/** Customers remembered as returned; a counter serves far fewer in one session. */
const RETURNED_LIMIT = 1_000;

/** Wrong PINs tolerated per customer before checks pause, and for how long. */
export const PIN_MAX_FAILURES = 5;
export const PIN_LOCKOUT_MS = 5 * 60_000;

/** A cashier is waiting: give up rather than queue behind a long rate-limit wait. */
const CALL: CallOptions = { priority: 'interactive', timeoutMs: 10_000, maxWaitMs: 10_000 };

type CustomerHandlers = Pick<ContractHandlers, 'customer.lookup' | 'customer.verifyPin'>;

/** A customer as main last returned them to the checkout: the copy a sale takes its details from. */
export interface ReturnedCustomer {
  readonly customer: SaleCustomer;
  /** Set when the details came from the offline cache. */
  readonly seenAt: string | null;
}

export interface CustomerService {
  lookup(by: CustomerLookupBy, value: string): Promise<CustomerLookupResult | null>;
  verifyPin(customerId: string, pin: string): Promise<PinCheck>;
  /** The customer with this id as main returned them in this session, or null if main never did. */
  returned(customerId: string): ReturnedCustomer | null;
  /** Uses up a PIN proof: true only if `customer.verifyPin` issued it for this customer, unused and unexpired. */
  consumeProof(proof: string, customerId: string): boolean;
  /** Forgets returned customers and proofs (the session changed: demo customers never meet live ones). */
  forget(): void;
  readonly handlers: CustomerHandlers;
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function points(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

export function toSaleCustomer(customer: Customer): SaleCustomer {
  return {
    id: customer.ID,
    code: customer.Code,
    name: customer.Name,
    email: blankToNull(customer.Email),
    mobile: blankToNull(customer.MobilePhone) ?? blankToNull(customer.Phone),
    group: blankToNull(customer.Group),
    loyaltyPoints: points(customer.LoyaltyPoint),
  };
}

function samePin(typed: string, actual: string): boolean {
  const a = Buffer.from(typed, 'utf8');
  const b = Buffer.from(actual, 'utf8');
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}

function isNotFound(error: unknown): boolean {
  return error instanceof ServiceError && error.code === 'not_found';
}

/** DealPOS could not be asked at all, as opposed to answering (no such customer, refused, busy). */
function isUnreachable(error: unknown): boolean {
  return error instanceof ServiceError && (error.code === 'network' || error.code === 'timeout');
}

export function createCustomerService(options: CustomerServiceOptions): CustomerService {
  const now = options.now ?? Date.now;
  const iso = options.iso ?? systemIso;
  const failures = new Map<string, { count: number; lockedUntil: number }>();
  const returnedCustomers = new Map<string, ReturnedCustomer>();
  const proofs = new Map<string, { customerId: string; expiresAt: number }>();

  /** Remembers what main answered; the oldest entry goes when the map is full. */
  const remember = (result: CustomerLookupResult): CustomerLookupResult => {
    const id = result.customer.id;
    if (id === null) return result;
    returnedCustomers.delete(id);
    returnedCustomers.set(id, { customer: result.customer, seenAt: result.source === 'cache' ? result.seenAt : null });
    if (returnedCustomers.size > RETURNED_LIMIT) {
      const oldest = returnedCustomers.keys().next().value;
      if (oldest !== undefined) returnedCustomers.delete(oldest);
    }
    return result;
  };

  const client = (): DealPosClient => {
    const current = options.client();
    if (!current) throw new ServiceError('not_configured', 'Connect to DealPOS or start the demo store before looking up customers');
    return current;
  };

  // Customer/MobilePhone matches the stored text exactly, and DealPOS keeps whichever form was typed:
  // ask for the number's other forms only while DealPOS finds nobody (at most three interactive
  // requests from the shared budget; any other failure ends the lookup at once).
  const byMobile = async (dealpos: DealPosClient, value: string): Promise<Customer> => {
    const forms = mobileLookupForms(value);
    for (const form of forms.slice(0, -1)) {
      try {
        return await dealpos.customerByMobilePhone(form, CALL);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    // The last form's answer, found or not_found, is the lookup's.
    return dealpos.customerByMobilePhone(forms.at(-1) ?? value, CALL);
  };

  const live = async (dealpos: DealPosClient, by: CustomerLookupBy, value: string): Promise<Customer> => {
    if (by === 'code') return dealpos.customerByCode(value, CALL);
    if (by === 'mobile') return byMobile(dealpos, value);
    // Customer/Email answers without an ID; the PIN check needs one, so fetch it by the code.
    const byEmail = await dealpos.customerByEmail(value, CALL);
    return dealpos.customerByCode(byEmail.Code, CALL);
  };

  const lookup = async (by: CustomerLookupBy, value: string): Promise<CustomerLookupResult | null> => {
    const dealpos = client();
    let found: Customer;
    try {
      found = await live(dealpos, by, value);
    } catch (error) {
      if (isNotFound(error)) return null;
      const cached = isUnreachable(error) ? (options.cache()?.find(by, value) ?? null) : null;
      // Nobody cached: the original error, so the cashier learns DealPOS was not asked.
      if (cached === null) throw error;
      return remember({ customer: cached.customer, source: 'cache', seenAt: cached.seenAt });
    }
    const customer = toSaleCustomer(found);
    const seenAtMs = now();
    try {
      options.cache()?.upsert({ ...customer, id: found.ID }, iso(seenAtMs), seenAtMs);
    } catch (error) {
      // DealPOS answered: a full or failing local disk costs only the offline copy, not this answer.
      if (!(error instanceof StoreError)) throw error;
      options.onCacheWriteFailed?.(error);
    }
    return remember({ customer, source: 'dealpos' });
  };

  const verifyPin = async (customerId: string, pin: string): Promise<PinCheck> => {
    const record = failures.get(customerId);
    if (record && record.lockedUntil > now()) {
      throw new ServiceError('rate_limited', 'Too many wrong PINs for this customer; try again in a few minutes', {
        details: { retryAfterMs: record.lockedUntil - now() },
      });
    }
    const { PIN } = await client().customerPin(customerId, CALL);
    const verified = PIN !== '' && samePin(pin, PIN);
    if (verified) {
      failures.delete(customerId);
      const proof = randomUUID();
      proofs.set(proof, { customerId, expiresAt: now() + PIN_PROOF_TTL_MS });
      return { verified, proof };
    } else {
      // A lockout that ran out starts the count afresh.
      const count = (record && record.lockedUntil === 0 ? record.count : 0) + 1;
      failures.set(customerId, { count, lockedUntil: count >= PIN_MAX_FAILURES ? now() + PIN_LOCKOUT_MS : 0 });
    }
    return { verified, proof: null };
  };

  const consumeProof = (proof: string, customerId: string): boolean => {
    const issued = proofs.get(proof);
    proofs.delete(proof);
    for (const [key, entry] of proofs) if (entry.expiresAt <= now()) proofs.delete(key);
    return issued !== undefined && issued.customerId === customerId && issued.expiresAt > now();
  };

  return {
    lookup,
    verifyPin,
    returned: (customerId) => returnedCustomers.get(customerId) ?? null,
    consumeProof,
    forget: () => {
      returnedCustomers.clear();
      proofs.clear();
    },
    handlers: {
      'customer.lookup': ({ by, value }) => lookup(by, value),
      'customer.verifyPin': ({ customerId, pin }) => verifyPin(customerId, pin),
    },
  };
}
