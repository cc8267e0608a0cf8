/**
 * The checkout's lookups in main (search, customers, PINs, wedge scans), each turned into a plain
 * outcome the screen can switch on; changes to the sale are in ./saleActions.ts. Only
 * failures the cashier can act on get their own branch; anything else shows main's message.
 */
import type { CatalogItem } from '../../../shared/contract/catalog';
import { PosError } from '../../../shared/errors';
import { pos } from '../../api/pos';
import type { CustomerLookupBy, LookupOutcome, PinOutcome } from '../../components/checkout/CustomerPanel';
import type { SearchOutcome } from '../../components/checkout/SearchPanel';
import { errorMessage } from '../../state/errorMessage';

export const SEARCH_LIMIT = 30;

export async function searchCatalog(query: string): Promise<SearchOutcome> {
  try {
    const items: readonly CatalogItem[] = await pos.catalog.search({ query, limit: SEARCH_LIMIT });
    return { kind: 'ok', items };
  } catch (error) {
    return { kind: 'error', message: errorMessage(error) };
  }
}

export async function lookupCustomer(by: CustomerLookupBy, value: string): Promise<LookupOutcome> {
  try {
    const result = await pos.customer.lookup({ by, value });
    if (!result) return { kind: 'not_found' };
    return { kind: 'found', customer: result.customer, seenAt: result.source === 'cache' ? result.seenAt : null };
  } catch (error) {
    if (error instanceof PosError && error.code === 'not_found') return { kind: 'not_found' };
    return { kind: 'error', message: errorMessage(error) };
  }
}

export async function verifyPin(customerId: string | null, pin: string): Promise<PinOutcome> {
  if (!customerId) return { kind: 'error', message: 'This customer has no DealPOS id to check a PIN against' };
  try {
    const { verified, proof } = await pos.customer.verifyPin({ customerId, pin });
    return verified && proof !== null ? { kind: 'ok', proof } : { kind: 'wrong' };
  } catch (error) {
    return { kind: 'error', message: errorMessage(error) };
  }
}

/**
 * Hands a keyboard-wedge scan to main, which merges it with HID scans into the one `scan` event.
 * `duplicate`: main already had it from the chosen HID scanner; `failed`: main could not be told.
 */
export async function reportWedgeScan(code: string): Promise<'reported' | 'duplicate' | 'failed'> {
  try {
    const receipt = await pos.scanner.reportWedgeScan({ code, at: new Date().toISOString() });
    return receipt.emitted ? 'reported' : 'duplicate';
  } catch {
    // Deliberately broad: whatever went wrong on the way to main, the scan must still reach the cart.
    return 'failed';
  }
}
