/**
 * A busy main keeps its memory (issue 20): after holdYoungGeneration(), V8 no longer doubles the
 * young generation under a steady stream of short-lived objects; without it, the same stream makes
 * it grow, so the check can fail. Each run is a fresh process, as the flag is process-wide.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CHILD = path.join(__dirname, 'youngGenerationChild.ts');

function youngGeneration(mode: 'hold' | 'default'): { before: number; after: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, mode], { encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(out) as { before: number; after: number };
}

describe('holdYoungGeneration', () => {
  it('keeps the young generation at its starting size where V8 would otherwise grow it', () => {
    const held = youngGeneration('hold');
    const grown = youngGeneration('default');
    expect(grown.after).toBeGreaterThan(grown.before);
    expect(held.after).toBe(held.before);
  });
});
