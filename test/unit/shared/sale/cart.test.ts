import { describe, expect, it } from 'vitest';
import { addItem, MAX_LINES, removeLine, setLineDiscount, setQuantity } from '../../../../shared/sale/cart';
import { MAX_QUANTITY, type SaleLine } from '../../../../shared/sale/sale';

const tea = { variantCode: 'TEA-01', name: 'Teh Botol', unitPrice: 5_000 };
const rice = { variantCode: 'RICE-5', name: 'Beras 5 kg', unitPrice: 72_500 };

function ok(change: ReturnType<typeof addItem>): { lines: readonly SaleLine[]; index: number } {
  if (!change.ok) throw new Error(`expected ok, got ${change.reason}`);
  return change;
}

describe('cart', () => {
  it('adds a new variant as a new line and reports its index', () => {
    const first = ok(addItem([], tea));
    const second = ok(addItem(first.lines, rice));
    expect(second.lines.map((l) => [l.variantCode, l.quantity])).toEqual([['TEA-01', 1], ['RICE-5', 1]]);
    expect(second.index).toBe(1);
  });

  it('merges the same variant into its existing line', () => {
    let lines = ok(addItem([], tea)).lines;
    lines = ok(addItem(lines, rice)).lines;
    const merged = ok(addItem(lines, tea, 2));
    expect(merged.lines).toHaveLength(2);
    expect(merged.lines[0]?.quantity).toBe(3);
    expect(merged.index).toBe(0);
  });

  it('rejects quantities outside 1..MAX_QUANTITY without changing anything', () => {
    const lines = ok(addItem([], tea)).lines;
    expect(setQuantity(lines, 0, 0)).toEqual({ ok: false, reason: 'quantity_limit' });
    expect(setQuantity(lines, 0, MAX_QUANTITY + 1)).toEqual({ ok: false, reason: 'quantity_limit' });
    expect(setQuantity(lines, 0, 1.5)).toEqual({ ok: false, reason: 'quantity_limit' });
    expect(addItem(ok(setQuantity(lines, 0, MAX_QUANTITY)).lines, tea)).toEqual({ ok: false, reason: 'quantity_limit' });
    expect(setQuantity(lines, 4, 2)).toEqual({ ok: false, reason: 'no_such_line' });
  });

  it('removes a line and keeps a sensible selection', () => {
    let lines = ok(addItem([], tea)).lines;
    lines = ok(addItem(lines, rice)).lines;
    expect(ok(removeLine(lines, 1)).index).toBe(0);
    expect(ok(removeLine(lines, 0)).lines.map((l) => l.variantCode)).toEqual(['RICE-5']);
    expect(ok(removeLine(ok(removeLine(lines, 0)).lines, 0)).index).toBe(-1);
  });

  it('sets and clears a line discount', () => {
    const lines = ok(addItem([], tea)).lines;
    const discounted = ok(setLineDiscount(lines, 0, { kind: 'percent', basisPoints: 1_000 })).lines;
    expect(discounted[0]?.discount).toEqual({ kind: 'percent', basisPoints: 1_000 });
    expect(ok(setLineDiscount(discounted, 0, null)).lines[0]?.discount).toBeNull();
  });

  it('refuses a line beyond the sale limit', () => {
    let lines: readonly SaleLine[] = [];
    for (let i = 0; i < MAX_LINES; i++) lines = ok(addItem(lines, { ...tea, variantCode: `V${i}` })).lines;
    expect(addItem(lines, rice)).toEqual({ ok: false, reason: 'too_many_lines' });
    expect(ok(addItem(lines, { ...tea, variantCode: 'V0' })).lines[0]?.quantity).toBe(2);
  });
});
