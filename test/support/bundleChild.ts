/**
 * Bundles a crash test's child process once per run with esbuild, so each of its many restarts is
 * plain `node` (no TypeScript transform per start). The native module stays external: the child
 * finds it through NODE_PATH in the project's node_modules.
 */
import path from 'node:path';
import { build } from 'esbuild';

export async function bundleChild(source: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, `${path.basename(source, '.ts')}.cjs`);
  await build({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    external: ['better-sqlite3'],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
