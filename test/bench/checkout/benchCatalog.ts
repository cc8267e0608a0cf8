/** The checkout bench's synthetic catalog: how many variants and their codes. */
export const BENCH_VARIANTS = 200_000;

export function benchCode(i: number): string {
  return `BN${String(i).padStart(8, '0')}`;
}
