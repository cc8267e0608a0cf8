/**
 * The checkout bench's app process: the real services in demo mode behind the browser host, with
 * 200,000 variants added to the catalog cache. It runs apart from the Playwright driver, as the
 * Electron main process would, so driving the browser does not steal its event loop. Prints one
 * JSON line `{ url, seedMs }` when ready and shuts down when stdin closes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHost } from '../../../main/browserHost/browserHost';
import { runHost, serveUntilStdinEnds } from '../hostLifetime';
import { createServices } from '../../../main/services';
import { DEMO_FIXTURES } from '../../../main/simulator/demoData';
import { openCatalogDatabase } from '../../../main/store/catalogDatabase';
import { DEMO_DB_FILE } from '../../../main/store/database';
import { CatalogStore, type VariantRecord } from '../../../main/store/catalogStore';
import { BENCH_VARIANTS, benchCode } from './benchCatalog';

/** Far above any generation the demo's own catalog sync reaches, so its clean-up keeps these rows. */
const SEED_GENERATION = 1_000_000_000;

function seedCatalog(dataDir: string): number {
  const opened = openCatalogDatabase({ appFile: path.join(dataDir, DEMO_DB_FILE) });
  try {
    const store = new CatalogStore(opened.db, () => DEMO_FIXTURES.outlets.main);
    const at = new Date().toISOString();
    const words = ['Kopi', 'Teh', 'Susu', 'Roti', 'Sabun', 'Beras'];
    const batch: VariantRecord[] = [];
    const started = performance.now();
    for (let i = 0; i < BENCH_VARIANTS; i++) {
      batch.push({
        code: benchCode(i),
        name: `Bench item ${i} ${words[i % words.length] ?? ''}`,
        product: `Bench product ${Math.floor(i / 4)}`,
        unitPrice: 1_000 + (i % 500) * 100,
        discontinued: false,
        updatedAt: at,
        dealposId: null,
        outletPrices: [],
      });
      if (batch.length === 5_000) {
        store.upsertMany(batch, SEED_GENERATION);
        batch.length = 0;
      }
    }
    if (batch.length > 0) store.upsertMany(batch, SEED_GENERATION);
    return performance.now() - started;
  } finally {
    opened.close();
  }
}

async function main(): Promise<void> {
  const rendererDir = process.argv[2];
  if (!rendererDir) throw new Error('usage: benchHost.ts <rendererDir>');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealpos-bench-checkout-'));
  const services = await createServices({ dataDir, version: 'bench', host: 'browser', logToStderr: false });
  await services.handlers['account.startDemo']({});
  await services.handlers['settings.update']({
    outlet: DEMO_FIXTURES.outlets.main,
    register: 'Bench',
    taxType: DEMO_FIXTURES.taxes.ppnExclusive,
    paymentMethods: [DEMO_FIXTURES.paymentMethods.cash, DEMO_FIXTURES.paymentMethods.debit],
    invoiceNumberPrefix: 'BENCH',
  });
  // Let the demo's own first catalog pass finish, then add the bulk beside it.
  const deadline = Date.now() + 60_000;
  while ((await services.handlers['catalog.syncState']({})).state !== 'complete' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seedMs = seedCatalog(dataDir);
  const visible = await services.handlers['catalog.resolve']({ code: benchCode(BENCH_VARIANTS - 1) });
  if (visible.status !== 'found') throw new Error('the seeded catalog is not visible to the app');
  const host = await startBrowserHost({ services, rendererDir });
  process.stdout.write(`${JSON.stringify({ url: host.url, seedMs })}\n`);

  serveUntilStdinEnds(host, services, () => fs.rmSync(dataDir, { recursive: true, force: true }));
}

runHost(main);
