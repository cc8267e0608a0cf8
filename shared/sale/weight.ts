/** Kilograms from whole grams with three decimals, exactly (no float ever rounds a weight): "1.234" or, with ',', "1,234". */
export function kilogramsText(grams: number, decimalMark: string): string {
  return `${Math.floor(grams / 1000)}${decimalMark}${String(grams % 1000).padStart(3, '0')}`;
}
