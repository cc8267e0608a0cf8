/** Bundles the Electron main process, its worker threads and the preload into dist/ (native modules stay external). */
import { build } from 'esbuild';
import { mainBundleOptions } from './mainBundle';

/** Main and its worker threads (main/workers/startWorker.ts finds each `<name>.cjs` beside electronMain.cjs). */
const MAIN_ENTRIES: Record<string, string> = {
  electronMain: 'main/app/electronMain.ts',
  'bulkWriter.worker': 'main/workers/bulkWriter.worker.ts',
  'demoSimulator.worker': 'main/workers/demoSimulator.worker.ts',
};

async function main(): Promise<void> {
  await Promise.all([
    ...Object.entries(MAIN_ENTRIES).map(([name, entry]) => build(mainBundleOptions(entry, `dist/main/${name}.cjs`))),
    build({
      entryPoints: ['preload/electronPreload.ts'],
      outfile: 'dist/preload/electronPreload.cjs',
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node24',
      external: ['electron'],
      sourcemap: true,
    }),
  ]);
  console.log(`Built ${Object.keys(MAIN_ENTRIES).map((name) => `dist/main/${name}.cjs`).join(', ')} and dist/preload/electronPreload.cjs`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
