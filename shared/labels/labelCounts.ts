/** How many labels a line gets: one per unit received, as the manager may change it. Pure. */

/**
 * One label per unit. A weighed quantity (1.5 kg) is one pack: whole units only, at least one for
 * anything received; nothing for a zero or negative line (a correction on the bill).
 */
export function defaultLabelCount(quantity: number): number {
  if (!Number.isFinite(quantity) || quantity <= 0) return 0;
  return Math.max(1, Math.floor(quantity));
}

/** What the manager typed as a count: a whole number from 0 up, else null. */
export function parseLabelCount(typed: string): number | null {
  const trimmed = typed.trim();
  if (!/^\d{1,9}$/.test(trimmed)) return null;
  return Number(trimmed);
}
