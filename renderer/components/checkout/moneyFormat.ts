import { formatMoney, IDR, type Money } from '../../../shared/money';

export type FormatMoney = (amount: Money) => string;

/** Rupiah are shown the Indonesian way ("Rp 12.500") in both UI languages; decimals come from settings. */
export function moneyFormatter(decimals: number): FormatMoney {
  const format = { ...IDR, decimals };
  const cache = new Map<Money, string>();
  return (amount) => {
    let text = cache.get(amount);
    if (text === undefined) {
      text = formatMoney(amount, format);
      if (cache.size > 5_000) cache.clear();
      cache.set(amount, text);
    }
    return text;
  };
}

/** "10 %" / "12,5 %" from basis points. */
export function formatPercent(basisPoints: number): string {
  return `${new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(basisPoints / 100)}%`;
}
