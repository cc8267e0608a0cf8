/**
 * Renderer bundle row of the checkout area (issue 7): the gzipped JavaScript a fresh production
 * build of the renderer ships. (Scan-to-paint, cold load and heap rows live in checkout.bench.ts.)
 * The file name puts it under `npm run bench -- --only checkout`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';
import type { BenchRow } from './benchRow';

const JS_GOAL_KB = 250;
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

function gzippedJsBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    total += zlib.gzipSync(fs.readFileSync(path.join(entry.parentPath, entry.name)), { level: 9 }).length;
  }
  return total;
}

export async function run(): Promise<BenchRow[]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-bench-renderer-'));
  try {
    await build({
      configFile: path.join(repoRoot, 'renderer/vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
    const kb = gzippedJsBytes(outDir) / 1024;
    return [{ name: 'renderer JavaScript, gzipped (all chunks)', area: 'checkout', value: kb, unit: 'KB', goal: `≤ ${JS_GOAL_KB} KB`, ok: kb <= JS_GOAL_KB }];
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
