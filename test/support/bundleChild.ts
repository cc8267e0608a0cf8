/**
 * Bundles a test's child process with esbuild, with the options main ships with
 * (scripts/mainBundle.ts), so it runs as plain `node` the way the built app does: a crash test's
 * many restarts pay no TypeScript transform, and a memory probe carries no tsx loader. The native
 * modules stay external: the child finds them through NODE_PATH in the project's node_modules.
 * Returns `<outDir>/<source's name>.cjs`.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { mainBundleOptions } from '../../scripts/mainBundle';

export async function bundleChild(source: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, `${path.basename(source, '.ts')}.cjs`);
  await build({ ...mainBundleOptions(source, outfile), sourcemap: false, logLevel: 'warning' });
  return outfile;
}
