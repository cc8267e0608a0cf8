/**
 * Maps a DealPOS variant (list row or Variant/Detail) to the cache's record: prices to integer
 * minor units of the store currency. Returns null for a row the counter could not sell correctly.
 */
import type { VariantDetail, VariantListRow } from '../dealpos/schemas';
import type { VariantRecord } from '../store/catalogStore';

type DealPosVariant = Pick<VariantListRow | VariantDetail, 'ID' | 'Code' | 'Name' | 'Product' | 'UnitPrice' | 'Discontinued' | 'OutletPrice'>;

/** DealPOS prices are decimal currency amounts (IDR 50000, USD 12.5); minor units are exact integers. */
export function toMinorUnits(amount: number, decimals: number): number | null {
  const minor = Math.round(amount * 10 ** decimals);
  return Number.isSafeInteger(minor) && minor >= 0 ? minor : null;
}

export function toVariantRecord(variant: DealPosVariant, decimals: number, fetchedAt: string): VariantRecord | null {
  const code = variant.Code.trim();
  const unitPrice = toMinorUnits(variant.UnitPrice, decimals);
  if (code.length === 0 || unitPrice === null) return null;
  const outletPrices: Array<{ outlet: string; price: number }> = [];
  for (const entry of variant.OutletPrice ?? []) {
    const price = toMinorUnits(entry.Price, decimals);
    if (price !== null && entry.Outlet.length > 0) outletPrices.push({ outlet: entry.Outlet, price });
  }
  const name = variant.Name.trim() || code;
  return {
    code,
    name,
    product: variant.Product?.trim() || name,
    unitPrice,
    discontinued: variant.Discontinued,
    updatedAt: fetchedAt,
    dealposId: variant.ID,
    outletPrices,
  };
}
