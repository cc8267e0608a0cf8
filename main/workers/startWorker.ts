/**
 * Starts one of main's worker threads by name, wherever main runs from:
 * - the built app (esbuild bundles every entry into dist/main/, so this module's URL is the bundle's
 *   .cjs file): the worker's own bundle next to it, `<name>.cjs` — read from the asar like the rest;
 * - the sources (tsx, vitest, Playwright's loader): `main/workers/<name>.ts`, started through tsx's
 *   loader, which a plain `--import tsx` in the worker's execArgv does not install for ESM workers.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export type WorkerName = 'bulkWriter.worker' | 'demoSimulator.worker';

export function startWorker(name: WorkerName, options: Pick<WorkerOptions, 'workerData'> = {}): Worker {
  const here = import.meta.url;
  const named = { ...options, name };
  if (here.endsWith('.cjs')) return new Worker(new URL(`./${name}.cjs`, here), named);
  const entry = new URL(`./${name}.ts`, here).href;
  // The ESM build of tsx's API sits beside the CommonJS one that require.resolve answers.
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), named);
}
