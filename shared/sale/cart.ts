import type { Money } from '../money';
import { MAX_QUANTITY, type Discount, type SaleLine } from './sale';

/** What the catalog gives the cart for one variant. */
export interface CartItem {
  readonly variantCode: string;
  readonly name: string;
  readonly unitPrice: Money;
}

export type CartChange =
  | { readonly ok: true; readonly lines: readonly SaleLine[]; /** The line that changed, for selection and focus. */ readonly index: number }
  | { readonly ok: false; readonly reason: 'quantity_limit' | 'no_such_line' | 'too_many_lines' };

/** Matches saleDraftSchema's `lines.max(500)`: one sale never holds more distinct lines. */
export const MAX_LINES = 500;

/** Adds `quantity` of an item; the same variant merges into its existing line instead of a second one. */
export function addItem(lines: readonly SaleLine[], item: CartItem, quantity = 1): CartChange {
  const index = lines.findIndex((l) => l.variantCode === item.variantCode);
  if (index === -1) {
    if (lines.length >= MAX_LINES) return { ok: false, reason: 'too_many_lines' };
    if (quantity < 1 || quantity > MAX_QUANTITY) return { ok: false, reason: 'quantity_limit' };
    const line: SaleLine = { variantCode: item.variantCode, name: item.name, quantity, unitPrice: item.unitPrice, discount: null };
    return { ok: true, lines: [...lines, line], index: lines.length };
  }
  const existing = lines[index];
  if (!existing) return { ok: false, reason: 'no_such_line' };
  return setQuantity(lines, index, existing.quantity + quantity);
}

export function setQuantity(lines: readonly SaleLine[], index: number, quantity: number): CartChange {
  const line = lines[index];
  if (!line) return { ok: false, reason: 'no_such_line' };
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) return { ok: false, reason: 'quantity_limit' };
  return { ok: true, lines: replaceAt(lines, index, { ...line, quantity }), index };
}

/** The index that stays selected is the line that moved into the removed one's place (or the new last one). */
export function removeLine(lines: readonly SaleLine[], index: number): CartChange {
  if (!lines[index]) return { ok: false, reason: 'no_such_line' };
  const next = lines.filter((_, i) => i !== index);
  return { ok: true, lines: next, index: Math.min(index, next.length - 1) };
}

export function setLineDiscount(lines: readonly SaleLine[], index: number, discount: Discount | null): CartChange {
  const line = lines[index];
  if (!line) return { ok: false, reason: 'no_such_line' };
  return { ok: true, lines: replaceAt(lines, index, { ...line, discount }), index };
}

function replaceAt(lines: readonly SaleLine[], index: number, line: SaleLine): SaleLine[] {
  const next = lines.slice();
  next[index] = line;
  return next;
}
