/**
 * Child process for catalogCrash.test.ts: syncs the catalog from SIM_URL into DB_FILE's catalog
 * file through the bulk writer thread, as the app does, and prints `READY` then `DONE <rows>` after
 * each stored commit, until the parent SIGKILLs it (mid-commit, as often as not). Run with `node --import tsx`.
 */
import { DealPosClient } from '../../../main/dealpos/dealPosClient';
import { RequestBudget } from '../../../main/dealpos/requestBudget';
import { AppStateStore } from '../../../main/store/appStateStore';
import { CatalogStore } from '../../../main/store/catalogStore';
import { openStoreFiles } from '../../support/storeFiles';
import { CatalogSync } from '../../../main/sync/catalogSync';
import { BulkWriter } from '../../../main/workers/bulkWriter';

const { DB_FILE: file, SIM_URL: url, SIM_CLIENT_ID: clientId, SIM_SECRET: clientSecret } = process.env;
if (!file || !url || !clientId || !clientSecret) throw new Error('DB_FILE, SIM_URL, SIM_CLIENT_ID and SIM_SECRET are required');

const { app, catalog } = openStoreFiles(file);
const writer = new BulkWriter({ db: app.db, catalogDb: catalog.db });
const client = new DealPosClient({ baseUrl: url, clientId, clientSecret, budget: new RequestBudget({ limit: 100_000, windowSeconds: 60 }) });
const sync = new CatalogSync({
  client,
  catalog: new CatalogStore(catalog.db, () => null),
  state: new AppStateStore(catalog.db),
  currencyDecimals: () => 0,
  pageSize: 500,
  commitEveryRows: 1_000,
  writer,
  onProgress: (progress) => process.stdout.write(`DONE ${progress.done} ${progress.state}\n`),
});
sync.start();
process.stdout.write('READY\n');
