import { z } from 'zod';
import type { SaleCustomer } from '../sale/sale';
import { secretText, text } from '../text/text';
import { method, returns } from './define';

export const CUSTOMER_LOOKUP_BY = ['code', 'mobile', 'email'] as const;
export type CustomerLookupBy = (typeof CUSTOMER_LOOKUP_BY)[number];

export interface PinCheck {
  /** Whether the PIN matched. The PIN DealPOS holds never leaves main. */
  readonly verified: boolean;
  /**
   * When verified: a single-use proof bound to this customer id, good for a few minutes. Handing it
   * to `sale.acceptPinProof` lets the sale in progress redeem this customer's points.
   */
  readonly proof: string | null;
}

/**
 * A found customer and where the details came from: DealPOS itself, or (only while DealPOS cannot be
 * reached) this register's cache of what DealPOS last said, as of `seenAt` (ISO 8601 with offset).
 */
export type CustomerLookupResult =
  | { readonly customer: SaleCustomer; readonly source: 'dealpos' }
  | { readonly customer: SaleCustomer; readonly source: 'cache'; readonly seenAt: string };

export const customerMethods = {
  /**
   * Looks a customer up at DealPOS first (checkout priority) by member code, mobile number or email;
   * every customer DealPOS returns is remembered in this mode's local cache. Only when DealPOS cannot
   * be reached (`network`, `timeout`) does it answer from that cache, with `source: 'cache'` and the
   * `seenAt` of the details: the points shown may be out of date, and a cached answer never verifies
   * a PIN (redeeming points needs DealPOS). Resolves null when DealPOS answers that nobody matches,
   * even if the cache knows someone (DealPOS is the truth when it answers). Errors: `network` /
   * `timeout` when DealPOS is unreachable and the cache has nobody either, `not_configured` (no
   * account or demo), `rate_limited`, `bad_credentials`, `forbidden`, `storage`.
   */
  'customer.lookup': method({
    input: z
      .object({
        by: z.enum(CUSTOMER_LOOKUP_BY),
        value: text({ max: 200 }),
      })
      .strict(),
    result: returns<CustomerLookupResult | null>(),
  }),
  /**
   * Checks a PIN the customer typed against the one DealPOS holds, compared in main. After five
   * wrong PINs for one customer, further checks fail with `rate_limited` for five minutes.
   * Errors as for lookup, plus `not_found` when DealPOS does not know the customer id.
   */
  'customer.verifyPin': method({
    input: z
      .object({
        customerId: text({ max: 64 }),
        pin: secretText({ max: 32 }),
      })
      .strict(),
    result: returns<PinCheck>(),
  }),
};
