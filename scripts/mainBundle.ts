/**
 * How every main-process bundle is built (scripts/buildMain.ts), in one place so the test of the
 * built label sheet (test/integration/labels/bundledPdf.test.ts) bundles with exactly these options.
 */
import fs from 'node:fs/promises';
import type { BuildOptions, Plugin } from 'esbuild';

/** Loaded from node_modules at run time: Electron itself and the three native modules. */
export const MAIN_EXTERNAL = ['electron', 'better-sqlite3', '@github/keytar', 'node-hid'];

/**
 * pdfkit (label sheets) loads its standard-font metrics lazily with `createRequire(<its own file>)`
 * and its package-private `#standard-fonts/*` imports. Bundled, "its own file" is electronMain.cjs and
 * those imports no longer resolve, so the first label sheet would fail in the built app only. This
 * turns each such call into a plain `require('pdfkit/standard-fonts/…')` (a public export of the
 * package) that esbuild follows and bundles; a pdfkit release that changes the pattern fails here.
 */
const PDFKIT_STANDARD_FONTS = /require\$1\('#standard-fonts\/(\w+)'\)/g;
const pdfkitStandardFonts: Plugin = {
  name: 'pdfkit-standard-fonts',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit(\.node\.mjs|\.js)$/ }, async (args) => {
      const source = await fs.readFile(args.path, 'utf8');
      const count = source.match(PDFKIT_STANDARD_FONTS)?.length ?? 0;
      if (count !== 14) throw new Error(`pdfkit-standard-fonts: expected the 14 standard font loaders in ${args.path}, found ${count}`);
      return { contents: source.replace(PDFKIT_STANDARD_FONTS, "require('pdfkit/standard-fonts/$1')"), loader: 'js' };
    });
  },
};

export function mainBundleOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    external: MAIN_EXTERNAL,
    sourcemap: true,
    plugins: [pdfkitStandardFonts],
    // import.meta.url is used by path helpers; map it to the CJS file URL.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  };
}
