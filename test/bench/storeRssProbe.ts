/**
 * Child process for the store bench: builds the real services over a data folder that already holds
 * a large catalog, exercises lookups and searches, and prints its resident memory as JSON.
 * Run bundled (store.bench.ts builds it with main's esbuild options): node storeRssProbe.cjs <dataDir> <code>…
 */
import { createServices } from '../../main/services';

async function main(): Promise<void> {
  const [dataDir, ...codes] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: storeRssProbe.ts <dataDir> <code>…');
  const services = await createServices({ dataDir, version: 'bench', host: 'browser', logToStderr: false });
  let found = 0;
  for (let round = 0; round < 20; round++) {
    for (const code of codes) {
      const result = await services.dispatch('catalog.resolve', { code });
      if (result.ok && (result.value as { status: string }).status === 'found') found += 1;
    }
    for (const query of ['kop', 'indo', 'sabun', 'teh bot', 'aq', 'roti tawar']) await services.dispatch('catalog.search', { query, limit: 20 });
  }
  const info = await services.dispatch('catalog.syncState', {});
  global.gc?.();
  const rss = process.memoryUsage().rss;
  await services.close();
  process.stdout.write(`${JSON.stringify({ rss, found, info })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
