export type BenchArea = 'skeleton' | 'dealpos' | 'store' | 'outbox' | 'scanner' | 'checkout' | 'backoffice' | 'shift';

export interface BenchRow {
  readonly name: string;
  readonly area: BenchArea;
  readonly value: number;
  readonly unit: string;
  /** Human-readable goal, e.g. "≤ 3× raw (0.039 ms)"; "-" when the row is informational. */
  readonly goal: string;
  /** Whether the goal holds; null for informational rows. */
  readonly ok: boolean | null;
}

/** A bench module: `test/bench/<area>.bench.ts` exporting `run`. Each must bound its own time. */
export interface BenchModule {
  run(): Promise<BenchRow[]>;
}

export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const index = Math.min(sortedAscending.length - 1, Math.max(0, Math.ceil((p / 100) * sortedAscending.length) - 1));
  return sortedAscending[index] as number;
}
