/** Bundles the Electron main process and the preload into dist/ (native modules stay external). */
import { build } from 'esbuild';

const external = ['electron', 'better-sqlite3', '@github/keytar', 'node-hid'];

async function main(): Promise<void> {
  await Promise.all([
    build({
      entryPoints: ['main/app/electronMain.ts'],
      outfile: 'dist/main/electronMain.cjs',
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node24',
      external,
      sourcemap: true,
      // import.meta.url is used by path helpers; map it to the CJS file URL.
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
    }),
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
  console.log('Built dist/main/electronMain.cjs and dist/preload/electronPreload.cjs');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
