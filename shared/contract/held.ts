/**
 * Held (parked) sales (issue 16): the cashier parks the sale in progress with an optional note and
 * serves the next customer at once; the parked sale keeps its customer, discounts, approvals and
 * the prices it was quoted. Main keeps several per register in SQLite, so they survive a restart.
 */
import { z } from 'zod';
import type { CatalogItem } from './catalog';
import type { SaleView } from './sale';
import type { Money } from '../money';
import { text } from '../text/text';
import { method, returns } from './define';

const id = text({ max: 64 });

export interface HeldSaleSummary {
  readonly heldId: string;
  /** ISO 8601 with the register's offset. */
  readonly heldAt: string;
  /** Who parked it (the register's name until cashiers sign in); null when unknown. */
  readonly cashier: string | null;
  readonly note: string;
  readonly total: Money;
  readonly customerName: string | null;
  readonly lines: readonly { readonly name: string; readonly quantity: number }[];
  /** Held longer than the Settings limit: shown flagged, never dropped. */
  readonly stale: boolean;
}

export interface HeldSaleList {
  readonly held: readonly HeldSaleSummary[];
  /** The Settings limit the `stale` flags follow. */
  readonly staleAfterHours: number;
}

export interface ResumedSale {
  readonly sale: SaleView;
  /** Items of the resumed sale discontinued since it was parked: warned about, as at a scan. */
  readonly discontinued: readonly CatalogItem[];
  /** Set when the cart that was open was parked to make room (its held id). */
  readonly parkedCurrent: string | null;
}

export const heldMethods = {
  /**
   * Parks the open sale with an optional note and starts an empty one. Errors: `validation` (the sale
   * is empty, or has payments on it), `conflict` (that sale is no longer open).
   */
  'held.park': method({
    input: z.object({ draftId: id, note: text({ max: 200, min: 0 }).default('') }).strict(),
    result: returns<{ readonly sale: SaleView; readonly held: HeldSaleSummary }>(),
  }),
  /** Every held sale on this register, oldest first. */
  'held.list': method({ input: z.object({}).strict(), result: returns<HeldSaleList>() }),
  /**
   * Makes a held sale the open one. Into a cart with items only with `parkCurrent`, which parks that
   * cart first (nothing is dropped); without it: `conflict` with details.cartNotEmpty. Also
   * `not_found` (already resumed elsewhere), `validation` (the open cart has payments).
   */
  'held.resume': method({
    input: z.object({ draftId: id, heldId: id, parkCurrent: z.boolean().default(false) }).strict(),
    result: returns<ResumedSale>(),
  }),
};

export const heldEvents = {};
