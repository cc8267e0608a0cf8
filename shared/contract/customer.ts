import { z } from 'zod';
import type { SaleCustomer } from '../sale/sale';
import { method, returns } from './define';

export const CUSTOMER_LOOKUP_BY = ['code', 'mobile', 'email'] as const;
export type CustomerLookupBy = (typeof CUSTOMER_LOOKUP_BY)[number];

export interface PinCheck {
  /** Whether the PIN matched. The PIN DealPOS holds never leaves main. */
  readonly verified: boolean;
}

export const customerMethods = {
  /**
   * Live lookup at DealPOS (checkout priority) by member code, mobile number or email. Resolves
   * null when nobody matches. Errors: `not_configured` (no account or demo), `network`, `timeout`,
   * `rate_limited`, `bad_credentials`, `forbidden`.
   */
  'customer.lookup': method({
    input: z
      .object({
        by: z.enum(CUSTOMER_LOOKUP_BY),
        value: z.string().trim().min(1).max(200),
      })
      .strict(),
    result: returns<SaleCustomer | null>(),
  }),
  /**
   * Checks a PIN the customer typed against the one DealPOS holds, compared in main. After five
   * wrong PINs for one customer, further checks fail with `rate_limited` for five minutes.
   * Errors as for lookup, plus `not_found` when DealPOS does not know the customer id.
   */
  'customer.verifyPin': method({
    input: z
      .object({
        customerId: z.string().trim().min(1).max(64),
        pin: z.string().min(1).max(32),
      })
      .strict(),
    result: returns<PinCheck>(),
  }),
};
